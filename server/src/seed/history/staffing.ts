/**
 * The hall's people and its supervision over the history, written once per hall after the cases: the window
 * roster and each clerk's clock-in / clock-out on it (a few late, a few absent, approved leave as the staff module
 * records it), the year's training sessions with everyone's record, a few conduct records, and each past month's
 * inspections — a seeded sample of the month's accepted cases (drawn by the module's own drawSample, so the seed
 * reproduces it) and service-norm checks — with the rectification notices their findings became.
 */
import { addDays } from '../../domain/calendar/days.ts';
import {
  drawSample,
  type InspectionKind,
  problemsOf,
  recordChecks,
  normChecks,
} from '../../domain/inspections/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { sessionPassed } from '../../domain/people/index.ts';
import type { WeeklyHours } from '../../domain/queue/hours.ts';
import { leaveApprover, sessionSpan } from '../../domain/staff/attendance.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { HistoryTables } from './bulk.ts';
import type { HallPlan, Staff } from './hall.ts';
import { dayIndex } from './hall.ts';
import { mobile } from './people.ts';
import { type Random, seededId } from './random.ts';

/** A case the month's inspection may draw (what acceptedCasesForSample returns of it). */
export interface SampleCase {
  id: string;
  caseNo: string;
  itemName: string;
  ownerId: string;
  ownerName: string;
  windowId: string | null;
}

export const staffingShares = { late: 0.04, absent: 0.006, leavesPerYear: 3, finding: 0.1, normFinding: 0.04 };
/** Months back from today whose inspections are written (the supervisor's recent record). */
export const INSPECTED_MONTHS = 6;
const SAMPLE_SIZE = 5;

const at = (day: string, minute: number) => Date.parse(`${day}T00:00:00+08:00`) + minute * 60_000;
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

function emitAttendance(
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

function emitTraining(rnd: Random, t: HistoryTables, hall: HallPlan, past: string[], people: Staff[], by: Staff) {
  const years = [...new Set(past.map((d) => d.slice(0, 4)))];
  const plans = [
    { title: '政务服务业务知识培训', kind: 'internal', subject: 'business' },
    { title: '一窗通办系统操作培训', kind: 'internal', subject: 'system_use' },
  ];
  for (const year of years) {
    const days = past.filter((d) => d.startsWith(year));
    if (days.length < 20) continue;
    for (const p of plans) {
      const created = at(days[0]!, 10 * 60);
      const planId = seededId(rnd, created);
      t.trainingPlans.add(
        planId,
        hall.id,
        `${year}年${p.title}`,
        p.kind,
        p.subject,
        Number(year),
        '年度计划内培训，考核合格记入培训档案',
        60,
        by.id,
        created,
        created,
      );
      for (const half of [0.25, 0.75]) {
        const day = days[Math.floor(days.length * half)]!;
        const minutes = rnd.pick([90, 120, 180]);
        const held = at(day, 14 * 60 + 30);
        const sessionId = seededId(rnd, held);
        t.trainingSessions.add(sessionId, planId, hall.id, day, minutes, '大厅三楼会议室', by.name, by.id, held);
        for (const person of people) {
          const attended = rnd.chance(0.95);
          const score = attended ? rnd.int(55, 100) : null;
          const recorded = held + minutes * 60_000 + 3_600_000;
          t.trainingRecords.add(
            seededId(rnd, recorded),
            sessionId,
            planId,
            hall.id,
            person.id,
            p.subject,
            day,
            Number(year),
            attended ? 1 : 0,
            attended ? minutes : 0,
            score,
            sessionPassed(attended, score, 60) ? 1 : 0,
            null,
            attended ? '' : '因工作未参加',
            by.id,
            recorded,
            recorded,
          );
        }
      }
    }
    // 奖惩: a commendation or two and the odd sanction each year, acknowledged by the person.
    for (let n = 0; n < 3; n++) {
      const day = rnd.pick(days);
      const person = rnd.pick(people);
      const reward = n < 2;
      const created = at(day, 17 * 60);
      t.conduct.add(
        seededId(rnd, created),
        hall.id,
        person.id,
        reward ? 'reward' : 'sanction',
        reward ? 'service' : 'attendance',
        reward ? 'praise' : 'reminder',
        reward ? '服务热情周到，收到群众表扬信' : '当月迟到两次',
        day,
        'acknowledged',
        '已知悉',
        created + 86_400_000,
        by.id,
        by.name,
        created,
      );
    }
  }
}

function emitInspections(
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
