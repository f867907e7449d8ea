export { AppointmentsPage } from './AppointmentsPage';
export { BookingPage } from './BookingPage';
export { CheckInPage } from './CheckInPage';
