import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDays,
  dayOfWeek,
  fromSerial,
  InvalidDayError,
  isValidDay,
  parseDay,
  toSerial,
} from './days.ts';

function errorOf(fn: () => unknown): InvalidDayError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidDayError) return e;
    throw e;
  }
  throw new Error('expected an InvalidDayError');
}

describe('parseDay', () => {
  it('accepts real days, including 29 February of a leap year', () => {
    expect(parseDay('2026-02-03')).toBe('2026-02-03');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2000-02-29')).toBe('2000-02-29');
  });

  it("rejects '2026-02-30' saying February 2026 has 28 days", () => {
    const e = errorOf(() => parseDay('2026-02-30', 'start'));
    expect(e.message).toContain('start');
    expect(e.message).toContain('"2026-02-30"');
    expect(e.en).toBe('day 30 does not exist: 2026-02 has 28 days');
    expect(e.zh).toBe('日 30 不存在：2026年2月只有 28 天');
  });

  it("rejects '2026-2-3' asking for zero-padded digits", () => {
    const e = errorOf(() => parseDay('2026-2-3'));
    expect(e.en).toContain("4, 2 and 2 digits, e.g. '2026-02-03'");
    expect(e.zh).toContain('4位、2位、2位');
  });

  it.each([
    ['2025-02-29', 'day 29 does not exist: 2025-02 has 28 days'],
    ['1900-02-29', 'day 29 does not exist: 1900-02 has 28 days'],
    ['2026-04-31', 'day 31 does not exist: 2026-04 has 30 days'],
    ['2026-00-10', 'month 00 does not exist (01–12)'],
    ['2026-13-01', 'month 13 does not exist (01–12)'],
    ['2026-01-00', 'day 00 does not exist: 2026-01 has 31 days'],
    ['0226-01-05', 'year 0226 is outside the supported range 1900–2199'],
    ['2026/02/03', "expected the form 'YYYY-MM-DD', e.g. '2026-02-03'"],
    ['2026-02-03T00:00:00Z', "expected the form 'YYYY-MM-DD', e.g. '2026-02-03'"],
    [' 2026-02-03', "expected the form 'YYYY-MM-DD', e.g. '2026-02-03'"],
    ['', "expected the form 'YYYY-MM-DD', e.g. '2026-02-03'"],
  ])('rejects %j: %s', (value, en) => {
    expect(errorOf(() => parseDay(value)).en).toBe(en);
    expect(isValidDay(value)).toBe(false);
  });

  it('rejects a Date object (its calendar day depends on the time zone)', () => {
    expect(errorOf(() => parseDay(new Date(0))).en).toBe("expected a 'YYYY-MM-DD' string, got object");
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('knows the day of the week (0 = Sunday)', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-01-26')).toBe(0);
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(dayOfWeek('1900-01-01')).toBe(1);
  });

  it('compares days', () => {
    expect(compareDays('2025-12-31', '2026-01-01')).toBeLessThan(0);
    expect(compareDays('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareDays('2026-10-01', '2026-09-30')).toBeGreaterThan(0);
  });

  it('matches UTC Date arithmetic for every supported day (and so never depends on the time zone)', () => {
    const first = toSerial('1900-01-01');
    const last = toSerial('2199-12-31');
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (serial) => {
        const viaDate = new Date(serial * 86_400_000);
        const day = fromSerial(serial);
        expect(day).toBe(viaDate.toISOString().slice(0, 10));
        expect(toSerial(day)).toBe(serial);
        expect(parseDay(day)).toBe(day);
        expect(dayOfWeek(day)).toBe(viaDate.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });
});
