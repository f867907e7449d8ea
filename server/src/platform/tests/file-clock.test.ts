import { describe, expect, it } from 'vitest';
import { FileClock, ManualClock } from '../clock.ts';

describe('FileClock (test only)', () => {
  it('reads the instant from the file on every call and falls back to the system clock', () => {
    const files = new Map<string, string>();
    const read = (f: string) => {
      const v = files.get(f);
      if (v === undefined) throw new Error('ENOENT');
      return v;
    };
    const clock = new FileClock('/tmp/now', read, new ManualClock(42));
    expect(clock.now()).toBe(42);
    files.set('/tmp/now', '2026-03-10T01:00:00Z\n');
    expect(clock.now()).toBe(Date.parse('2026-03-10T01:00:00Z'));
    files.set('/tmp/now', '2026-03-11T01:00:00.000Z');
    expect(clock.now()).toBe(Date.parse('2026-03-11T01:00:00Z'));
    files.set('/tmp/now', 'not a time');
    expect(clock.now()).toBe(42);
  });
});
