/**
 * 客流拥挤报警 (R17): the hall is crowded when the waiting tickets or the longest wait pass its thresholds. The
 * alarm fires on the crossing from calm to crowded only; it fires again only after the hall has fallen back
 * below both thresholds and crossed once more. Each sweep passes the state it left behind.
 */

export interface CrowdingThresholds {
  /** Alarm when more tickets than this are waiting. */
  maxWaiting: number;
  /** Alarm when the longest wait is longer than this many minutes. */
  maxWaitMinutes: number;
}

export interface CrowdingReading {
  waiting: number;
  longestWaitMinutes: number;
}

export const isCrowded = (r: CrowdingReading, t: CrowdingThresholds) =>
  r.waiting > t.maxWaiting || r.longestWaitMinutes > t.maxWaitMinutes;

/** One sweep: the new state and whether to alarm now. */
export function crowdingStep(
  wasOver: boolean,
  r: CrowdingReading,
  t: CrowdingThresholds,
): { over: boolean; fire: boolean } {
  const over = isCrowded(r, t);
  return { over, fire: over && !wasOver };
}
