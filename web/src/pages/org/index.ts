export { DepartmentsPage } from './DepartmentsPage';
export { HallsPage } from './HallsPage';
export { WindowsPage } from './WindowsPage';
