/**
 * 考核 (R12): the indicators' defaults, the periods, and the scoring rules. Pure; the service reads the records.
 *
 * - An indicator scores 0–100 from its actual against its target. Higher is better: full marks at or above the
 *   target, else actual ÷ target × 100 (a target of 0 always gives full marks). Lower is better: full marks at or
 *   under the target, then linearly down to 0 at target + span, where span is the target (so twice the target
 *   scores 0) or 5 when the target is 0 (five 差评 or complaints against a target of none score 0).
 * - An indicator with no data (actual null: no ratings, nothing rostered …) is not counted: the others' weights are
 *   re-normalised so the counted weights total 100 (a window has no attendance; a quiet month has no ratings).
 * - The indicator total is the weighted sum of the counted scores. With a supervisor's spot-check score (抽查评分,
 *   0–100) the card's total is 80 % indicator total + 20 % spot check; without one, the indicator total alone.
 * - Grade: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格. The annual review is the mean of the year's monthly totals.
 */

export const dimensions = [
  'volume',
  'quality',
  'efficiency',
  'satisfaction',
  'complaints',
  'attendance',
  'discipline',
  'training',
] as const;
export type Dimension = (typeof dimensions)[number];
export const dimensionLabels: Record<Dimension, string> = {
  volume: '业务量',
  quality: '质量',
  efficiency: '效率',
  satisfaction: '满意度',
  complaints: '投诉',
  attendance: '考勤',
  discipline: '纪律',
  training: '培训',
};
export const directions = ['higher', 'lower'] as const;
export type Direction = (typeof directions)[number];
export const subjectKinds = ['person', 'window', 'department'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const grades = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof grades)[number];
export const gradeLabels: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
export const GRADE_THRESHOLDS = { excellent: 90, good: 80, pass: 60 } as const;
/** The share of the supervisor's spot-check score in a card's total. */
export const SPOT_SHARE = 0.2;

/** The figures the service computes from the records; each indicator is one of them. */
export const indicatorCodes = [
  'cases_received',
  'consultations_answered',
  'tickets_served',
  'steps_finished',
  'review_pass_rate',
  'rework_rate',
  'accuracy_rate',
  'handling_days',
  'on_time_rate',
  'good_rate',
  'bad_ratings',
  'complaints_upheld',
  'attendance_rate',
  'sanctions',
  'training_hours',
] as const;
export type IndicatorCode = (typeof indicatorCodes)[number];

export interface Indicator {
  code: IndicatorCode;
  name: string;
  dimension: Dimension;
  formula: string;
  source: string;
  target: number;
  direction: Direction;
  weight: number;
  unit: string;
}

const ind = (
  code: IndicatorCode,
  name: string,
  dimension: Dimension,
  formula: string,
  source: string,
  target: number,
  direction: Direction,
  weight: number,
  unit: string,
): Indicator => ({ code, name, dimension, formula, source, target, direction, weight, unit });

/**
 * The default set (monthly targets); a quarter's volume targets are three times the month's.
 * 业务量 keeps its 20: the front desk's three counts (受理 5 + 咨询 2 + 叫号 3) and the back office's 办理环节数 carry
 * 10 each, so once the counts a post does not do are left out (不适用), a window clerk and a back-office handler
 * are weighed alike on volume. 办理环节数's target is about one step a working day: a case's back-office steps are
 * shared out among its departments' handlers, reviewers and approvers.
 */
