export { StaffPage } from './StaffPage';
export { CoverBanner } from './CoverBanner';
