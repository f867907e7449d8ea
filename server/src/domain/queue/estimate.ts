/** What the wait estimate is computed from. */
export interface WaitInputs {
  /** Tickets that will be called before this one. */
  ahead: number;
  /** Windows open (not paused, not closed) that serve the category; 0 when none is open yet. */
  openWindows: number;
  /** Recent service times of the category, in ms, newest first. */
  recentServiceMs: readonly number[];
  /** The category's configured typical service time, used until enough real times exist. */
  defaultServiceMs: number;
}

/** Fewer real service times than this and the configured typical time is blended in. */
export const MIN_SAMPLES = 5;

/**
 * The typical service time: a trimmed mean of recent times (the longest and shortest tenth are dropped, so one
 * forgotten "finish" does not double every estimate), blended with the configured default while samples are few.
 */
export function typicalServiceMs(recent: readonly number[], defaultMs: number): number {
  const valid = recent.filter((ms) => Number.isFinite(ms) && ms > 0);
  if (valid.length === 0) return defaultMs;
  const sorted = [...valid].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 10);
  const kept = sorted.slice(cut, sorted.length - cut);
  const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
  if (valid.length >= MIN_SAMPLES) return Math.round(mean);
  const w = valid.length / MIN_SAMPLES;
  return Math.round(w * mean + (1 - w) * defaultMs);
}

/**
 * Expected wait before being called: the people ahead are shared among the open windows, each taking the
 * typical service time. With no window open the hall is assumed to open one (the estimate is then a floor).
 */
export function estimateWaitMs(i: WaitInputs): number {
  if (i.ahead <= 0) return 0;
  const windows = Math.max(1, i.openWindows);
  return Math.round((i.ahead * typicalServiceMs(i.recentServiceMs, i.defaultServiceMs)) / windows);
}

/** Minutes to show, rounded up so the hall never promises less than it will take. */
export const waitMinutes = (ms: number): number => Math.ceil(ms / 60_000);

/** Mean absolute error of estimates against the real waits, in ms; null when there is nothing to compare. */
export function meanAbsoluteError(pairs: readonly { estimatedMs: number; actualMs: number }[]): number | null {
  if (pairs.length === 0) return null;
  return Math.round(pairs.reduce((s, p) => s + Math.abs(p.estimatedMs - p.actualMs), 0) / pairs.length);
}

/** The ticket number shown and called: the category prefix and a three-digit daily sequence (A001). */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
