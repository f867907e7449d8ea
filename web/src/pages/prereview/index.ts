export { ApplicationPage } from './ApplicationPage';
export { ApplyPage } from './ApplyPage';
export { PrereviewDeskPage } from './PrereviewDeskPage';
