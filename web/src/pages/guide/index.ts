export { GuideDetailPage } from './GuideDetailPage';
export { GuideListPage } from './GuideListPage';
export { OnlineConsultPage } from './OnlineConsultPage';
export { PublicLayout } from './PublicLayout';