export const defaultIndicators: readonly Indicator[] = [
  ind(
    'cases_received',
    '受理件数',
    'volume',
    '期间受理日在内、由本人受理的办件数',
    '办件（受理日）',
    40,
    'higher',
    5,
    '件',
  ),
  ind(
    'consultations_answered',
    '咨询答复数',
    'volume',
    '期间由本人答复的咨询数',
    '咨询登记（答复时间）',
    20,
    'higher',
    2,
    '件',
  ),
  ind(
    'tickets_served',
    '叫号服务数',
    'volume',
    '期间由本人服务完毕的排队号数',
    '排队叫号（办结时间）',
    60,
    'higher',
    3,
    '张',
  ),
  ind(
    'steps_finished',
    '办理环节数',
    'volume',
    '期间由本人办结的后台环节（承办、审核、审批）个数',
    '办件环节（完成时间）',
    20,
    'higher',
    10,
    '个',
  ),
  ind(
    'review_pass_rate',
    '审核通过率',
    'quality',
    '审核通过次数 ÷ 审核决定次数（通过 + 退回重办）× 100%',
    '办件流转记录（审核）',
    95,
    'higher',
    10,
    '%',
  ),
  ind(
    'rework_rate',
    '退回重办率',
    'quality',
    '退回重办次数 ÷ 期间办结件数 × 100%',
    '办件流转记录（退回重办）',
    5,
    'lower',
    5,
    '%',
  ),
  ind(
    'accuracy_rate',
    '信息准确率',
    'quality',
    '抽查合格条数 ÷ 抽查已检条数 × 100%',
    '监督检查（抽查结果）',
    98,
    'higher',
    10,
    '%',
  ),
  ind(
    'handling_days',
    '平均办理工作日',
    'efficiency',
    '期间办结件从受理日到办结日的工作日数（大厅日历）之平均',
    '办件（受理、办结）',
    5,
    'lower',
    5,
    '工作日',
  ),
  ind(
    'on_time_rate',
    '按时办结率',
    'efficiency',
    '按时办结件数 ÷ 办结件数 × 100%（同电子监察）',
    '办件（办结、期限）',
    100,
    'higher',
    10,
    '%',
  ),
  ind(
    'good_rate',
    '好评率',
    'satisfaction',
    '非「不满意/非常不满意」评价数 ÷ 评价总数 × 100%（现场评价 + 好差评，申诉成立的除外）',
    '评价器、好差评',
    98,
    'higher',
    10,
    '%',
  ),
  ind('bad_ratings', '差评数', 'satisfaction', '差评条数（申诉成立的除外）', '评价器、好差评', 0, 'lower', 5, '条'),
  ind(
    'complaints_upheld',
    '有效投诉数',
    'complaints',
    '期间收到、指向本人并经调查提出整改的投诉件数',
    '投诉举报',
    0,
    'lower',
    10,
    '件',
  ),
  ind(
    'attendance_rate',
    '出勤率',
    'attendance',
    '（排班天数 − 缺勤天数）÷ 排班天数 × 100%',
    '考勤表',
    100,
    'higher',
    5,
    '%',
  ),
  ind('sanctions', '违纪次数', 'discipline', '期间发生的处分记录条数', '奖惩记录', 0, 'lower', 5, '次'),
  ind('training_hours', '培训学时', 'training', '期间参加培训的分钟数 ÷ 60', '培训记录', 4, 'higher', 5, '小时'),
];

export const round1 = (n: number) => Math.round(n * 10) / 10;

/** One indicator's score, 0–100 (null when there is no data). */
export function indicatorScore(actual: number | null, target: number, direction: Direction): number | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  if (direction === 'higher') {
    if (target <= 0 || actual >= target) return 100;
    return Math.max(0, (100 * actual) / target);
  }
  if (actual <= target) return 100;
  const span = target > 0 ? target : 5;
  return Math.max(0, 100 * (1 - (actual - target) / span));
}

/** The weights counted (indicators with a score), re-normalised to total 100. */
export function normalisedWeights(items: readonly { score: number | null; weight: number }[]): (number | null)[] {
  const counted = items.reduce((n, i) => n + (i.score === null ? 0 : i.weight), 0);
  return items.map((i) => (i.score === null || counted <= 0 ? null : (100 * i.weight) / counted));
}

/** The weighted indicator total, and the card total with the spot check blended in. */
export function cardTotal(
  items: readonly { score: number | null; weight: number }[],
  spotScore: number | null,
): { indicatorTotal: number | null; total: number | null } {
  const weights = normalisedWeights(items);
  let sum = 0;
  let any = false;
  items.forEach((i, k) => {
    const w = weights[k];
    if (w !== null && w !== undefined && i.score !== null) {
      sum += (w * i.score) / 100;
      any = true;
    }
  });
  const indicatorTotal = any ? Math.min(100, Math.max(0, sum)) : null;
  if (spotScore === null) return { indicatorTotal, total: indicatorTotal };
  if (indicatorTotal === null) return { indicatorTotal, total: spotScore };
  return { indicatorTotal, total: (1 - SPOT_SHARE) * indicatorTotal + SPOT_SHARE * spotScore };
}

