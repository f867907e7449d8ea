export { ConductPage } from './ConductPage';
export { MeetingsPage } from './MeetingsPage';
export { MyWorkCard } from './MyWorkCard';
export { TrainingPage } from './TrainingPage';
