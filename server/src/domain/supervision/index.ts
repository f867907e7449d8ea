/** Electronic supervision (电子监察): on-time rate, who is alerted, stuck hand-overs. Pure rules. */
export {
  type FinishedCase,
  type GroupFigure,
  inPeriod,
  isOnTime,
  onTimeByGroup,
  onTimeRate,
  type OnTimeFigure,
} from './on-time.ts';
export {
  DEFAULT_STUCK_DAYS,
  isStuck,
  type Level,
  type Recipient,
  recipientsOf,
  type Tally,
  tally,
  type WatchedClock,
} from './watch.ts';
