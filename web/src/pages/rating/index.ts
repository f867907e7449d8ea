export { FollowUpsPage } from './FollowUpsPage';
export { PadPage } from './PadPage';
