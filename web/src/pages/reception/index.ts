export { ReceptionPage } from './ReceptionPage';
export { ApplicantFilePage } from './ApplicantFilePage';
