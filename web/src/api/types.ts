/** Shapes from the OneWindow API contract. Times are epoch milliseconds. */

export interface ListResult<T> {
  items: T[];
  total: number;
}

export interface IdName {
  id: string;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
  /** An administrator without two-factor sign-in must enrol it first. */
  mustEnrolTotp?: boolean;
  halls: IdName[];
  departments: (IdName & { hallId: string })[];
}

export interface Hall {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
}

export interface Department {
  id: string;
  hallId: string;
  code: string;
  name: string;
  phone: string;
}

export type WindowKind = 'general' | 'dedicated' | 'green';
export type ActiveStatus = 'active' | 'inactive';

export interface ServiceWindow {
  id: string;
  hallId: string;
  number: number;
  name: string;
  kind: WindowKind;
  status: ActiveStatus;
  itemIds: string[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  hallIds: string[];
  departmentIds: string[];
  status: 'active' | 'disabled';
  lockedUntil: number | null;
  mustChangePassword: boolean;
  /** 审批权限 (科室负责人 / 分管领导 / 主要领导), or none. */
  authorityLevel?: 'section' | 'deputy' | 'chief' | null;
  lastLoginAt: number | null;
  createdAt: number;
}

export interface Role {
  code: string;
  name: string;
  nameEn: string;
  permissions: string[];
  adminClass: 'system' | 'security' | 'audit' | null;
  /** A role composed by the security administrator (false for the fixed posts). */
  custom?: boolean;
  status?: 'active' | 'retired';
  holders?: number;
  updatedAt?: number | null;
}

export interface Policy {
  minLength: number;
  minClasses: number;
  maxFailures: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  passwordHistory: number;
  passwordMaxAgeDays: number;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditRecord {
  seq: number;
  at: number;
  userId: string | null;
  username: string | null;
  /** The account holder's name; null for the system and for names no longer on file. */
  displayName: string | null;
  action: string;
  /** The action in Chinese, e.g. 办件 · 收件受理. */
  actionLabel: string;
  targetType: string | null;
  targetLabel: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  detail: Record<string, unknown> | null;
  hash: string;
}

export type AuditChainProblem =
  | 'altered'
  | 'missing'
  | 'downgraded'
  | 'unknown-key'
  | 'checkpoint-mismatch'
  | 'behind-checkpoint'
  | 'checkpoint-forged';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  problem: AuditChainProblem | null;
  legacyRecords: number;
  checkpoints: {
    lines: number;
    newestSeq: number | null;
    newestAt: number | null;
    restores: number;
    setAside: number;
    forged: number;
  } | null;
}

export const CATEGORIES = [
  'enterprise',
  'social_security',
  'household',
  'civil',
  'construction',
  'tax',
  'health',
  'agriculture',
  'transport',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type ItemKind = 'instant' | 'committed';
export type ApprovalLevel = 'window' | 'section' | 'department' | 'leader';
export type ItemStatus = 'draft' | 'published' | 'retired';
export type VersionState = 'draft' | 'published' | 'superseded';
export type MaterialForm = 'original' | 'copy' | 'original_and_copy';
export type Requirement = 'required' | 'conditional' | 'optional';

export interface Material {
  key: string;
  name: string;
  form: MaterialForm;
  copies: number;
  requirement: Requirement;
  condition: string;
  notes: string;
  essential: boolean;
  hasBlankForm: boolean;
  hasSample: boolean;
}

export interface Step {
  key: string;
  name: string;
  order: number;
  role: string;
  departmentId: string | null;
  limitDays: number;
  /** 逐级签批: the authority level that signs this sign-off step; else the item's approval level holds. */
  authority?: 'section' | 'deputy' | 'chief' | null;
}

export interface Faq {
  question: string;
  answer: string;
}

export interface ItemContent {
  name: string;
  category: Category;
  departmentIds: string[];
  description: string;
  basis: string;
  conditions: string;
  kind: ItemKind;
  legalDays: number;
  promisedDays: number;
  warningDays: number;
  feeFen: number;
  feeNote: string;
  /** 收费项目: the fee items and amounts in integer fen; absent means the single feeFen. */
  feeItems?: { name: string; amountFen: number }[];
  /** 先缴费后办结: the case may be completed only once its fee is paid. */
  payBeforeCompletion?: boolean;
  approvalLevel: ApprovalLevel;
  /** 容缺受理: the case may be approved before its deferred materials are in. */
  deferredApprovalAllowed?: boolean;
  /** 县乡联办: township stations that may receive the item for this hall, and whether the result may be posted. */
  townshipReception?: { stationHallIds: string[]; postAllowed: boolean };
  /** 网上预审: online application allowed, answered within limitDays working days. */
  onlinePrereview?: { allowed: boolean; limitDays: number };
  materials: Material[];
  steps: Step[];
  faq: Faq[];
}

export interface ItemSummary {
  id: string;
  hallId: string;
  code: string;
  name: string;
  category: Category;
  kind: ItemKind;
  promisedDays: number;
  legalDays: number;
  status: ItemStatus;
  publishedVersion: number | null;
  draftVersion: number | null;
  updatedAt: number;
}

export interface VersionInfo {
  version: number;
  state: VersionState;
  publishedAt: number | null;
  publishedBy: string | null;
  createdAt: number;
}

export interface ItemDetail {
  id: string;
  hallId: string;
  code: string;
  status: ItemStatus;
  publishedVersion: number | null;
  draftVersion: number | null;
  versions: VersionInfo[];
  content: ItemContent;
  /** The version the editor's files belong to (the draft when there is one). */
  materialFilesVersion: number;
  materialFiles: MaterialFile[];
}

export interface ItemVersion {
  version: number;
  state: VersionState;
  publishedAt: number | null;
  publishedBy: string | null;
  content: ItemContent;
}

export interface PublicHall {
  id: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
}

export interface GuideSummary {
  id: string;
  hallId: string;
  code: string;
  name: string;
  category: Category;
  kind: ItemKind;
  promisedDays: number;
  legalDays: number;
}

export interface GuideDetail {
  id: string;
  code: string;
  hall: PublicHall;
  version: number;
  publishedAt: number;
  content: ItemContent;
  departments: { id: string; name: string; phone: string }[];
  windows: { number: number; name: string }[];
  materialFiles: MaterialFile[];
}

export type MaterialFileKind = 'blank_form' | 'sample';
/** A material's blank form (空白表格) or filled-in sample (填写样例), uploaded in the item editor. */
export interface MaterialFile {
  materialKey: string;
  kind: MaterialFileKind;
  name: string;
  contentType: string;
  size: number;
  uploadedAt: number;
}
