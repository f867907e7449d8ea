export { MyTasksPage, ReportsPage } from './ReportsPage';
