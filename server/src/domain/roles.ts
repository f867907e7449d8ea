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
  /** Own attendance, leave requests, confirming as someone's B person, one's roster and AB pairs (窗口人员). */
  'staff.self',
  /** Keep staff files, AB pairs and rosters; read attendance sheets and who is uncovered (窗口主管、站长). */
  'staff.manage',
  /** Approve leave at one's authority level: the supervisor up to 3 working days, the station head any. */
  'staff.leave.approve',
  /** Call back bad on-site reviews (差评回访). */
  'rating.follow_up',
  /** Book an appointment (预约) for a caller on the phone, and see and cancel the hall's bookings. */
  'appointment.book',
  /** Keep appointments: capacity per slot and category, grace, no-show rule; the day's bookings and no-shows. */
  'appointment.manage',
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
  /** Issue, rotate, rescope and revoke API keys of machine clients (接口密钥; the security administrator). */
  'apikey.manage',
  /** Keep training plans, sessions, attendance and scores, certificates and individual training plans (培训). */
  'training.manage',
  /** Record discipline and rewards (奖惩) and hold regular meetings (例会) with their follow-up tasks. */
  'conduct.manage',
  /** Search archive files (档案), view and print their contents list (卷内目录), the enterprise's own file. */
  'archive.read',
  /** Ask to borrow an archive file (借阅申请) and view an approved electronic loan. */
  'archive.borrow',
  /** Keep the archive: file ended cases, the scheme, lending and returns, reminders, propose and carry out disposal. */
  'archive.manage',
  /** Approve borrowing at one's level (the supervisor: public and internal files; the station head: all). */
  'archive.approve',
  /** Approve or refuse the disposal (鉴定销毁) of files past their retention. */
  'archive.dispose',
  /** See the hall's equipment register (设备台账). */
  'equipment.read',
  /** Report a fault of a kiosk, pad, display, printer or other device. */
  'equipment.report',
  /** Keep the equipment register: devices, maintenance plans and records, fault repairs. */
  'equipment.manage',
  /** Record fee payments (缴费登记) with the fiscal receipt number and ask for refunds. */
  'fee.collect',
  /** Approve or refuse refunds (退费审批). */
  'fee.approve',
  /** Read the daily fee reconciliation (收费日报) and export it. */
  'fee.report',
  /** Open incidents and record what was done (应急事件); read the contingency plans. */
  'incident.record',
  /** Keep the contingency plans and drills, close incidents with their review, set the crowding thresholds. */
  'emergency.manage',
  /** Read the notification log (通知记录) and the templates of one's halls; export the log. */
  'notice.view',
  /** Resend a failed notice or switch its channel; edit the hall's notice templates. */
  'notice.manage',
  /** Decide staff appeals against case ratings (好差评申诉) and read each staff member's rating figures. */
  'rating.appeal.decide',
  /** Register complaints and reports (投诉举报) from any channel, investigate, reply in writing, re-open on objection. */
  'complaint.handle',
  /** See reports about staff and who made a report; the analysis; set each type's time limit (主管、监督员、站长). */
  'complaint.supervise',
  /** Re-examine an objection (异议) to a review result, refusal or one-time notice and answer it in writing. */
  'objection.decide',
  /** Inspect (监督检查): draw samples of case records, check service norms, issue and verify rectifications (整改). */
  'inspection.manage',
  /** 工作报告: generate periodic reports, record them sent upward, hand out tasks from superiors (主管、站长). */
  'report.manage',
  /** 考核: read the scorecards of one's halls, add remarks and the spot-check score (主管、站长). */
  'assessment.review',
  /** 考核: keep the indicators, sign scorecards off and correct them (站长). */
  'assessment.sign',
  /** 事件推送: keep the machine clients' endpoints (address, events, halls, secret) and resend their deliveries. */
  'webhook.manage',
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
      'staff.self',
      'consult.register',
      'consult.handle',
      'knowledge.read',
      'queue.serve',
      'reception.register',
      'case.read',
      'applicant.registry',
      'case.complete',
      'case.collect',
      'appointment.book',
      'case.archive',
      'archive.read',
      'archive.borrow',
      'equipment.read',
      'equipment.report',
      'fee.collect',
      'fee.report',
      'incident.record',
      'complaint.handle',
    ],
    adminClass: null,
  },
  {
    code: 'reviewer',
    name: '审核员',
    nameEn: 'Reviewer',
    permissions: [
      ...staff,
      'staff.self',
      'consult.handle',
      'knowledge.read',
      'case.read',
      'case.process',
      'case.review',
      'archive.read',
      'archive.borrow',
    ],
    adminClass: null,
  },
  {
    code: 'router',
    name: '流转专员',
    nameEn: 'Router',
    permissions: [...staff, 'staff.self', 'knowledge.read', 'case.read', 'case.route'],
    adminClass: null,
  },
  {
    code: 'handler',
    name: '后台办理员',
    nameEn: 'Back-office handler',
    permissions: [
      ...staff,
      'staff.self',
      'consult.handle',
      'knowledge.read',
      'case.read',
      'case.process',
      'case.complete',
      'archive.read',
      'archive.borrow',
    ],
    adminClass: null,
  },
  {
    code: 'approver',
    name: '审批人',
    nameEn: 'Approver',
    permissions: [...staff, 'staff.self', 'knowledge.read', 'case.read', 'case.approve'],
    adminClass: null,
  },
  {
    code: 'feedback',
    name: '反馈专员',
    nameEn: 'Feedback officer',
    permissions: [
      ...staff,
      'staff.self',
      'consult.register',
      'consult.handle',
      'knowledge.read',
      'rating.follow_up',
      'case.read',
      'case.collect',
      'archive.read',
      'archive.borrow',
      'equipment.read',
      'equipment.report',
      'complaint.handle',
    ],
    adminClass: null,
  },
  {
    code: 'supervisor',
    name: '窗口主管',
    nameEn: 'Window supervisor',
    permissions: [
      ...staff,
      'staff.self',
      'staff.manage',
      'staff.leave.approve',
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
      'training.manage',
      'conduct.manage',
      'archive.read',
      'archive.borrow',
      'archive.manage',
      'archive.approve',
      'equipment.read',
      'equipment.report',
      'equipment.manage',
      'appointment.book',
      'appointment.manage',
      'fee.collect',
      'fee.approve',
      'fee.report',
      'incident.record',
      'emergency.manage',
      'notice.view',
      'notice.manage',
      'rating.appeal.decide',
      'complaint.handle',
      'complaint.supervise',
      'objection.decide',
      'report.manage',
      'assessment.review',
    ],
    adminClass: null,
  },
  {
    code: 'station_head',
    name: '站长',
    nameEn: 'Station head',
    permissions: [
      ...staff,
      'staff.self',
      'staff.manage',
      'staff.leave.approve',
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
      'training.manage',
      'conduct.manage',
      'archive.read',
      'archive.borrow',
      'archive.approve',
      'archive.dispose',
      'equipment.read',
      'appointment.book',
      'appointment.manage',
      'fee.approve',
      'fee.report',
      'incident.record',
      'emergency.manage',
      'notice.view',
      'notice.manage',
      'rating.appeal.decide',
      'complaint.handle',
      'complaint.supervise',
      'objection.decide',
      'report.manage',
      'assessment.review',
      'assessment.sign',
    ],
    adminClass: null,
  },
  {
    code: 'inspector',
    name: '监督员',
    nameEn: 'Inspector',
    permissions: [
      ...staff,
      'staff.self',
      'knowledge.read',
      'case.read',
      'supervision.view',
      'archive.read',
      'equipment.read',
      'notice.view',
      'complaint.supervise',
      'inspection.manage',
    ],
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
      'webhook.manage',
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
      'apikey.manage',
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
