/**
 * Demo data: a county government service centre (政务服务中心) and a township service station (便民服务中心),
 * with their departments, windows and service items (办事指南). The halls, addresses and phone numbers are
 * fictional; the legal bases name real national laws and regulations. Fees are in fen (分).
 *
 * Conventions used throughout:
 * - Front-office steps (受理, 分办, 办结) have departmentCode null: under 一窗通办 they are done by the hall's own
 *   window staff. Back-office steps (审核, 审批, 现场核查 …) name the department that does them.
 * - Steps that share an order run in parallel (并联审批); the item then lists every department involved.
 * - Per-step limits along the longest path never exceed promisedDays, and promisedDays ≤ legalDays.
 *
 * Self-contained on purpose (no project imports) so it can be read, type-checked and reused on its own.
 */

export type DemoCategory =
  | 'enterprise'
  | 'social_security'
  | 'household'
  | 'civil'
  | 'construction'
  | 'tax'
  | 'health'
  | 'agriculture'
  | 'transport'
  | 'other';

export type DemoStepRole =
  | 'clerk'
  | 'reviewer'
  | 'router'
  | 'handler'
  | 'approver'
  | 'supervisor'
  | 'station_head'
  | 'feedback';

export interface DemoDepartment {
  code: string;
  name: string;
  phone: string;
}

export interface DemoWindow {
  number: number;
  name: string;
  kind: 'general' | 'dedicated' | 'green';
  itemCodes: string[];
}

export interface DemoMaterial {
  key: string;
  name: string;
  form: 'original' | 'copy' | 'original_and_copy';
  copies: number;
  requirement: 'required' | 'conditional' | 'optional';
  condition: string;
  notes: string;
  essential: boolean;
  hasBlankForm: boolean;
  hasSample: boolean;
}

export interface DemoStep {
  key: string;
  name: string;
  order: number;
  role: DemoStepRole;
  departmentCode: string | null;
  limitDays: number;
  /** A sign-off step of a chain names its own level; otherwise the item's approval level holds. */
  authority?: 'section' | 'deputy' | 'chief';
}

export interface DemoItem {
  code: string;
  name: string;
  category: DemoCategory;
  departmentCodes: string[];
  description: string;
  basis: string;
  conditions: string;
  kind: 'instant' | 'committed';
  legalDays: number;
  promisedDays: number;
  warningDays: number;
  feeFen: number;
  feeNote: string;
  approvalLevel: 'window' | 'section' | 'department' | 'leader';
  materials: DemoMaterial[];
  steps: DemoStep[];
  faq: { question: string; answer: string }[];
  /** 县乡联办: township stations (by hall code) that may receive the item for this hall; may the result be posted? */
  townshipReception?: { stationCodes: string[]; postAllowed: boolean };
  /** 网上预审: may the applicant apply online first, answered within limitDays working days? */
  onlinePrereview?: { allowed: boolean; limitDays: number };
}

export interface DemoHall {
  code: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
  departments: DemoDepartment[];
  windows: DemoWindow[];
  items: DemoItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Builders: keep each item readable by filling the usual defaults.
// ---------------------------------------------------------------------------------------------------------------

type MaterialInput = Pick<DemoMaterial, 'key' | 'name' | 'form'> & Partial<Omit<DemoMaterial, 'key' | 'name' | 'form'>>;

/** A material; defaults: one copy, required, not essential, no blank form or sample. */
export function material(input: MaterialInput): DemoMaterial {
  return {
    copies: 1,
    requirement: 'required',
    condition: '',
    notes: '',
    essential: false,
    hasBlankForm: false,
    hasSample: false,
    ...input,
  };
}

/** The power of attorney asked for whenever someone else applies on the applicant's behalf. */
export function proxyMaterial(key: string, condition = '委托代理人办理的'): DemoMaterial {
  return material({
    key,
    name: '授权委托书及受托人身份证件',
    form: 'original_and_copy',
    requirement: 'conditional',
    condition,
    notes: '委托书应载明委托事项、权限和期限，由委托人签字（单位加盖公章）；受托人身份证件核验原件、留存复印件',
    hasBlankForm: true,
    hasSample: true,
  });
}

export function step(
  key: string,
  name: string,
  order: number,
  role: DemoStepRole,
  departmentCode: string | null,
  limitDays: number,
): DemoStep {
  return { key, name, order, role, departmentCode, limitDays };
}

/** 即办件: accepted and finished on the spot at the window. */
export function instantSteps(): DemoStep[] {
  return [step('s1', '受理', 1, 'clerk', null, 0), step('s2', '办结', 2, 'clerk', null, 0)];
}

/** The common committed path: 受理 → 审核 → 审批 → 办结, with the back-office steps in one department. */
export function reviewSteps(
  departmentCode: string,
  limits: { accept: number; review: number; approve: number; finish: number },
): DemoStep[] {
  return [
    step('s1', '受理', 1, 'clerk', null, limits.accept),
    step('s2', '审核', 2, 'reviewer', departmentCode, limits.review),
    step('s3', '审批', 3, 'approver', departmentCode, limits.approve),
    step('s4', '办结', 4, 'clerk', null, limits.finish),
  ];
}
