/**
 * Erlang C (M/M/N): people arrive at random (Poisson) and wait in one line for N windows whose service times are
 * exponential. Pure arithmetic, no I/O. Numerically stable at any size: the Erlang B blocking probability is built
 * by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), never from A^N / N!, and Erlang C follows from it:
 * C = N·B / (N − A·(1 − B)).
 */

/** Offered load in Erlangs: arrivals per hour × service minutes / 60. */
export const trafficErlangs = (arrivalsPerHour: number, serviceMinutes: number) =>
  (arrivalsPerHour * serviceMinutes) / 60;

/** Erlang B: the probability that all N servers are busy in a loss system offered A Erlangs. */
export function erlangB(load: number, windows: number): number {
  let b = 1;
  for (let k = 1; k <= windows; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Erlang C: the probability that an arrival has to wait (1 when the windows cannot keep up, N ≤ A). */
export function probabilityOfWaiting(load: number, windows: number): number {
  if (load <= 0) return 0;
  if (windows <= load) return 1;
  const b = erlangB(load, windows);
  return Math.min(1, (windows * b) / (windows - load * (1 - b)));
}

/** Service level: P(wait ≤ t) = 1 − C·e^(−(N − A)·t / h), with t and h in the same unit. */
export function serviceLevel(load: number, windows: number, targetWaitSeconds: number, serviceSeconds: number): number {
  if (load <= 0) return 1;
  if (windows <= load) return 0;
  const c = probabilityOfWaiting(load, windows);
  return Math.max(0, Math.min(1, 1 - c * Math.exp((-(windows - load) * targetWaitSeconds) / serviceSeconds)));
}

/** Average speed of answer (mean wait over everyone, waiting or not): C·h / (N − A). Infinite when N ≤ A. */
export function averageWaitSeconds(load: number, windows: number, serviceSeconds: number): number {
  if (load <= 0) return 0;
  if (windows <= load) return Number.POSITIVE_INFINITY;
  return (probabilityOfWaiting(load, windows) * serviceSeconds) / (windows - load);
}

export interface StaffingQuestion {
  arrivalsPerHour: number;
  serviceMinutes: number;
  targetWaitSeconds: number;
  /** A fraction, e.g. 0.8 for 80 % called within the target wait. */
  targetServiceLevel: number;
}

export interface StaffingAnswer {
  windows: number;
  serviceLevel: number;
  probabilityOfWaiting: number;
  averageWaitSeconds: number;
}

/** The most windows the search tries; a load needing more is not a one-window hall's question. */
export const MAX_WINDOWS = 1000;

/** The figures at a given number of windows. */
export function figuresAt(q: Omit<StaffingQuestion, 'targetServiceLevel'>, windows: number): StaffingAnswer {
  const load = trafficErlangs(q.arrivalsPerHour, q.serviceMinutes);
  const h = q.serviceMinutes * 60;
  return {
    windows,
    serviceLevel: serviceLevel(load, windows, q.targetWaitSeconds, h),
    probabilityOfWaiting: probabilityOfWaiting(load, windows),
    averageWaitSeconds: averageWaitSeconds(load, windows, h),
  };
}

/**
 * The smallest number of windows whose service level reaches the target, and the figures at that number. No
 * arrivals need no window. Starts at the first N above the load (fewer can never keep up) and climbs: the service
 * level rises with every window added, so the first N that reaches the target is the smallest.
 */
export function windowsNeeded(q: StaffingQuestion): StaffingAnswer {
  const load = trafficErlangs(q.arrivalsPerHour, q.serviceMinutes);
  if (load <= 0) return { windows: 0, serviceLevel: 1, probabilityOfWaiting: 0, averageWaitSeconds: 0 };
  let n = Math.max(1, Math.floor(load) + 1);
  for (; n < MAX_WINDOWS; n++) if (figuresAt(q, n).serviceLevel >= q.targetServiceLevel) break;
  return figuresAt(q, n);
}
