export { DisplayPage } from './DisplayPage';
export { KioskPage, TicketStatusPage } from './KioskPage';
export { SetupPage } from './SetupPage';
export { WindowPage } from './WindowPage';
