/**
 * The hall's people and its supervision over the history, written once per hall after the cases: the window
 * roster and each clerk's clock-in / clock-out on it (a few late, a few absent, approved leave as the staff module
 * records it), the year's training sessions with everyone's record, a few conduct records, and each past month's
 * inspections — a seeded sample of the month's accepted cases (drawn by the module's own drawSample, so the seed
 * reproduces it) and service-norm checks — with the rectification notices their findings became.
 */
import type { WeeklyHours } from '../../domain/queue/hours.ts';
import { emitAttendance } from './attendance.ts';
import type { HistoryTables } from './bulk.ts';
import type { HallPlan } from './hall.ts';
import { emitInspections, type SampleCase } from './inspections.ts';
import type { Random } from './random.ts';
import { emitTraining } from './training.ts';

export { INSPECTED_MONTHS, type SampleCase } from './inspections.ts';
export { staffingShares } from './staffing-common.ts';

const first = <T>(l: T[] | undefined, fallback: T) => l?.[0] ?? fallback;

export function emitStaffing(
  rnd: Random,
  t: HistoryTables,
  hall: HallPlan,
  week: WeeklyHours,
  now: number,
  samples: Map<string, SampleCase[]>,
  taken: ReadonlySet<string>,
): void {
  const clerks = hall.staff.get('clerk') ?? [];
  const supervisor = first(hall.staff.get('supervisor'), clerks[0]!);
  const head = first(hall.staff.get('station_head'), supervisor);
  const windows = [...new Map(hall.items.flatMap((i) => i.windows).map((w) => [w.id, w])).values()];
  const past = hall.days.slice(0, hall.todayIndex);
  const rostered = clerks.slice(0, windows.length);
  emitAttendance(rnd, t, hall, week, past, rostered, windows, supervisor, head, taken);
  const everyone = [...new Map([...hall.staff.values()].flat().map((s) => [s.id, s])).values()];
  emitTraining(rnd, t, hall, past, everyone, supervisor);
  emitInspections(rnd, t, hall, now, samples, rostered, windows, supervisor);
}
