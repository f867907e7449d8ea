export { StatsDashboardPage } from './StatsDashboardPage';
