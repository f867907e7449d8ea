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

/** The instant a China day begins (its 00:00 at UTC+8), for reading instants of whole China days. */
export function chinaDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/**
 * TEST ONLY: "now" read from a file holding an ISO instant (ONEWINDOW_CLOCK_FILE), so end-to-end tests move
 * the server's day without sleeping. Read on every call (a tiny file), so a test that writes a new instant
 * sees it on its next request; a missing or unparsable file falls back to the system clock.
 */
export class FileClock implements Clock {
  constructor(
    private readonly file: string,
    private readonly read: (file: string) => string,
    private readonly system: Clock = systemClock,
  ) {}
  now(): number {
    try {
      const parsed = Date.parse(this.read(this.file).trim());
      if (Number.isFinite(parsed)) return parsed;
    } catch {
      // No file yet: the system clock.
    }
    return this.system.now();
  }
}
