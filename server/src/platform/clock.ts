/** The one source of "now"; tests drive it instead of sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8, no daylight saving) at an instant, as 'YYYY-MM-DD'. */
export function chinaDay(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}
