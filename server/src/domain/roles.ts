/** Posts (岗位) of the hall and what each may do. Deny by default: a permission not listed is not held. */
export const permissions = [
  'org.read',
  'org.manage',
  'account.read',
  'account.manage',
  /** Grant or withdraw the three administrator roles. */
  'account.grant_admin',
  /** Approve or reject a change to an administrator account that another administrator asked for. */
  'account.approve_admin',
  /** Set a person's approval authority level (审批权限: 科室负责人, 分管领导, 主要领导). */
  'account.authority',
  'policy.manage',
  'audit.read',
  'audit.verify',
  'catalog.read',
  'catalog.manage',
  /** Keep the working-day calendar: hall closures and national schedules of new years. */
  'calendar.manage',
  /** Register consultations (咨询登记) as their first-question owner (首问人). */
  'consult.register',
  /** Answer, promise, refer, coordinate and hand over consultations; issue their one-time notices. */
  'consult.handle',
  'knowledge.read',
  'knowledge.manage',
  /** See personal numbers (phone) unmasked; every sight is audited. */
  'personal.view',
  /** Run a window on the hall floor: open, pause, close, call, serve, transfer (排队叫号). */
  'queue.serve',
  /** Keep the hall floor: queue categories, priority weights, window opening hours, rating pads. */
  'queue.manage',
  /** Call back bad on-site reviews (差评回访). */
  'rating.follow_up',
  /** Register receptions (收件登记) and decide them: accept, one-time notice, refuse, 容缺受理, supplement, withdrawal. */
  'reception.register',
  /** Read cases of one's halls and the applicants on them (personal numbers masked). */
  'case.read',
  /** Browse and search the whole applicant registry of one's halls (to find or register an applicant at reception). */
  'applicant.registry',
  /** Export the case list in bulk (.xlsx). */
  'case.export',
  /** Change an applicant's registered information; old and new values go on the trail (R5.4). */
  'applicant.edit',
  /** Route and reroute cases to departments (流转、改派). */
  'case.route',
  /** Work back-office steps: claim, hand over, verify with the front desk, submit for approval. */
  'case.process',
  /** Business review (业务审核): pass or return for rework. */
  'case.review',
  /** Decide approvals at one's authority level: approve, deny, escalate. */
  'case.approve',
  /** Approve or refuse an extension of the time limit (延期). */
  'case.extend.approve',
  /** Complete a case (办结) and attach its result documents. */
  'case.complete',
  /** Register collection or mailing of the result (领取、送达). */
  'case.collect',
  /** File a finished case in the archive (归档). */
  'case.archive',
  /** Re-compute stored case deadlines with the current calendar. */
  'timelimits.recompute',
  /** Electronic supervision (电子监察): the board of yellow and red clocks, the on-time rate. */
  'supervision.view',
  /** Export everything held about an applicant for an access request (个人信息查询); audited. */
  'personal.export',
  /** Seal (封存) a deregistered applicant's data, and ask for it to be unsealed. */
  'personal.seal',
  /** Approve or reject unsealing a sealed applicant (the security administrator). */
  'personal.unseal',
  /** Compose custom roles from permissions, edit and retire them (the security administrator). */
  'role.manage',
  /** Read the notification log (通知记录) and the templates of one's halls; export the log. */
  'notice.view',
  /** Resend a failed notice or switch its channel; edit the hall's notice templates. */
  'notice.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roleCodes = [
  'applicant',
  'clerk',
  'reviewer',
  'router',
  'handler',
  'approver',
  'feedback',
  'supervisor',
  'station_head',
  'inspector',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
export type RoleCode = (typeof roleCodes)[number];

/** The three administrator roles that must sit with three different people (三权分立). */
export type AdminClass = 'system' | 'security' | 'audit';

export interface RoleDefinition {
  code: RoleCode;
  name: string;
  nameEn: string;
  permissions: readonly Permission[];
  adminClass: AdminClass | null;
}

const staff: Permission[] = ['catalog.read', 'org.read'];

export const roles: readonly RoleDefinition[] = [
  { code: 'applicant', name: '群众/企业', nameEn: 'Applicant', permissions: [], adminClass: null },
  {
    code: 'clerk',
    name: '窗口受理员',
    nameEn: 'Window clerk',
    permissions: [
      ...staff,
      'consult.register',
      'consult.handle',
      'knowledge.read',
      'queue.serve',
      'reception.register',
      'case.read',
      'applicant.registry',
      'case.complete',
      'case.collect',
      'case.archive',
    ],
    adminClass: null,
  },
  {
    code: 'reviewer',
    name: '审核员',
    nameEn: 'Reviewer',
    permissions: [...staff, 'consult.handle', 'knowledge.read', 'case.read', 'case.process', 'case.review'],
    adminClass: null,
  },
  {
    code: 'router',
    name: '流转专员',
    nameEn: 'Router',
    permissions: [...staff, 'knowledge.read', 'case.read', 'case.route'],
    adminClass: null,
  },
  {
    code: 'handler',
    name: '后台办理员',
    nameEn: 'Back-office handler',
    permissions: [...staff, 'consult.handle', 'knowledge.read', 'case.read', 'case.process', 'case.complete'],
    adminClass: null,
  },
  {
    code: 'approver',
    name: '审批人',
    nameEn: 'Approver',
    permissions: [...staff, 'knowledge.read', 'case.read', 'case.approve'],
    adminClass: null,
  },
  {
    code: 'feedback',
    name: '反馈专员',
    nameEn: 'Feedback officer',
    permissions: [
      ...staff,
      'consult.register',
      'consult.handle',
      'knowledge.read',
      'rating.follow_up',
      'case.read',
      'case.collect',
    ],
    adminClass: null,
  },
  {
    code: 'supervisor',
    name: '窗口主管',
    nameEn: 'Window supervisor',
    permissions: [
      ...staff,
      'consult.register',
      'consult.handle',
      'knowledge.read',
      'knowledge.manage',
      'personal.view',
      'queue.serve',
      'queue.manage',
      'rating.follow_up',
      'reception.register',
      'case.read',
      'applicant.registry',
      'case.export',
      'applicant.edit',
      'case.route',
      'case.review',
      'case.complete',
      'case.archive',
      'supervision.view',
      'personal.export',
      'personal.seal',
      'notice.view',
      'notice.manage',
    ],
    adminClass: null,
  },
  {
    code: 'station_head',
    name: '站长',
    nameEn: 'Station head',
    permissions: [
      ...staff,
      'catalog.manage',
      'consult.register',
      'consult.handle',
      'knowledge.read',
      'knowledge.manage',
      'personal.view',
      'case.read',
      'case.export',
      'case.approve',
      'case.extend.approve',
      'supervision.view',
      'queue.manage',
      'personal.export',
      'personal.seal',
      'notice.view',
      'notice.manage',
    ],
    adminClass: null,
  },
  {
    code: 'inspector',
    name: '监督员',
    nameEn: 'Inspector',
    permissions: [...staff, 'knowledge.read', 'case.read', 'supervision.view', 'notice.view'],
    adminClass: null,
  },
  {
    code: 'sysadmin',
    name: '系统管理员',
    nameEn: 'System administrator',
    permissions: [
      ...staff,
      'org.manage',
      'account.read',
      'account.approve_admin',
      'catalog.manage',
      'calendar.manage',
      'queue.manage',
      'timelimits.recompute',
    ],
    adminClass: 'system',
  },
  {
    code: 'secadmin',
    name: '安全管理员',
    nameEn: 'Security administrator',
    permissions: [
      'org.read',
      'account.read',
      'account.manage',
      'account.grant_admin',
      'account.approve_admin',
      'account.authority',
      'policy.manage',
      'personal.unseal',
      'role.manage',
    ],
    adminClass: 'security',
  },
  {
    code: 'auditadmin',
    name: '审计管理员',
    nameEn: 'Audit administrator',
    permissions: ['audit.read', 'audit.verify', 'account.approve_admin'],
    adminClass: 'audit',
  },
];

const byCode = new Map(roles.map((r) => [r.code, r]));

export function isRoleCode(code: string): code is RoleCode {
  return byCode.has(code as RoleCode);
}

export function roleDefinition(code: RoleCode): RoleDefinition {
  const def = byCode.get(code);
  if (!def) throw new Error(`unknown role ${code}`);
  return def;
}

export function permissionsOf(roleList: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roleList) {
    if (isRoleCode(r)) for (const p of roleDefinition(r).permissions) out.add(p);
  }
  return out;
}

