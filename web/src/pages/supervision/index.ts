export { AlertBell } from './AlertBell';
export { AlertsPage } from './AlertsPage';
export { BoardPage } from './BoardPage';
export { OnTimePage } from './OnTimePage';
