export { ComplaintAnalysisPage } from './AnalysisPage';
export { CaseObjectionsPanel } from './CaseObjectionsPanel';
export { ComplaintDetailPage } from './ComplaintDetailPage';
export { ComplaintsPage } from './ComplaintsPage';
export { ObjectionsPage } from './ObjectionsPage';
export { PublicComplaintPage } from './PublicComplaintPage';
