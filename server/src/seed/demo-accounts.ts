import type { AuthorityLevel } from '../domain/case/authority.ts';
import type { RoleCode } from '../domain/roles.ts';

/** One demo account per post, listed in the README. `halls`: 'county', 'town' or both. */
export interface DemoAccount {
  username: string;
  displayName: string;
  roles: RoleCode[];
  halls: ('county' | 'town')[];
  /** Department codes (unique across the demo halls) the person works in. */
  departments: string[];
  phone: string;
  /** 审批权限: who may sign off an approval at which level. */
  authority?: AuthorityLevel;
}

export const DEMO_PASSWORD = 'Hall@2026';

/**
 * DEMO ONLY: the TOTP secret of the three demo administrators (two-factor sign-in is required for them), published
 * in the README so a newcomer can add it to an authenticator app. A production database never holds it.
 */
export const DEMO_TOTP_SECRET = 'ONEWINDOWDEMOSECRETFORHALLADMINS';

export const demoAccounts: DemoAccount[] = [
  {
    username: 'sysadmin',
    displayName: '周建国',
    roles: ['sysadmin'],
    halls: ['county', 'town'],
    departments: [],
    phone: '13800010001',
  },
  {
    username: 'secadmin',
    displayName: '吴敏',
    roles: ['secadmin'],
    halls: ['county', 'town'],
    departments: [],
    phone: '13800010002',
  },
  {
    username: 'auditor',
    displayName: '郑丽华',
    roles: ['auditadmin'],
    halls: ['county', 'town'],
    departments: [],
    phone: '13800010003',
  },
  {
    username: 'head',
    displayName: '王志强',
    roles: ['station_head'],
    halls: ['county'],
    departments: [],
    phone: '13800010004',
    authority: 'chief',
  },
  {
    username: 'supervisor',
    displayName: '李秀英',
    roles: ['supervisor'],
    halls: ['county'],
    departments: [],
    phone: '13800010005',
  },
  {
    username: 'clerk',
    displayName: '张伟',
    roles: ['clerk'],
    halls: ['county'],
    departments: [],
    phone: '13800010006',
  },
  {
    username: 'reviewer',
    displayName: '刘洋',
    roles: ['reviewer'],
    halls: ['county'],
    departments: ['SC'],
    phone: '13800010007',
  },
  {
    username: 'router',
    displayName: '陈静',
    roles: ['router'],
    halls: ['county'],
    departments: [],
    phone: '13800010008',
  },
  {
    username: 'handler',
    displayName: '杨帆',
    roles: ['handler'],
    halls: ['county'],
    departments: ['SC'],
    phone: '13800010009',
  },
  {
    username: 'approver',
    displayName: '赵磊',
    roles: ['approver'],
    halls: ['county'],
    departments: ['SC'],
    phone: '13800010010',
    authority: 'section',
  },
  {
    username: 'feedback',
    displayName: '黄丹',
    roles: ['feedback'],
    halls: ['county'],
    departments: [],
    phone: '13800010011',
  },
  {
    username: 'inspector',
    displayName: '孙浩',
    roles: ['inspector'],
    halls: ['county'],
    departments: [],
    phone: '13800010012',
  },
  {
    username: 'applicant',
    displayName: '马小红',
    roles: ['applicant'],
    halls: ['county'],
    departments: [],
    phone: '13800010013',
  },
  {
    username: 'town_clerk',
    displayName: '何春燕',
    roles: ['clerk'],
    halls: ['town'],
    departments: [],
    phone: '13800010014',
  },
  // The township station's head decides its leader-level items (宅基地、临时救助).
  {
    username: 'town_head',
    displayName: '邱国平',
    roles: ['station_head'],
    halls: ['town'],
    departments: [],
    phone: '13800010015',
    authority: 'chief',
  },
];

/**
 * Back-office staff of every department, one account per post its published items name, so that every step of
 * every demo item can be claimed by someone holding its post and department (username: department_post).
 */
const departmentPosts: [string, 'county' | 'town', RoleCode[]][] = [
  ['GA', 'county', ['reviewer', 'handler', 'approver']],
  ['RS', 'county', ['reviewer', 'approver']],
  ['MZ', 'county', ['reviewer', 'handler', 'approver']],
  ['ZR', 'county', ['reviewer', 'approver']],
  ['SW', 'county', ['handler']],
  ['WJ', 'county', ['reviewer', 'handler', 'approver']],
  ['ZJ', 'county', ['reviewer', 'handler', 'approver']],
  ['NY', 'town', ['reviewer', 'handler', 'approver']],
  ['SH', 'town', ['reviewer', 'handler', 'approver']],
];
const staffNames = [
  '高原',
  '林峰',
  '罗敏',
  '梁晨',
  '宋佳',
  '谢婷',
  '唐亮',
  '韩雪',
  '冯刚',
  '邓洁',
  '曹阳',
  '彭飞',
  '曾琳',
  '萧然',
  '田野',
  '董明',
  '袁芳',
  '潘磊',
  '蒋文',
  '蔡红',
  '余涛',
  '杜鹃',
  '叶青',
];
let n = 0;
for (const [code, hall, posts] of departmentPosts) {
  for (const role of posts) {
    const i = n++;
    demoAccounts.push({
      username: `${code.toLowerCase()}_${role}`,
      displayName: staffNames[i] ?? `${code}${role}`,
      roles: [role],
      halls: [hall],
      departments: [code],
      phone: `138000200${String(i + 1).padStart(2, '0')}`,
      // A department's approver is its section head (科室负责人).
      ...(role === 'approver' ? { authority: 'section' as const } : {}),
    });
  }
}

// The demo handler's B person (AB岗): a second handler of the same department (市场监管 SC).
demoAccounts.push({
  username: 'sc_handler',
  displayName: '邹敏',
  roles: ['handler'],
  halls: ['county'],
  departments: ['SC'],
  phone: '13800020099',
});

/** 分管领导 of the departments whose items are decided at department level or signed off in two levels. */
const leaders: [string, string][] = [
  ['ZR', '冯建华'],
  ['MZ', '蒋立新'],
  ['ZJ', '沈国栋'],
];
for (const [i, [code, displayName]] of leaders.entries()) {
  demoAccounts.push({
    username: `${code.toLowerCase()}_leader`,
    displayName,
    roles: ['approver'],
    halls: ['county'],
    departments: [code],
    phone: `138000300${String(i + 1).padStart(2, '0')}`,
    authority: 'deputy',
  });
}

/**
 * A newly hired clerk who has not passed the pre-post training (岗前培训) yet: refused at the window and at every
 * case step until the supervisor records the pass (every other demo account counts as trained).
 */
export const untrainedDemoUsernames: readonly string[] = ['new_clerk'];
demoAccounts.push({
  username: 'new_clerk',
  displayName: '孙悦',
  roles: ['clerk'],
  halls: ['county'],
  departments: [],
  phone: '13800010016',
});
