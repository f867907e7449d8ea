/**
 * 投诉 / 举报 (R9, R19.8): the states, the moves between them and the clock. Pure: the service reads the calendar
 * and the row, asks here what may happen, and writes what this answers.
 *
 * open (registered and acknowledged) → handling (classified, a responsible person) → replied (the written reply)
 * → closed (the complainant's satisfaction). A simple one is replied on the spot from open. An objection to the
 * reply re-opens it (replied/closed → handling) in a new round with a new deadline and its own progress notice.
 */
export const complaintKinds = ['complaint', 'report'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];

export const complaintChannels = ['phone', 'email', 'box', 'online', 'visit', 'superior', 'hotline'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintCategories = ['attitude', 'efficiency', 'conduct', 'policy', 'integrity', 'other'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

export const complaintStates = ['open', 'handling', 'replied', 'closed'] as const;
export type ComplaintState = (typeof complaintStates)[number];

export const noteKinds = ['investigation', 'evidence', 'complainant', 'staff'] as const;
export type NoteKind = (typeof noteKinds)[number];

export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

export const channelLabels: Record<ComplaintChannel, string> = {
  phone: '电话',
  email: '电子邮件',
  box: '意见箱',
  online: '网上',
  visit: '来访',
  superior: '上级转办',
  hotline: '12345热线',
};
export const categoryLabels: Record<ComplaintCategory, string> = {
  attitude: '服务态度',
  efficiency: '办事效率',
  conduct: '工作纪律',
  policy: '政策执行',
  integrity: '廉洁问题',
  other: '其他',
};
export const kindLabels: Record<ComplaintKind, string> = { complaint: '投诉', report: '举报' };
export const stateLabels: Record<ComplaintState, string> = {
  open: '已受理',
  handling: '调查处理中',
  replied: '已书面答复',
  closed: '已办结',
};
export const satisfactionLabels: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Working days to reply when no per-type limit is set (R9.2). A simple one is answered on the spot (0). */
export const DEFAULT_REPLY_DAYS = 5;
export const MAX_REPLY_DAYS = 60;

export type ComplaintAction = 'assign' | 'note' | 'reply' | 'rate' | 'reopen';

/** The state a move leads to, or null when it is not open from this state. */
export function complaintMove(state: ComplaintState, action: ComplaintAction): ComplaintState | null {
  switch (action) {
    case 'assign':
      return state === 'open' || state === 'handling' ? 'handling' : null;
    case 'note':
      return state === 'open' || state === 'handling' ? state : null;
    case 'reply':
      return state === 'open' || state === 'handling' ? 'replied' : null;
    case 'rate':
      return state === 'replied' ? 'closed' : null;
    case 'reopen':
      return state === 'replied' || state === 'closed' ? 'handling' : null;
  }
}

/** Replied or closed: the clock has stopped. */
export const clockStopped = (state: ComplaintState) => state === 'replied' || state === 'closed';

/**
 * A report about a staff member (举报 naming a person) is seen only by those who supervise (窗口主管、监督员、站长);
 * a report's source is hidden from everyone else, in lists always.
 */
export const isRestricted = (c: { kind: string; staffUserId: string | null }) =>
  c.kind === 'report' && c.staffUserId !== null;

/**
 * The day the progress notice to the complainant is due: one working day before the deadline, or the deadline
 * day itself when the deadline is today or tomorrow. `previousWorkingDay` comes from the hall calendar.
 */
export function progressNoticeDay(
  receivedDay: string,
  dueDay: string,
  previousWorkingDay: (day: string) => string,
): string {
  const before = previousWorkingDay(dueDay);
  return before < receivedDay ? dueDay : before;
}

/**
 * Whether the sweep queues this round's progress notice today: the case is still being handled, there is someone
 * to tell, it has not been sent this round, the notice day has come and the deadline has not passed.
 */
export function progressNoticeOwed(c: {
  state: ComplaintState;
  hasContact: boolean;
  round: number;
  noticedRound: number;
  noticeDay: string;
  dueDay: string;
  today: string;
}): boolean {
  if (clockStopped(c.state) || !c.hasContact || c.noticedRound >= c.round) return false;
  return c.today >= c.noticeDay && c.today <= c.dueDay;
}

/** The light on the desk: grey once replied, red past the deadline, yellow on the deadline day, else green. */
export function complaintLight(
  state: ComplaintState,
  today: string,
  dueDay: string,
): 'green' | 'yellow' | 'red' | 'none' {
  if (clockStopped(state)) return 'none';
  if (today > dueDay) return 'red';
  return today === dueDay ? 'yellow' : 'green';
}

/** A reply is on time when given on or before the deadline day. */
export const repliedOnTime = (repliedDay: string, dueDay: string) => repliedDay <= dueDay;

/** 异议 (R19.9): the decisions that may be objected to, and the outcomes of the re-examination. */
export const objectionKinds = ['review', 'refusal', 'one_time_notice'] as const;
export type ObjectionKind = (typeof objectionKinds)[number];
export const objectionKindLabels: Record<ObjectionKind, string> = {
  review: '审核结果',
  refusal: '不予受理决定',
  one_time_notice: '一次性告知',
};
export const objectionOutcomes = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];
export const objectionOutcomeLabels: Record<ObjectionOutcome, string> = {
  upheld: '异议成立，予以纠正',
  rejected: '维持原决定',
};
export const DEFAULT_OBJECTION_DAYS = 5;
