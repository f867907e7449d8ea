/**
 * 考核 figures: every record behind an indicator, read through its owner's service, as one `Fact` with the subjects it
 * counts for (person, window, department). An indicator's actual for a subject is computed from its facts alone, so
 * the drill-down lists exactly the records behind each figure. Definitions (also in README「考核」):
 * - a back-office step (承办、审核、审批) counts for the person who finished it (办理环节数);
 * - a case counts for the person who received it (受理件数) or, once finished, for its first owner else the receiving
 *   clerk (as the on-time rate of /api/supervision/on-time), its window, and every department with a step of it;
 * - rates are Σ numerator ÷ Σ denominator × 100 over the facts, null (not counted) with no denominator;
 * - counts are the number of facts (0 is a real figure) for the subject kinds they apply to.
 */
import type { IndicatorCode, Period, SubjectKind } from '../../domain/assessment/index.ts';
import { ratingLevels } from '../rating/schema.ts';
import { chinaDay as chinaDayOf, chinaDayStart as dayStart } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { calendarOf } from '../calendar/service.ts';
import {
  acceptedBetween,
  caseDepartments,
  completions,
  finishedStepsBetween,
  reviewDecisionsBetween,
} from '../cases/service.ts';
import { upheldComplaintsBetween } from '../complaints/service.ts';
import { sanctionsBetween } from '../conduct/service.ts';
import { answeredBetween } from '../consult/service.ts';
import { checkedItemsBetween } from '../inspections/service.ts';
import { servedBetween } from '../queue/service.ts';
import { caseRatingsForAssessment, padRatingsForAssessment } from '../rating/service.ts';
import { attendanceSheet } from '../staff/service.ts';
import { attendedBetween } from '../training/service.ts';
import { totalFactsOf } from './totals-service.ts';

export interface Fact {
  code: IndicatorCode;
  person: string | null;
  window: string | null;
  departments: string[];
  /** What the drill-down shows: the record's number and a line about it. */
  ref: string;
  day: string;
  note: string;
  num: number;
  den: number;
}

type Kind = 'count' | 'rate' | 'mean' | 'sum';
/** How each figure is aggregated and which subject kinds it applies to. */
export const figureRules: Record<IndicatorCode, { kind: Kind; applies: readonly SubjectKind[] }> = {
  cases_received: { kind: 'count', applies: ['person', 'window', 'department'] },
  consultations_answered: { kind: 'count', applies: ['person'] },
  tickets_served: { kind: 'count', applies: ['person', 'window'] },
  steps_finished: { kind: 'count', applies: ['person'] },
  review_pass_rate: { kind: 'rate', applies: ['person', 'window', 'department'] },
  rework_rate: { kind: 'rate', applies: ['person', 'window', 'department'] },
  accuracy_rate: { kind: 'rate', applies: ['person', 'window'] },
  handling_days: { kind: 'mean', applies: ['person', 'window', 'department'] },
  on_time_rate: { kind: 'rate', applies: ['person', 'window', 'department'] },
  good_rate: { kind: 'rate', applies: ['person', 'window'] },
  bad_ratings: { kind: 'count', applies: ['person', 'window'] },
  complaints_upheld: { kind: 'count', applies: ['person', 'window', 'department'] },
  attendance_rate: { kind: 'rate', applies: ['person'] },
  sanctions: { kind: 'count', applies: ['person'] },
  training_hours: { kind: 'sum', applies: ['person'] },
};

const badLevels = new Set<string>(ratingLevels.slice(-2));

export function factMatches(f: Fact, kind: SubjectKind, id: string): boolean {
  if (kind === 'person') return f.person === id;
  if (kind === 'window') return f.window === id;
  return f.departments.includes(id);
}

/** The facts of each subject of a kind (a case in two departments is in both lists), read in one pass. */
export function factsBySubject(facts: readonly Fact[], kind: SubjectKind): Map<string, Fact[]> {
  const out = new Map<string, Fact[]>();
  const put = (id: string | null, f: Fact) => {
    if (id === null) return;
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  };
  for (const f of facts) {
    if (kind === 'person') put(f.person, f);
    else if (kind === 'window') put(f.window, f);
    else for (const d of new Set(f.departments)) put(d, f);
  }
  return out;
}