export function gradeOf(total: number | null): Grade | null {
  if (total === null) return null;
  if (total >= GRADE_THRESHOLDS.excellent) return 'excellent';
  if (total >= GRADE_THRESHOLDS.good) return 'good';
  if (total >= GRADE_THRESHOLDS.pass) return 'pass';
  return 'fail';
}

/** The annual score: the mean of the year's monthly totals (months without a total are left out). */
export function annualTotal(monthTotals: readonly (number | null)[]): number | null {
  const got = monthTotals.filter((t): t is number => t !== null);
  return got.length ? got.reduce((a, b) => a + b, 0) / got.length : null;
}

export type WeightProblem = { field: string; zh: string; en: string } | null;

/** Weights are whole numbers 0–100 that total 100; codes are known and not repeated. */
export function checkIndicatorSet(set: readonly { code: string; weight: number }[]): WeightProblem {
  const seen = new Set<string>();
  for (const [k, i] of set.entries()) {
    if (!(indicatorCodes as readonly string[]).includes(i.code))
      return { field: `indicators.${k}.code`, zh: '未知的考核指标', en: 'Unknown indicator' };
    if (seen.has(i.code)) return { field: `indicators.${k}.code`, zh: '考核指标重复', en: 'Indicator repeated' };
    seen.add(i.code);
  }
  const total = set.reduce((n, i) => n + i.weight, 0);
  if (total !== 100)
    return {
      field: 'indicators',
      zh: `权重合计须为 100（现为 ${total}）`,
      en: `Weights must total 100 (now ${total})`,
    };
  return null;
}

export interface Period {
  period: string;
  kind: 'month' | 'quarter' | 'year';
  from: string;
  to: string;
  months: string[];
}

const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const mm = (m: number) => String(m).padStart(2, '0');

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' → its China days and months; null when it is none of them. */
export function parsePeriod(text: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (y < 2000 || mo < 1 || mo > 12) return null;
    return {
      period: text,
      kind: 'month',
      from: `${y}-${mm(mo)}-01`,
      to: `${y}-${mm(mo)}-${lastDayOf(y, mo)}`,
      months: [text],
    };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (y < 2000) return null;
    const months = [1, 2, 3].map((k) => `${y}-${mm(3 * (q - 1) + k)}`);
    const last = 3 * q;
    return {
      period: text,
      kind: 'quarter',
      from: `${months[0]}-01`,
      to: `${y}-${mm(last)}-${lastDayOf(y, last)}`,
      months,
    };
  }
  m = /^(\d{4})$/.exec(text);
  if (m && Number(m[1]) >= 2000) {
    const y = Number(m[1]);
    const months = Array.from({ length: 12 }, (_, k) => `${y}-${mm(k + 1)}`);
    return { period: text, kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, months };
  }
  return null;
}

/** A quarter's volume targets are three months' worth. */
export function targetFor(i: Pick<Indicator, 'code' | 'dimension' | 'target'>, period: Period): number {
  return i.dimension === 'volume' || i.code === 'training_hours' ? i.target * period.months.length : i.target;
}

/** The training subject a dimension below target suggests (培训建议). */
export const trainingTopics: Record<Dimension, string> = {
  volume: '窗口业务技能与受理效率',
  quality: '受理审核规范与材料核验',
  efficiency: '办理时限与流程衔接',
  satisfaction: '服务礼仪与群众沟通',
  complaints: '投诉处置与服务规范',
  attendance: '考勤制度与工作纪律',
  discipline: '廉洁自律与工作纪律',
  training: '岗位业务知识培训',
};

/** The subjects suggested by the lines scored under full marks, each once, in the card's order. */
export function suggestedTopics(lines: readonly { dimension: Dimension; belowTarget: boolean }[]): string[] {
  return [...new Set(lines.filter((l) => l.belowTarget).map((l) => trainingTopics[l.dimension]))];
}
