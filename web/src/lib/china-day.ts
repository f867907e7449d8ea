import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The hall keeps China time: its days (today, this month) are those of Asia/Shanghai, whatever the browser's zone. */
export const HALL_ZONE = 'Asia/Shanghai';

/** The China day 'YYYY-MM-DD' at an instant (now by default). */
export const chinaDay = (at: number | Date = Date.now()) => dayjs(at).tz(HALL_ZONE).format('YYYY-MM-DD');

/**
 * The China day at an instant as a Dayjs at that day's local midnight: pickers show it as that day, and month and
 * week arithmetic on it (startOf, subtract) stays on China's calendar.
 */
export const chinaToday = (at: number | Date = Date.now()): Dayjs => dayjs(chinaDay(at));

/** An instant as the hall's clock shows it (China time), e.g. 'HH:mm' or 'YYYY-MM-DD HH:mm'. */
export const hallTime = (at: number | Date, pattern: string) => dayjs(at).tz(HALL_ZONE).format(pattern);
