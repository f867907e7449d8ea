export { OverdueRectificationsSection } from './BoardSection';
export { QualityReportPage } from './QualityReportPage';
export { RectificationsPage } from './RectificationsPage';
export { SamplePage } from './SamplePage';
