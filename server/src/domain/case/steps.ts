/**
 * The steps of a case as the published process lays them out, and who may work them: the post (or one standing
 * in), the department (or hall-wide reach) and, for a sign-off, the authority level. Pure.
 */
import type { RoleCode } from '../roles.ts';
import { type AuthorityLevel, holdsAuthority } from './authority.ts';
import type { CaseState } from './states.ts';

export type StepStatus = 'pending' | 'active' | 'done' | 'skipped';
/** reception 受理 and completion 办结 are the window's; the others are the back office's. */
export type StepKind = 'reception' | 'routing' | 'process' | 'review' | 'approval' | 'completion';

export interface CaseStep {
  readonly id: string;
  readonly name: string;
  readonly order: number;
  readonly role: string;
  readonly departmentId: string | null;
  readonly status: StepStatus;
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
  /** The authority level a sign-off step needs (审批权限); none for other steps. */
  readonly authority?: AuthorityLevel | null | undefined;
}

export interface StepActor {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly RoleCode[];
  readonly departmentIds: readonly string[];
  /** The person's authority level (科室负责人 / 分管领导 / 主要领导), if any. */
  readonly authority?: AuthorityLevel | null | undefined;
}

/** The posts of the back office's own steps, 承办、审核、审批 (考核 counts them as 办理环节); routing is not among them. */
export const backOfficePosts = ['handler', 'reviewer', 'approver', 'station_head'] as const;

/** The moves the process governs; everything else (clock, verification, delivery) is the state table's. */
export const processActions = [
  'claimStep',
  'finishStep',
  'passReview',
  'returnForRework',
  'startRework',
  'approve',
  'deny',
  'escalate',
  'complete',
  'startReview',
  'submitForApproval',
  'routeToDepartment',
] as const;
export type ProcessAction = (typeof processActions)[number];
export const isProcessAction = (a: string): a is ProcessAction => (processActions as readonly string[]).includes(a);

/** Posts that may stand in for a step's post: the station head approves, the window supervisor receives, reviews, routes. */
const standsIn: Partial<Record<RoleCode, readonly string[]>> = {
  station_head: ['approver'],
  supervisor: ['clerk', 'reviewer', 'router'],
};
/** Posts with hall-wide reach: they may work a step of any department. */
const hallWide: readonly RoleCode[] = ['supervisor', 'station_head'];

/** The step posts this person may work: their own and those they stand in for; hallWide: any department. */
export function workable(roles: readonly RoleCode[]): { roles: string[]; hallWide: boolean } {
  return {
    roles: [...new Set(roles.flatMap((r) => [r, ...(standsIn[r] ?? [])]))],
    hallWide: roles.some((r) => hallWide.includes(r)),
  };
}

const frontOffice = (s: Pick<CaseStep, 'role' | 'departmentId'>) =>
  s.departmentId === null && (s.role === 'clerk' || s.role === 'supervisor');

/** The kind of a step from its post and place in the process. */
export function kindOf(s: CaseStep, steps: readonly CaseStep[]): StepKind {
  const orders = steps.map((x) => x.order);
  const first = Math.min(...orders);
  const last = Math.max(...orders);
  const wholeOrderFront = (o: number) => steps.filter((x) => x.order === o).every(frontOffice);
  if (s.order === last && wholeOrderFront(last)) return 'completion';
  if (s.order === first && wholeOrderFront(first)) return 'reception';
  if (s.role === 'router') return 'routing';
  if (s.role === 'reviewer') return 'review';
  if (s.role === 'approver' || s.role === 'station_head') return 'approval';
  return 'process';
}

/** May this person work the step: its post (or one standing in), its department (or hall-wide reach), its level? */
export function mayWork(actor: StepActor, s: Pick<CaseStep, 'role' | 'departmentId' | 'authority'>): boolean {
  return holdsPost(actor, s) && holdsAuthority(actor.authority, s.authority);
}

/** The post and department half of mayWork: what a colleague must hold to be given the step at all. */
export function holdsPost(actor: StepActor, s: Pick<CaseStep, 'role' | 'departmentId'>): boolean {
  const roleOk = actor.roles.some((r) => r === s.role || (standsIn[r] ?? []).includes(s.role));
  const deptOk =
    s.departmentId === null ||
    actor.departmentIds.includes(s.departmentId) ||
    actor.roles.some((r) => hallWide.includes(r));
  return roleOk && deptOk;
}

/** The state a case stands in while these steps are active; `current` keeps an approval's verdict until 办结. */
export function stateFor(steps: readonly CaseStep[], current: CaseState): CaseState {
  const active = steps.filter((s) => s.status === 'active');
  const kinds = new Set(active.map((s) => kindOf(s, steps)));
  if (kinds.size === 0) return current;
  if (kinds.has('completion')) {
    if (current === 'approved' || current === 'denied') return current;
    return steps.some((s) => {
      const k = kindOf(s, steps);
      return k !== 'reception' && k !== 'completion';
    })
      ? 'in_process'
      : 'accepted';
  }
  if (kinds.size > 1) return 'in_process';
  const [only] = [...kinds];
  return only === 'routing' || only === 'reception'
    ? 'accepted'
    : only === 'review'
      ? 'in_review'
      : only === 'approval'
        ? 'in_approval'
        : 'in_process';
}

export const finished = (s: CaseStep) => s.status === 'done' || s.status === 'skipped';

export function unfinishedBefore(
  steps: readonly CaseStep[],
  order: number,
  except: (s: CaseStep) => boolean = () => false,
) {
  return steps.filter((s) => s.order < order && !finished(s) && !except(s));
}

export const names = (xs: readonly CaseStep[]) => xs.map((s) => s.name).join('、');
