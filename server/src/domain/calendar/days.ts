// Calendar days as 'YYYY-MM-DD' strings.
//
// Why strings and integer arithmetic instead of Date: a Date is an instant, and turning it back into a
// calendar day depends on the process time zone. A hall in Beijing whose server runs in UTC would see
// deadlines shift by a day at midnight. Here a day is converted to a serial day number with pure integer
// arithmetic (proleptic Gregorian, Howard Hinnant's civil-from-days), so no time zone is ever involved.

/** A calendar day written 'YYYY-MM-DD' (zero-padded). Validate untrusted input with `parseDay`. */
export type CalendarDay = string;

/** Oldest and newest year accepted; a year outside this is almost always a typing error ('0226', '20266'). */
export const FIRST_SUPPORTED_YEAR = 1900;
export const LAST_SUPPORTED_YEAR = 2199;

/** Thrown for a day that is not a real 'YYYY-MM-DD' calendar day; says what is wrong in zh-CN and English. */
export class InvalidDayError extends Error {
  readonly value: unknown;
  readonly zh: string;
  readonly en: string;
  constructor(value: unknown, en: string, zh: string, label?: string) {
    const what = label ? `${label}: ` : '';
    super(`${what}invalid date ${JSON.stringify(value)}: ${en} (${zh})`);
    this.name = 'InvalidDayError';
    this.value = value;
    this.en = en;
    this.zh = zh;
  }
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOOSE_SHAPE = /^\d{1,4}-\d{1,2}-\d{1,2}$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks that `value` is a real calendar day written 'YYYY-MM-DD' and returns it unchanged.
 * `label` names the field in the error ("start", "pause 2 from"), so the message points at the input.
 */
export function parseDay(value: unknown, label?: string): CalendarDay {
  if (typeof value !== 'string') {
    throw new InvalidDayError(
      value,
      `expected a 'YYYY-MM-DD' string, got ${typeof value}`,
      '日期应为“YYYY-MM-DD”格式的字符串',
      label,
    );
  }
  const m = SHAPE.exec(value);
  if (!m) {
    const en = LOOSE_SHAPE.test(value)
      ? "year, month and day must be written with 4, 2 and 2 digits, e.g. '2026-02-03'"
      : "expected the form 'YYYY-MM-DD', e.g. '2026-02-03'";
    const zh = LOOSE_SHAPE.test(value)
      ? '年月日须写成4位、2位、2位数字，例如 2026-02-03'
      : '日期格式应为 YYYY-MM-DD，例如 2026-02-03';
    throw new InvalidDayError(value, en, zh, label);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new InvalidDayError(
      value,
      `year ${m[1]} is outside the supported range ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
      `年份 ${m[1]} 超出支持范围 ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
      label,
    );
  }
  if (month < 1 || month > 12) {
    throw new InvalidDayError(
      value,
      `month ${m[2]} does not exist (01–12)`,
      `月份 ${m[2]} 不存在（应为 01–12）`,
      label,
    );
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    throw new InvalidDayError(
      value,
      `day ${m[3]} does not exist: ${year}-${m[2]} has ${last} days`,
      `日 ${m[3]} 不存在：${year}年${month}月只有 ${last} 天`,
      label,
    );
  }
  return value;
}

export function isValidDay(value: unknown): value is CalendarDay {
  try {
    parseDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Serial day number, 0 = 1970-01-01. Assumes an already validated day. */
export function toSerial(day: CalendarDay): number {
  let y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromSerial(serial: number): CalendarDay {
  const z = serial + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(day: CalendarDay, n: number): CalendarDay {
  return fromSerial(toSerial(day) + n);
}

/** 0 = Sunday … 6 = Saturday (the same numbering as Date#getUTCDay). */
export function dayOfWeek(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return (((toSerial(day) + 4) % 7) + 7) % 7;
}

export function isWeekend(day: CalendarDay): boolean {
  const w = dayOfWeek(day);
  return w === 0 || w === 6;
}

/** Negative when a is earlier, 0 when the same day, positive when later. Zero-padded strings sort by date. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(day: CalendarDay): number {
  return Number(day.slice(0, 4));
}

export function monthOf(day: CalendarDay): number {
  return Number(day.slice(5, 7));
}
