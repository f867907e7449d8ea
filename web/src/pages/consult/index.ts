export { ConsultDetailPage } from './ConsultDetailPage';
export { ConsultListPage } from './ConsultListPage';
