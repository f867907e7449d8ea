export { EmergencyPage } from './EmergencyPage';
export { FeesPage } from './FeesPage';
export { FeesPanel } from './FeesPanel';
