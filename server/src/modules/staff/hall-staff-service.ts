/**
 * The hall's staff as the staff pages look them up: who belongs to a hall, their names, minutes as hh:mm, and the
 * hall's opening week.
 */
import type { AppContext } from '../../platform/context.ts';
import type { WeeklyHours } from '../../domain/queue/hours.ts';
import { DEFAULT_STAFF_HOURS } from '../../domain/staff/index.ts';
import { timetablesOf } from '../queue/service.ts';
import { invalid } from '../../platform/errors.ts';
import { displayNamesOf, hallStaff } from '../accounts/service.ts';

export const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export async function staffOf(ctx: AppContext, hallId: string) {
  return hallStaff(ctx.db, [hallId]);
}

export async function assertStaffOfHall(ctx: AppContext, hallId: string, userId: string, field: string) {
  const found = (await staffOf(ctx, hallId)).find((u) => u.id === userId);
  if (!found) throw invalid(field, '该人员不属于本大厅', 'This person is not on the staff of this hall');
  return found;
}

export async function namesOf(ctx: AppContext, ids: string[]) {
  return new Map((await displayNamesOf(ctx.db, [...new Set(ids)])).map((r) => [r.id, r.display_name]));
}

/** The hall's opening hours of the week, which a roster and the attendance sheet are read against. */
export async function hallWeek(ctx: AppContext, hallId: string): Promise<WeeklyHours> {
  return (await timetablesOf(ctx.db, [hallId])).get(hallId)?.hall ?? DEFAULT_STAFF_HOURS;
}
