/**
 * 监督检查与整改 (R13), the pure rules: the seeded sample draw, the checklists, the rectification state machine,
 * its clock and the quality indicators.
 */

/** sfc32 seeded through splitmix32: the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const u32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) u32();
  return () => u32() / 4294967296;
}

export const MAX_SEED = 2_147_483_647;

/**
 * 随机抽查: `size` distinct records out of the population. The population is put in id order first, so the draw
 * depends only on which records there are and the seed, never on the order a query returned them in.
 */
export function drawSample<T extends { id: string }>(population: readonly T[], size: number, seed: number): T[] {
  const pool = [...population].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const n = Math.min(Math.max(0, Math.floor(size)), pool.length);
  const rand = seededRandom(seed);
  // A partial Fisher–Yates shuffle: the first n places end up a uniform sample without repeats.
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, n);
}

/** 案卷检查: registration, review and routing records complete and correct. */
export const recordChecks = [
  { key: 'registration', label: '收件登记信息完整准确' },
  { key: 'review', label: '审核意见及记录完整' },
  { key: 'routing', label: '流转记录（流转单）完整规范' },
] as const;

/** 服务规范检查 on the floor. */
export const normChecks = [
  { key: 'badge', label: '佩戴工作牌' },
  { key: 'attire', label: '着装规范' },
  { key: 'onDuty', label: '在岗在位' },
  { key: 'language', label: '使用文明用语' },
] as const;

export type InspectionKind = 'records' | 'norms';
export type CheckMark = 'ok' | 'problem';

export const checklistOf = (kind: InspectionKind) => (kind === 'records' ? recordChecks : normChecks);

/** The checks found wanting, by label; empty when the record passed. */
export function problemsOf(kind: InspectionKind, checks: Record<string, CheckMark>): string[] {
  return checklistOf(kind)
    .filter((c) => checks[c.key] === 'problem')
    .map((c) => c.label);
}

/** A missing key of the checklist, or null when every check is marked. */
export function unmarkedCheck(kind: InspectionKind, checks: Record<string, unknown>): string | null {
  for (const c of checklistOf(kind)) if (checks[c.key] !== 'ok' && checks[c.key] !== 'problem') return c.key;
  return null;
}

export type RectificationStatus = 'issued' | 'reported' | 'returned' | 'closed';
export type RectificationAction = 'report' | 'close' | 'return';

/**
 * 整改通知's state machine: the responsible person reports (again after a return); only the inspector's
 * verification of a report closes it. Null when the action is not open in that state.
 */
export function nextRectificationStatus(
  status: RectificationStatus,
  action: RectificationAction,
): RectificationStatus | null {
  if (action === 'report') return status === 'issued' || status === 'returned' ? 'reported' : null;
  if (status !== 'reported') return null;
  return action === 'close' ? 'closed' : 'returned';
}

export const rectificationStatusLabels: Record<RectificationStatus, string> = {
  issued: '待整改',
  reported: '待核验',
  returned: '已退回重改',
  closed: '已办结',
};

export type RectificationLight = 'closed' | 'overdue' | 'due_today' | 'open';

/** Overdue once the due working day has passed without the notice being closed; a closed one stays closed. */
export function rectificationLight(status: string, dueDay: string, today: string): RectificationLight {
  if (status === 'closed') return 'closed';
  if (today > dueDay) return 'overdue';
  return today === dueDay ? 'due_today' : 'open';
}

export interface Indicator {
  key: string;
  name: string;
  formula: string;
  target: number;
  numerator: number;
  denominator: number;
  /** Percent with one decimal, or null when nothing was counted. */
  value: number | null;
  met: boolean | null;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);

function indicator(
  key: string,
  name: string,
  formula: string,
  target: number,
  numerator: number,
  denominator: number,
): Indicator {
  const value = ratio(numerator, denominator);
  return { key, name, formula, target, numerator, denominator, value, met: value === null ? null : value >= target };
}

/** 质量指标 of a month, from the checked items and the notices due in it. */
export function qualityIndicators(input: {
  records: { checked: number; passed: number };
  norms: { checked: number; passed: number };
  rectifications: { due: number; closedOnTime: number };
}): Indicator[] {
  return [
    indicator(
      'records_complete',
      '案卷记录完整率',
      '无问题案卷数 ÷ 抽查案卷数 × 100%',
      95,
      input.records.passed,
      input.records.checked,
    ),
    indicator(
      'norms_compliant',
      '服务规范达标率',
      '检查无问题人次 ÷ 检查人次 × 100%',
      98,
      input.norms.passed,
      input.norms.checked,
    ),
    indicator(
      'rectified_on_time',
      '整改按期办结率',
      '到期日在本月且按期办结的整改通知数 ÷ 到期日在本月的整改通知数 × 100%',
      100,
      input.rectifications.closedOnTime,
      input.rectifications.due,
    ),
  ];
}
