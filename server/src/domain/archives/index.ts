/**
 * 档案 (R14): how a case file is classified, numbered and kept, who may approve its borrowing, and when its
 * paper copy may be put up for disposal. Pure: no I/O.
 */

export const confidentialityLevels = ['public', 'internal', 'confidential', 'secret'] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];
export const confidentialityLabels: Record<Confidentiality, string> = {
  public: '公开',
  internal: '内部',
  confidential: '秘密',
  secret: '机密',
};

/** What a case ended with, as the scheme classifies it. */
export const archiveOutcomes = ['completed', 'not_accepted', 'ended', 'any'] as const;
export type ArchiveOutcome = (typeof archiveOutcomes)[number];
export const outcomeLabels: Record<ArchiveOutcome, string> = {
  completed: '办结',
  not_accepted: '不予受理',
  ended: '撤回/终止',
  any: '全部',
};

/** The case states that end a case and so call for an archive file. */
export const fileableStates = ['delivered', 'archived', 'not_accepted', 'withdrawn', 'terminated'] as const;

export function outcomeOfState(state: string): Exclude<ArchiveOutcome, 'any'> | null {
  if (state === 'delivered' || state === 'archived') return 'completed';
  if (state === 'not_accepted') return 'not_accepted';
  if (state === 'withdrawn' || state === 'terminated') return 'ended';
  return null;
}

/** Paper is kept at least this many years (R14.2); electronic copies are permanent unless the scheme says otherwise. */
export const MIN_PAPER_YEARS = 5;

export interface SchemeCategory {
  code: string;
  name: string;
  outcome: ArchiveOutcome;
  itemId: string | null;
  paperYears: number;
  electronicYears: number | null;
  confidentiality: Confidentiality;
}

/** The scheme a hall starts with until it keeps its own: one category per outcome, paper 10 / 5 years, electronic permanent. */
export const defaultScheme: SchemeCategory[] = [
  {
    code: 'BJ',
    name: '办结类',
    outcome: 'completed',
    itemId: null,
    paperYears: 10,
    electronicYears: null,
    confidentiality: 'internal',
  },
  {
    code: 'BS',
    name: '不予受理类',
    outcome: 'not_accepted',
    itemId: null,
    paperYears: 5,
    electronicYears: null,
    confidentiality: 'internal',
  },
  {
    code: 'CZ',
    name: '撤回终止类',
    outcome: 'ended',
    itemId: null,
    paperYears: 5,
    electronicYears: null,
    confidentiality: 'internal',
  },
];

/**
 * The category of a case: a category of its item for its outcome, then of its item for any outcome, then the
 * hall's category for its outcome, then 'any'; the built-in scheme when the hall's has none that fits.
 */
export function classify(
  scheme: SchemeCategory[],
  c: { outcome: Exclude<ArchiveOutcome, 'any'>; itemId: string },
): SchemeCategory {
  const tiers = [
    (s: SchemeCategory) => s.itemId === c.itemId && s.outcome === c.outcome,
    (s: SchemeCategory) => s.itemId === c.itemId && s.outcome === 'any',
    (s: SchemeCategory) => s.itemId === null && s.outcome === c.outcome,
    (s: SchemeCategory) => s.itemId === null && s.outcome === 'any',
  ];
  for (const t of tiers) {
    const hit = scheme.find(t);
    if (hit) return hit;
  }
  const fallback = defaultScheme.find((s) => s.outcome === c.outcome);
  if (!fallback) throw new Error(`no category for ${c.outcome}`);
  return fallback;
}

/** 档号: 全宗(hall code)-类别-年度-件号, the item number in sequence per hall, year and category. */
export function archiveNumber(hallCode: string, categoryCode: string, year: number, seq: number): string {
  return `${hallCode}-${categoryCode}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The last day a copy is kept: the same calendar day `years` later (29 Feb → 28 Feb). */
export function keptUntil(filedDay: string, years: number): string {
  const [y, m, d] = filedDay.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A paper copy is up for appraisal (鉴定) once its last kept day has passed. */
export const pastRetention = (paperUntil: string, today: string) => paperUntil < today;

/**
 * 借阅审批 by level: public and internal files are approved by the window supervisor (level 1); confidential and
 * secret ones by the station head (level 2).
 */
export function approvalLevelFor(c: Confidentiality): 1 | 2 {
  return c === 'confidential' || c === 'secret' ? 2 : 1;
}

/** The highest borrowing approval level a person's posts carry (0 = none). */
export function approverLevel(roles: readonly string[]): 0 | 1 | 2 {
  if (roles.includes('station_head')) return 2;
  if (roles.includes('supervisor')) return 1;
  return 0;
}

export const approvalLevelLabels: Record<1 | 2, string> = { 1: '窗口主管', 2: '站长' };

export const loanStatuses = ['requested', 'approved', 'rejected', 'lent', 'returned'] as const;
export type LoanStatus = (typeof loanStatuses)[number];
export const loanStatusLabels: Record<LoanStatus, string> = {
  requested: '待审批',
  approved: '已批准',
  rejected: '未批准',
  lent: '借出中',
  returned: '已归还',
};

/** A paper loan lent and not back by its due day is overdue (逾期). */
export const loanOverdue = (l: { status: string; dueDay: string | null }, today: string) =>
  l.status === 'lent' && l.dueDay !== null && l.dueDay < today;

/** An electronic view link lasts at most this long, and never past the loan's due day. */
export const VIEW_LINK_MS = 2 * 60 * 60 * 1000;

/** When a view link opened at `now` ends: two hours on, cut at the end of the due day (Beijing time). */
export function viewLinkUntil(now: number, dueDay: string): number {
  return Math.min(now + VIEW_LINK_MS, Date.parse(`${dueDay}T00:00:00+08:00`) + 86_400_000);
}
