export { AssessmentPage } from './AssessmentPage';
export { MyAssessmentPage } from './MyAssessmentPage';
