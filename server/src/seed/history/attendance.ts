/** The window roster, each clerk's clock-in / clock-out on it, and approved leave as the staff module records it. */
import { addDays } from '../../domain/calendar/days.ts';
import { maskPhone } from '../../domain/masking.ts';
import type { WeeklyHours } from '../../domain/queue/hours.ts';
import { leaveApprover, sessionSpan } from '../../domain/staff/attendance.ts';
import type { HistoryTables } from './bulk.ts';
import type { HallPlan, Staff } from './hall.ts';
import { mobile } from './people.ts';
import { type Random, seededId } from './random.ts';
import { at, staffingShares } from './staffing-common.ts';

export function emitAttendance(
  rnd: Random,
  t: HistoryTables,
  hall: HallPlan,
  week: WeeklyHours,
  past: string[],
  rostered: Staff[],
  windows: { id: string }[],
  supervisor: Staff,
  head: Staff,
  taken: ReadonlySet<string>,
) {
  for (const [k, person] of rostered.entries()) {
    const window = windows[k]!.id;
    const partner = rostered[(k + 1) % rostered.length]!;
    // Approved leave: a few spells a year of one to three working days, not on the roster's first week.
    const onLeave = new Set<string>();
    const spells = Math.round((past.length / 250) * staffingShares.leavesPerYear);
    for (let n = 0; n < spells && past.length > 10 && partner.id !== person.id; n++) {
      const i = rnd.int(5, past.length - 4);
      const len = rnd.int(1, 3);
      const days = past.slice(i, i + len);
      if (days.some((d) => onLeave.has(d))) continue;
      for (const d of days) onLeave.add(d);
      const asked = at(past[i - 3]!, 8 * 60 + 40);
      const role = leaveApprover(days.length, ['clerk']);
      const judge = role === 'station_head' ? head : supervisor;
      const kind = rnd.weighted({ annual: 0.5, sick: 0.25, personal: 0.2, training: 0.05 });
      t.leaves.add(
        seededId(rnd, asked),
        hall.id,
        person.id,
        person.name,
        kind,
        days[0]!,
        days[days.length - 1]!,
        days.length,
        kind === 'sick' ? '身体不适就医' : kind === 'annual' ? '年休假' : '家中有事',
        maskPhone(mobile(rnd)),
        partner.id,
        partner.name,
        asked + 3_600_000,
        role,
        'approved',
        judge.id,
        judge.name,
        asked + 7_200_000,
        '同意',
        asked,
      );
    }
    for (const day of past) {
      const am = sessionSpan(week, day, 'am');
      const pm = sessionSpan(week, day, 'pm');
      if (!am || !pm || taken.has(`${hall.id}|${day}|${window}`) || taken.has(`${hall.id}|${day}|${person.id}`))
        continue;
      const created = at(addDays(day, -7), 16 * 60);
      t.roster.add(seededId(rnd, created), hall.id, day, 'am', window, person.id, 'clerk', created);
      if (pm !== am) t.roster.add(seededId(rnd, created), hall.id, day, 'pm', window, person.id, 'clerk', created);
      if (onLeave.has(day) || rnd.chance(staffingShares.absent)) continue;
      const inAt = rnd.chance(staffingShares.late) ? am.from + rnd.int(1, 25) : am.from - rnd.int(2, 20);
      const outAt = pm.to + rnd.int(0, 25);
      t.attendance.add(seededId(rnd, at(day, inAt)), hall.id, person.id, day, 'in', at(day, inAt), window, null, null);
      t.attendance.add(
        seededId(rnd, at(day, outAt)),
        hall.id,
        person.id,
        day,
        'out',
        at(day, outAt),
        window,
        null,
        null,
      );
    }
  }
}
