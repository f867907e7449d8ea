import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '../components/format';
import { chinaDay, chinaToday, hallTime } from './china-day';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('China days in the browser', () => {
  it('is already the next day in China from 16:00 UTC, in any browser zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      const at = Date.parse('2026-12-03T17:00:00Z');
      expect(chinaDay(at), tz).toBe('2026-12-04');
      expect(chinaToday(at).format('YYYY-MM-DD'), tz).toBe('2026-12-04');
      expect(chinaDay(Date.parse('2026-12-03T15:59:59Z')), tz).toBe('2026-12-03');
    }
  });

  it('turns the month and the year at China midnight', () => {
    process.env.TZ = 'Europe/London';
    const newYear = chinaToday(Date.parse('2026-12-31T16:30:00Z'));
    expect(newYear.format('YYYY-MM-DD')).toBe('2027-01-01');
    expect(newYear.subtract(1, 'month').format('YYYY-MM')).toBe('2026-12');
    expect(newYear.startOf('month').format('YYYY-MM-DD')).toBe('2027-01-01');
    expect(chinaToday(Date.parse('2026-12-31T15:30:00Z')).format('YYYY-MM')).toBe('2026-12');
  });

  it('shows an instant on the hall clock, in any browser zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      const at = Date.parse('2026-12-03T17:05:09Z');
      expect(hallTime(at, 'HH:mm:ss'), tz).toBe('01:05:09');
      expect(formatTime(at), tz).toBe('2026-12-04 01:05');
      expect(formatDate(at), tz).toBe('2026-12-04');
    }
  });
});
