/** Each past month's inspections (a drawn sample of accepted cases, service-norm checks) and their rectifications. */
import {
  drawSample,
  type InspectionKind,
  problemsOf,
  recordChecks,
  normChecks,
} from '../../domain/inspections/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { HistoryTables } from './bulk.ts';
import type { HallPlan, Staff } from './hall.ts';
import { dayIndex } from './hall.ts';
import { type Random, seededId } from './random.ts';
import { at, staffingShares } from './staffing-common.ts';

/** A case the month's inspection may draw (what acceptedCasesForSample returns of it). */
export interface SampleCase {
  id: string;
  caseNo: string;
  itemName: string;
  ownerId: string;
  ownerName: string;
  windowId: string | null;
}

/** Months back from today whose inspections are written (the supervisor's recent record). */
export const INSPECTED_MONTHS = 6;
const SAMPLE_SIZE = 5;

export function emitInspections(
  rnd: Random,
  t: HistoryTables,
  hall: HallPlan,
  now: number,
  samples: Map<string, SampleCase[]>,
  rostered: Staff[],
  windows: { id: string }[],
  inspector: Staff,
) {
  const today = chinaDay(now);
  const months = [...new Set(hall.days.slice(0, hall.todayIndex).map((d) => d.slice(0, 7)))]
    .filter((m) => m < today.slice(0, 7))
    .slice(-INSPECTED_MONTHS);
  for (const month of months) {
    const days = hall.days.filter((d) => d.startsWith(month));
    // Checked in the first working days of the next month.
    const next = hall.days.find((d) => d > `${month}-31`);
    if (!next || next >= today) continue;
    const population = samples.get(`${hall.id}|${month}`) ?? [];
    if (population.length) {
      const seed = rnd.int(1, 2_147_483_646);
      const drawn = drawSample(population, SAMPLE_SIZE, seed);
      const created = at(next, 9 * 60 + 30);
      const id = seededId(rnd, created);
      t.inspections.add(
        id,
        hall.id,
        'records',
        'all',
        null,
        '全部办件',
        days[0]!,
        days[days.length - 1]!,
        seed,
        population.length,
        drawn.length,
        inspector.id,
        inspector.name,
        created,
      );
      for (const [k, c] of drawn.entries())
        checkItem(rnd, t, hall, now, inspector, id, k + 1, 'records', created + (k + 1) * 1_200_000, {
          caseId: c.id,
          caseNo: c.caseNo,
          itemName: c.itemName,
          subjectId: c.ownerId,
          subjectName: c.ownerName,
          windowId: c.windowId,
        });
    }
    // 服务规范检查: two people on the floor each month.
    for (let n = 0; n < Math.min(2, rostered.length); n++) {
      const k = rnd.int(0, rostered.length - 1);
      const person = rostered[k]!;
      const day = rnd.pick(days);
      const created = at(day, 10 * 60 + rnd.int(0, 300));
      const id = seededId(rnd, created);
      t.inspections.add(
        id,
        hall.id,
        'norms',
        'person',
        person.id,
        person.name,
        day,
        day,
        0,
        1,
        1,
        inspector.id,
        inspector.name,
        created,
      );
      checkItem(rnd, t, hall, now, inspector, id, 1, 'norms', created, {
        caseId: null,
        caseNo: null,
        itemName: null,
        subjectId: person.id,
        subjectName: person.name,
        windowId: windows[k]!.id,
      });
    }
  }
}

function checkItem(
  rnd: Random,
  t: HistoryTables,
  hall: HallPlan,
  now: number,
  inspector: Staff,
  inspectionId: string,
  seq: number,
  kind: InspectionKind,
  checkedAt: number,
  s: {
    caseId: string | null;
    caseNo: string | null;
    itemName: string | null;
    subjectId: string;
    subjectName: string;
    windowId: string | null;
  },
) {
  const list: readonly { key: string; label: string }[] = kind === 'records' ? recordChecks : normChecks;
  const finding = rnd.chance(kind === 'records' ? staffingShares.finding : staffingShares.normFinding);
  const bad = finding ? rnd.pick(list).key : null;
  const checks = Object.fromEntries(list.map((c) => [c.key, c.key === bad ? 'problem' : 'ok'])) as Record<
    string,
    'ok' | 'problem'
  >;
  const problems = problemsOf(kind, checks);
  const day = chinaDay(checkedAt);
  const note = problems.length ? (kind === 'records' ? '记录缺项，需补正' : '检查时发现不规范') : '';
  const itemId = seededId(rnd, checkedAt);
  t.inspectionItems.add(
    itemId,
    inspectionId,
    hall.id,
    seq,
    s.caseId,
    s.caseNo,
    s.itemName,
    s.subjectId,
    s.subjectName,
    s.windowId,
    JSON.stringify(checks),
    problems.length ? 'finding' : 'pass',
    note || null,
    inspector.name,
    checkedAt,
    day,
  );
  if (!problems.length) return;
  // The finding becomes a notice due in 10 working days: most reported and closed in time, some late, a few open.
  const workingDays = 10;
  const due = hall.deadline(day, workingDays);
  const dueDay = due.deadline!;
  const fate = rnd.weighted({ onTime: 0.8, late: 0.1, open: 0.1 });
  const iDue = dayIndex(hall, dueDay);
  const reportIdx = fate === 'late' ? iDue + rnd.int(1, 4) : Math.min(iDue - 1, dayIndex(hall, day) + rnd.int(2, 9));
  const reportedAt = at(hall.days[reportIdx]!, 15 * 60);
  const reported = fate !== 'open' && reportedAt <= now;
  const closedAt = reported ? at(hall.days[reportIdx + 1]!, 10 * 60) : null;
  const closed = closedAt !== null && closedAt <= now;
  t.rectifications.add(
    seededId(rnd, checkedAt),
    hall.id,
    inspectionId,
    itemId,
    s.subjectId,
    s.subjectName,
    `${problems.join('；')}：${note}`,
    inspector.id,
    inspector.name,
    checkedAt,
    day,
    workingDays,
    dueDay,
    due.provisional ? 1 : 0,
    closed ? 'closed' : reported ? 'reported' : 'issued',
    reported ? '已按要求整改完毕' : null,
    null,
    null,
    null,
    reported ? reportedAt : null,
    null,
    0,
    closed ? closedAt : null,
    closed ? chinaDay(closedAt!) : null,
    closed ? inspector.name : null,
    closed ? closedAt! : reported ? reportedAt : checkedAt,
  );
}
