export { AdminRequestsPage } from './AdminRequestsPage';
export { SecurityPage } from './SecurityPage';
