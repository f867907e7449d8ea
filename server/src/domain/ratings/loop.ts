/**
 * 差评闭环 (R8.3): a bad case rating (不满意 / 非常不满意) opens a task that moves call-back → verify → rectify →
 * re-rate → closed, each stage with its own due day on the hall calendar. Pure: the service loads a task into a
 * LoopState, applies one action here and writes the result back.
 */
export const loopStages = ['call_back', 'verify', 'rectify', 'rerate', 'closed'] as const;
export type LoopStage = (typeof loopStages)[number];

export const stageLabels: Record<LoopStage, { zh: string; en: string }> = {
  call_back: { zh: '待回访', en: 'Call back' },
  verify: { zh: '待核实', en: 'Verify' },
  rectify: { zh: '整改中', en: 'Rectify' },
  rerate: { zh: '待再次评价', en: 'Awaiting re-rating' },
  closed: { zh: '已办结', en: 'Closed' },
};

/** Working days each stage is given, counted from the day the stage begins. */
export const CALL_BACK_DAYS = 1;
export const VERIFY_DAYS = 2;
export const RECTIFY_DAYS_DEFAULT = 15;
export const RECTIFY_DAYS_MAX = 60;
export const RERATE_DAYS = 10;

export interface WorkingDays {
  addWorkingDays(start: string, n: number): { deadline: string; provisional?: boolean };
}

export interface LoopState {
  stage: LoopStage;
  /** The due day of the current stage (null once closed). */
  dueDay: string | null;
  callBackDue: string;
  verifyDue: string | null;
  rectifyDue: string | null;
  rerateDue: string | null;
  hasPlan: boolean;
  evidence: number;
  reached: boolean | null;
}

export type LoopAction =
  | { kind: 'call_back'; day: string; reached: boolean }
  | { kind: 'verify'; day: string; rectifyDays?: number }
  | { kind: 'plan'; day: string }
  | { kind: 'evidence'; day: string }
  | { kind: 'rectified'; day: string }
  | { kind: 'rerate'; day: string };

export type LoopRefusal = { code: string; zh: string; en: string; field?: string };
export type LoopResult = { ok: true; state: LoopState } | { ok: false; refusal: LoopRefusal };

/** A new task: the call-back is due one working day after the rating. */
export function openLoop(cal: WorkingDays, ratedDay: string): LoopState {
  const due = cal.addWorkingDays(ratedDay, CALL_BACK_DAYS).deadline;
  return {
    stage: 'call_back',
    dueDay: due,
    callBackDue: due,
    verifyDue: null,
    rectifyDue: null,
    rerateDue: null,
    hasPlan: false,
    evidence: 0,
    reached: null,
  };
}

const wrongStage = (s: LoopState, zh: string, en: string): LoopResult => ({
  ok: false,
  refusal: {
    code: 'WRONG_STAGE',
    zh: `当前环节为“${stageLabels[s.stage].zh}”，${zh}`,
    en: `The task is at ${s.stage}: ${en}`,
  },
});

/** The one move an action makes, or why it is refused. Stages never go back and a closed task never moves. */
export function stepLoop(cal: WorkingDays, s: LoopState, a: LoopAction): LoopResult {
  switch (a.kind) {
    case 'call_back': {
      if (s.stage !== 'call_back') return wrongStage(s, '不能再次登记回访', 'already called back');
      // Not reached: the attempt is kept and the call-back stays due, to be tried again.
      if (!a.reached) return { ok: true, state: { ...s, reached: false } };
      const due = cal.addWorkingDays(a.day, VERIFY_DAYS).deadline;
      return { ok: true, state: { ...s, stage: 'verify', reached: true, verifyDue: due, dueDay: due } };
    }
    case 'verify': {
      if (s.stage !== 'verify') return wrongStage(s, '不能核实', 'cannot verify now');
      const days = a.rectifyDays ?? RECTIFY_DAYS_DEFAULT;
      if (!Number.isInteger(days) || days < 1 || days > RECTIFY_DAYS_MAX)
        return {
          ok: false,
          refusal: {
            code: 'VALIDATION',
            zh: `整改期限应为 1–${RECTIFY_DAYS_MAX} 个工作日`,
            en: `The rectification period is 1–${RECTIFY_DAYS_MAX} working days`,
            field: 'rectifyDays',
          },
        };
      const due = cal.addWorkingDays(a.day, days).deadline;
      return { ok: true, state: { ...s, stage: 'rectify', rectifyDue: due, dueDay: due } };
    }
    case 'plan':
      if (s.stage !== 'rectify') return wrongStage(s, '不能填写整改方案', 'no plan now');
      return { ok: true, state: { ...s, hasPlan: true } };
    case 'evidence':
      if (s.stage !== 'rectify') return wrongStage(s, '不能上传整改证明', 'no evidence now');
      return { ok: true, state: { ...s, evidence: s.evidence + 1 } };
    case 'rectified': {
      if (s.stage !== 'rectify') return wrongStage(s, '不能登记整改完成', 'not rectifying');
      if (!s.hasPlan || s.evidence === 0)
        return {
          ok: false,
          refusal: {
            code: 'RECTIFICATION_INCOMPLETE',
            zh: '请先填写整改方案和责任人，并上传至少一份整改证明',
            en: 'Record the plan and the person responsible and upload evidence first',
            field: s.hasPlan ? 'evidence' : 'plan',
          },
        };
      const due = cal.addWorkingDays(a.day, RERATE_DAYS).deadline;
      return { ok: true, state: { ...s, stage: 'rerate', rerateDue: due, dueDay: due } };
    }
    case 'rerate':
      if (s.stage !== 'rerate')
        return {
          ok: false,
          refusal: {
            code: 'RERATE_NOT_OPEN',
            zh: s.stage === 'closed' ? '已再次评价过，每件只可再评一次' : '整改完成后方可再次评价',
            en: s.stage === 'closed' ? 'Already rated again (once only)' : 'Re-rating opens once rectified',
          },
        };
      if (s.rerateDue && a.day > s.rerateDue)
        return {
          ok: false,
          refusal: { code: 'RERATE_CLOSED', zh: '再次评价期限已过', en: 'The time to rate again has passed' },
        };
      return { ok: true, state: { ...s, stage: 'closed', dueDay: null } };
  }
}

/** The clock's colour for the board: red past due, yellow on the due day itself; the applicant's own turn is never red. */
export function stageLight(s: Pick<LoopState, 'stage' | 'dueDay'>, today: string): 'green' | 'yellow' | 'red' {
  if (!s.dueDay || s.stage === 'closed' || s.stage === 'rerate') return 'green';
  if (today > s.dueDay) return 'red';
  return today === s.dueDay ? 'yellow' : 'green';
}