/** A subject's actual for one indicator from the facts (already of that subject and code); null = no data. */
export function actualOf(code: IndicatorCode, kind: SubjectKind, facts: readonly Fact[]): number | null {
  const rule = figureRules[code];
  if (!rule.applies.includes(kind)) return null;
  const num = facts.reduce((n, f) => n + f.num, 0);
  const den = facts.reduce((n, f) => n + f.den, 0);
  if (rule.kind === 'count') return num;
  if (rule.kind === 'sum') return Math.round(num * 100) / 100;
  if (den === 0) return null;
  const v = rule.kind === 'rate' ? (100 * num) / den : num / den;
  return Math.round(v * 100) / 100;
}

/**
 * Every fact of a hall and period; `withDepartments` reads the cases' departments (only for department cards).
 * `records: false` (card lists of persons or windows) reads the big sources as counts (totals-service.ts): the same
 * figures without the records a drill-down lists.
 */
export async function factsOf(
  ctx: AppContext,
  actor: Actor,
  hallId: string,
  p: Period,
  people: readonly string[],
  withDepartments: boolean,
  records = true,
): Promise<Fact[]> {
  const byRecord = records || withDepartments;
  const none = async () => [];
  const fromMs = dayStart(p.from);
  const toMs = dayStart(p.to) + 86_400_000;
  const [
    accepted,
    finished,
    steps,
    reviews,
    answered,
    served,
    pad,
    online,
    complaints,
    checked,
    sanctions,
    training,
    cal,
  ] = await Promise.all([
    byRecord ? acceptedBetween(ctx.db, [hallId], p.from, p.to) : none(),
    byRecord ? completions(ctx.db, [hallId], fromMs, toMs) : none(),
    byRecord ? finishedStepsBetween(ctx.db, hallId, p.from, p.to) : none(),
    byRecord ? reviewDecisionsBetween(ctx.db, hallId, fromMs, toMs) : none(),
    answeredBetween(ctx.db, hallId, fromMs, toMs),
    byRecord ? servedBetween(ctx.db, hallId, p.from, p.to) : none(),
    byRecord ? padRatingsForAssessment(ctx.db, hallId, p.from, p.to) : none(),
    byRecord ? caseRatingsForAssessment(ctx.db, hallId, p.from, p.to) : none(),
    upheldComplaintsBetween(ctx.db, hallId, p.from, p.to),
    checkedItemsBetween(ctx.db, hallId, p.from, p.to),
    sanctionsBetween(ctx.db, hallId, p.from, p.to),
    attendedBetween(ctx.db, [...people], p.from, p.to),
    calendarOf(ctx.db, hallId),
  ]);
  const sheets = await Promise.all(p.months.map((m) => attendanceSheet(ctx, actor, hallId, m)));
  const deptsOf = new Map<string, string[]>();
  if (withDepartments) {
    const ids = [
      ...new Set([...accepted.map((c) => c.id), ...finished.map((c) => c.id), ...reviews.map((r) => r.case_id)]),
    ];
    for (const r of await caseDepartments(ctx.db, ids))
      if (r.department_id && !deptsOf.get(r.case_id)?.includes(r.department_id))
        deptsOf.set(r.case_id, [...(deptsOf.get(r.case_id) ?? []), r.department_id]);
  }
  const depts = (caseId: string) => deptsOf.get(caseId) ?? [];
  const facts: Fact[] = byRecord ? [] : await totalFactsOf(ctx, hallId, p, cal);
  const add = (f: Omit<Fact, 'departments'> & { departments?: string[] }) => facts.push({ departments: [], ...f });

  for (const c of accepted)
    add({
      code: 'cases_received',
      person: c.received_by,
      window: c.window_id,
      departments: depts(c.id),
      ref: c.case_no ?? c.id,
      day: c.accepted_day!,
      note: c.item_name,
      num: 1,
      den: 0,
    });
  for (const c of finished) {
    const base = {
      person: c.first_owner_id ?? c.received_by,
      window: c.window_id,
      departments: depts(c.id),
      ref: c.case_no ?? c.id,
      day: chinaDayOf(Number(c.completed_at)),
    };
    const onTime = c.deadline !== null && base.day <= c.deadline;
    add({
      ...base,
      code: 'on_time_rate',
      note: `${c.item_name}；期限 ${c.deadline ?? '—'}${onTime ? '，按时' : '，超期'}`,
      num: onTime ? 1 : 0,
      den: 1,
    });
    add({ ...base, code: 'rework_rate', note: `${c.item_name}（办结）`, num: 0, den: 1 });
    if (c.accepted_day) {
      const days = cal.workingDaysBetween(c.accepted_day, base.day).workingDays;
      add({
        ...base,
        code: 'handling_days',
        note: `${c.item_name}；受理 ${c.accepted_day}，${days} 个工作日`,
        num: days,
        den: 1,
      });
    }
  }
  for (const s of steps)
    add({
      code: 'steps_finished',
      person: s.assignee_id ?? null,
      window: null,
      ref: s.case_no ?? s.case_id,
      day: chinaDayOf(Number(s.done_at)),
      note: `${s.item_name}；${s.name}`,
      num: 1,
      den: 0,
    });
  for (const r of reviews) {
    const base = {
      person: r.first_owner_id ?? r.received_by,
      window: r.window_id,
      departments: depts(r.case_id),
      ref: r.case_no ?? r.case_id,
      day: chinaDayOf(Number(r.at)),
    };
    const passed = r.action === 'passReview';
    add({
      ...base,
      code: 'review_pass_rate',
      note: `${r.item_name}；${passed ? '审核通过' : '退回重办'}（${r.decided_by_name}）`,
      num: passed ? 1 : 0,
      den: 1,
    });
    if (!passed)
      add({ ...base, code: 'rework_rate', note: `${r.item_name}；退回重办（${r.decided_by_name}）`, num: 1, den: 0 });
  }
  for (const c of answered)
    add({
      code: 'consultations_answered',
      person: c.answered_by,
      window: null,
      ref: c.number,
      day: chinaDayOf(Number(c.answered_at)),
      note: '咨询答复',
      num: 1,
      den: 0,
    });
  for (const t of served)
    add({
      code: 'tickets_served',
      person: t.served_by,
      window: t.window_id,
      ref: t.number,
      day: t.day,
      note: '服务完毕',
      num: 1,
      den: 0,
    });
  for (const r of [
    ...pad.map((r) => ({ ...r, window: r.window_id, ref: `现场评价 ${r.id.slice(-8)}` })),
    ...online.map((r) => ({ ...r, window: null, ref: `好差评 ${r.id.slice(-8)}` })),
  ]) {
    const bad = badLevels.has(r.level);
    add({
      code: 'good_rate',
      person: r.staff_user_id,
      window: r.window,
      ref: r.ref,
      day: r.day,
      note: levelName[r.level] ?? r.level,
      num: bad ? 0 : 1,
      den: 1,
    });
    if (r.is_bad)
      add({
        code: 'bad_ratings',
        person: r.staff_user_id,
        window: r.window,
        ref: r.ref,
        day: r.day,
        note: `差评：${levelName[r.level] ?? r.level}`,
        num: 1,
        den: 0,
      });
  }
  for (const c of complaints)
    add({
      code: 'complaints_upheld',
      person: c.staff_user_id,
      window: c.window_id,
      departments: c.department_id ? [c.department_id] : [],
      ref: c.number,
      day: c.received_day,
      note: `投诉（${c.category}），经调查整改`,
      num: 1,
      den: 0,
    });
  for (const i of checked.filter((i) => i.kind === 'records'))
    add({
      code: 'accuracy_rate',
      person: i.subject_id,
      window: i.window_id,
      ref: i.case_no ?? i.id,
      day: i.checked_day ?? p.from,
      note: i.result === 'pass' ? '抽查合格' : '抽查发现问题',
      num: i.result === 'pass' ? 1 : 0,
      den: 1,
    });
  for (const s of sanctions)
    add({
      code: 'sanctions',
      person: s.user_id,
      window: null,
      ref: s.id.slice(-8),
      day: s.occurred_on,
      note: `处分：${s.measure}`,
      num: 1,
      den: 0,
    });
  for (const t of training)
    add({
      code: 'training_hours',
      person: t.user_id,
      window: null,
      ref: t.subject,
      day: t.day,
      note: `培训 ${t.minutes} 分钟`,
      num: Number(t.minutes) / 60,
      den: 0,
    });
  for (const sheet of sheets)
    for (const row of sheet.rows)
      for (const d of row.days)
        add({
          code: 'attendance_rate',
          person: row.userId,
          window: null,
          ref: d.day,
          day: d.day,
          note: attendanceName[d.status] ?? d.status,
          num: d.status === 'absent' ? 0 : 1,
          den: 1,
        });
  return facts;
}

const levelName: Record<string, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};
const attendanceName: Record<string, string> = {
  present: '正常',
  late: '迟到',
  early: '早退',
  late_early: '迟到早退',
  absent: '缺勤',
  leave: '请假',
};
