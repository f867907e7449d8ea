export { CaseNotices } from './CaseNotices';
export { NoticeLogPage } from './NoticeLogPage';
export { TemplatesPage } from './TemplatesPage';