/** True when the roles put two of the three administrator powers in one hand. */
export function breaksSeparationOfDuties(roleList: readonly string[]): boolean {
  const classes = new Set(
    roleList
      .filter(isRoleCode)
      .map((r) => roleDefinition(r).adminClass)
      .filter((c) => c !== null),
  );
  return classes.size > 1;
}

/** True when the roles include one of the three administrator roles. */
export function holdsAdminRole(roleList: readonly string[]): boolean {
  return roleList.some((r) => isRoleCode(r) && roleDefinition(r).adminClass !== null);
}

/**
 * Why a set of roles may not sit on one account, or null: two administrator powers in one hand (三权分立), or an
 * administrator role on an account that also does business (an administrator account holds its one role only).
 */
export function roleSetProblem(roleList: readonly string[]): { zh: string; en: string } | null {
  if (breaksSeparationOfDuties(roleList)) {
    return {
      zh: '系统管理员、安全管理员、审计管理员须由不同人员担任（三权分立）',
      en: 'System, security and audit administrator roles must be held by different people',
    };
  }
  if (holdsAdminRole(roleList) && roleList.some((r) => !isRoleCode(r) || roleDefinition(r).adminClass === null)) {
    return {
      zh: '管理员角色不能授予业务账号：管理员账号只担任一个管理员角色',
      en: 'An administrator role cannot be added to a business account; an administrator account holds that role only',
    };
  }
  return null;
}

/** Roles whose holders see personal numbers unmasked; only the security administrator grants them. */
export function grantsPersonalView(roleList: readonly string[]): boolean {
  return roleList.some((r) => isRoleCode(r) && roleDefinition(r).permissions.includes('personal.view'));
}
