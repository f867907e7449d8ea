export { BoardSections } from './BoardSections';
export { CaseSupportPanels } from './CaseSupportPanels';
export { EscalationMenuLabel } from './EscalationMenuLabel';
export { PendingEscalationsPage } from './PendingEscalationsPage';
export { MyExpertRequestsPage } from './MyExpertRequestsPage';
