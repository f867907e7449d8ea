export { FollowUpsPage } from './FollowUpsPage';
export { PadPage } from './PadPage';
export { RatePage } from './RatePage';
export { CaseRatingTasksPage } from './CaseRatingTasksPage';
export { CaseFeedbackPage } from './CaseFeedbackPage';
export { CaseRatingBoardSection } from './BoardSection';
