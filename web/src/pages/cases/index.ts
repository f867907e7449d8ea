export { CaseDetailPage } from './CaseDetailPage';
export { CaseListPage } from './CaseListPage';
export { InboxPage } from './InboxPage';
