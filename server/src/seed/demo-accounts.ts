import type { RoleCode } from '../domain/roles.ts';

/** One demo account per post, listed in the README. `halls`: 'county', 'town' or both. */
export interface DemoAccount {
  username: string;
  displayName: string;
  roles: RoleCode[];
  halls: ('county' | 'town')[];
  /** Department codes in the county hall the person works in. */
  departments: string[];
  phone: string;
}

export const DEMO_PASSWORD = 'Hall@2026';

/**
 * DEMO ONLY: the TOTP secret of the three demo administrators (two-factor sign-in is required for them), published
 * in the README so a newcomer can add it to an authenticator app. A production database never holds it.
 */
export const DEMO_TOTP_SECRET = 'ONEWINDOWDEMOSECRETFORHALLADMINS';

export const demoAccounts: DemoAccount[] = [
  { username: 'sysadmin', displayName: '周建国', roles: ['sysadmin'], halls: ['county', 'town'], departments: [], phone: '13800010001' },
  { username: 'secadmin', displayName: '吴敏', roles: ['secadmin'], halls: ['county', 'town'], departments: [], phone: '13800010002' },
  { username: 'auditor', displayName: '郑丽华', roles: ['auditadmin'], halls: ['county', 'town'], departments: [], phone: '13800010003' },
  { username: 'head', displayName: '王志强', roles: ['station_head'], halls: ['county'], departments: [], phone: '13800010004' },
  { username: 'supervisor', displayName: '李秀英', roles: ['supervisor'], halls: ['county'], departments: [], phone: '13800010005' },
  { username: 'clerk', displayName: '张伟', roles: ['clerk'], halls: ['county'], departments: [], phone: '13800010006' },
  { username: 'reviewer', displayName: '刘洋', roles: ['reviewer'], halls: ['county'], departments: ['SC'], phone: '13800010007' },
  { username: 'router', displayName: '陈静', roles: ['router'], halls: ['county'], departments: [], phone: '13800010008' },
  { username: 'handler', displayName: '杨帆', roles: ['handler'], halls: ['county'], departments: ['SC'], phone: '13800010009' },
  { username: 'approver', displayName: '赵磊', roles: ['approver'], halls: ['county'], departments: ['SC'], phone: '13800010010' },
  { username: 'feedback', displayName: '黄丹', roles: ['feedback'], halls: ['county'], departments: [], phone: '13800010011' },
  { username: 'inspector', displayName: '孙浩', roles: ['inspector'], halls: ['county'], departments: [], phone: '13800010012' },
  { username: 'applicant', displayName: '马小红', roles: ['applicant'], halls: ['county'], departments: [], phone: '13800010013' },
  { username: 'town_clerk', displayName: '何春燕', roles: ['clerk'], halls: ['town'], departments: [], phone: '13800010014' },
];
