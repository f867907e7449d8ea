export { ArchivesPage } from './ArchivesPage';
export { DisposalPage } from './DisposalPage';
export { LoansPage } from './LoansPage';
