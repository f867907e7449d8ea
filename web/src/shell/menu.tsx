import {
  ApiOutlined,
  CalendarOutlined,
  ExclamationCircleOutlined,
  BarChartOutlined,
  IssuesCloseOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  FileSearchOutlined,
  FormOutlined,
  CommentOutlined,
  HomeOutlined,
  InboxOutlined,
  ProfileOutlined,
  PhoneOutlined,
  ReadOutlined,
  SettingOutlined,
  SoundOutlined,
  TeamOutlined,
  AlertOutlined,
  FlagOutlined,
  SolutionOutlined,
  NodeIndexOutlined,
  TrophyOutlined,
  ScheduleOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  DesktopOutlined,
  IdcardOutlined,
  MailOutlined,
  FileTextOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Translate } from '../i18n';
import { EscalationMenuLabel } from '../pages/case-support/EscalationMenuLabel';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Sider menu built from the user's permissions. Keys are route paths. */
export function buildMenu(t: Translate, can: (perm: string) => boolean): MenuItem[] {
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: t('menu.home') }];
  if (can('reception.register')) items.push({ key: '/reception', icon: <FormOutlined />, label: t('menu.reception') });
  if (can('reception.register'))
    items.push({ key: '/township', icon: <NodeIndexOutlined />, label: t('menu.township') });
  if (can('reception.register')) items.push({ key: '/prereviews', icon: <CloudUploadOutlined />, label: t('pr.desk') });
  if (can('case.read')) {
    items.push({ key: '/inbox', icon: <InboxOutlined />, label: t('menu.inbox') });
    items.push({ key: '/cases', icon: <FileSearchOutlined />, label: t('menu.cases') });
  }
  if (can('staff.self')) items.push({ key: '/staff', icon: <IdcardOutlined />, label: t('menu.staff') });
  if (can('catalog.read')) items.push({ key: '/catalog', icon: <ProfileOutlined />, label: t('menu.catalog') });
  if (can('consult.handle'))
    items.push({ key: '/consultations', icon: <CommentOutlined />, label: t('menu.consultations') });
  if (can('knowledge.read')) items.push({ key: '/knowledge', icon: <ReadOutlined />, label: t('menu.knowledge') });
  if (can('queue.serve')) items.push({ key: '/queue/window', icon: <SoundOutlined />, label: t('menu.queueWindow') });
  if (can('queue.manage')) items.push({ key: '/queue/setup', icon: <SettingOutlined />, label: t('menu.queueSetup') });
  if (can('appointment.book'))
    items.push({ key: '/appointments', icon: <CalendarOutlined />, label: t('menu.appointments') });
  if (can('rating.follow_up'))
    items.push({ key: '/rating/follow-ups', icon: <PhoneOutlined />, label: t('menu.followUps') });
  if (can('rating.follow_up'))
    items.push({ key: '/rating/case-tasks', icon: <PhoneOutlined />, label: t('menu.caseRatingTasks') });
  if (can('staff.self') || can('rating.appeal.decide'))
    items.push({ key: '/rating/case-feedback', icon: <TrophyOutlined />, label: t('menu.caseFeedback') });
  // 上报待决: window supervisors (who review) and station heads (who approve) decide escalations.
  if (can('supervision.view') && (can('case.review') || can('case.approve'))) {
    items.push({ key: '/escalations', icon: <FlagOutlined />, label: <EscalationMenuLabel /> });
  }
  // 专家意见待办: any colleague may be named as an internal expert on a case.
  if (can('case.read'))
    items.push({ key: '/my-expert-requests', icon: <SolutionOutlined />, label: t('menu.myExpertRequests') });
  // 投诉举报 and 异议复核.
  if (can('complaint.handle') || can('complaint.supervise'))
    items.push({ key: '/complaints', icon: <ExclamationCircleOutlined />, label: t('menu.complaints') });
  if (can('complaint.supervise'))
    items.push({ key: '/complaints/analysis', icon: <BarChartOutlined />, label: t('menu.complaintAnalysis') });
  if (can('objection.decide'))
    items.push({ key: '/objections', icon: <IssuesCloseOutlined />, label: t('menu.objections') });
  // 监督检查与整改.
  if (can('inspection.manage')) {
    items.push({ key: '/inspections', icon: <FileSearchOutlined />, label: t('ins.menu.sample') });
    items.push({ key: '/inspections/report', icon: <BarChartOutlined />, label: t('ins.menu.report') });
  }
  if (can('staff.self') || can('inspection.manage'))
    items.push({ key: '/rectifications', icon: <IssuesCloseOutlined />, label: t('ins.menu.rectifications') });
  // 考核.
  if (can('assessment.review'))
    items.push({ key: '/assessment', icon: <BarChartOutlined />, label: t('menu.assessment') });
  if (can('staff.self'))
    items.push({ key: '/my-assessment', icon: <ProfileOutlined />, label: t('menu.myAssessment') });
  if (can('incident.record')) items.push({ key: '/emergency', icon: <AlertOutlined />, label: t('menu.emergency') });
  if (can('fee.report') || can('fee.approve'))
    items.push({ key: '/fees', icon: <ProfileOutlined />, label: t('menu.fees') });
  if (can('supervision.view')) {
    items.push({
      key: 'supervision',
      icon: <AlertOutlined />,
      label: t('menu.supervision'),
      children: [
        { key: '/supervision', label: t('sup.title') },
        { key: '/supervision/on-time', label: t('menu.onTime') },
      ],
    });
  }
  if (can('training.manage')) items.push({ key: '/training', icon: <CarryOutOutlined />, label: t('menu.training') });
  if (can('conduct.manage')) {
    items.push({ key: '/conduct', icon: <TrophyOutlined />, label: t('menu.conduct') });
    items.push({ key: '/meetings', icon: <ScheduleOutlined />, label: t('menu.meetings') });
  }
  if (can('archive.read') || can('archive.borrow')) {
    const archiveChildren: MenuItem[] = [];
    if (can('archive.read')) archiveChildren.push({ key: '/archives', label: t('menu.archiveSearch') });
    if (can('archive.borrow')) archiveChildren.push({ key: '/archives/loans', label: t('menu.archiveLoans') });
    if (can('archive.read')) archiveChildren.push({ key: '/archives/disposal', label: t('menu.archiveDisposal') });
    items.push({ key: 'archives', icon: <ContainerOutlined />, label: t('menu.archives'), children: archiveChildren });
  }
  if (can('equipment.read')) items.push({ key: '/equipment', icon: <DesktopOutlined />, label: t('menu.equipment') });
  if (can('notice.view')) {
    items.push({
      key: 'notices',
      icon: <MailOutlined />,
      label: t('menu.notices'),
      children: [
        { key: '/notices', label: t('menu.noticeLog') },
        { key: '/notices/templates', label: t('menu.noticeTemplates') },
      ],
    });
  }
  if (can('org.read')) {
    items.push({
      key: 'org',
      icon: <ApartmentOutlined />,
      label: t('menu.org'),
      children: [
        { key: '/admin/halls', label: t('menu.halls') },
        { key: '/admin/departments', label: t('menu.departments') },
        { key: '/admin/windows', label: t('menu.windows') },
        { key: '/admin/calendar', label: t('menu.calendar') },
      ],
    });
  }
  if (can('webhook.manage')) items.push({ key: '/admin/webhooks', icon: <ApiOutlined />, label: t('menu.webhooks') });
  const accountChildren: MenuItem[] = [];
  if (can('account.read')) {
    accountChildren.push({ key: '/admin/users', label: t('menu.users') });
    accountChildren.push({ key: '/admin/roles', label: t('menu.roles') });
  }
  if (can('policy.manage')) accountChildren.push({ key: '/admin/policy', label: t('menu.policy') });
  if (can('account.approve_admin')) accountChildren.push({ key: '/admin/requests', label: t('menu.adminRequests') });
  if (can('personal.unseal')) accountChildren.push({ key: '/admin/unseal-requests', label: t('menu.unsealRequests') });
  if (can('apikey.manage')) accountChildren.push({ key: '/admin/api-keys', label: t('menu.apiKeys') });
  if (accountChildren.length) {
    items.push({ key: 'accounts', icon: <TeamOutlined />, label: t('menu.accounts'), children: accountChildren });
  }
  // 统计分析 (the director's dashboard).
  if (can('supervision.view'))
    items.push({ key: '/stats', icon: <BarChartOutlined />, label: t('menu.statsDashboard') });
  // 工作报告 (beside the statistics) for the station head and supervisor; 上级交办 for everyone else who may own one.
  if (can('report.manage')) items.push({ key: '/reports', icon: <FileTextOutlined />, label: t('rep.menu.reports') });
  else if (can('staff.self')) items.push({ key: '/my-tasks', icon: <FileTextOutlined />, label: t('rep.menu.tasks') });
  if (can('audit.read')) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('menu.audit') });
  items.push({ key: '/guide', icon: <BookOutlined />, label: t('menu.guide') });
  return items;
}

const PREFIXES = [
  '/admin/halls',
  '/admin/departments',
  '/admin/windows',
  '/admin/users',
  '/admin/requests',
  '/admin/roles',
  '/admin/policy',
  '/admin/unseal-requests',
  '/admin/api-keys',
  '/admin/webhooks',
  '/audit',
  '/catalog',
  '/consultations',
  '/knowledge',
  '/queue/window',
  '/queue/setup',
  '/rating/follow-ups',
  '/rating/case-tasks',
  '/rating/case-feedback',
  '/appointments',
  '/reception',
  '/prereviews',
  '/cases',
  '/inbox',
  '/admin/calendar',
  '/supervision/on-time',
  '/supervision',
  '/alerts',
  '/escalations',
  '/my-expert-requests',
  '/training',
  '/conduct',
  '/meetings',
  '/emergency',
  '/fees',
  '/notices/templates',
  '/notices',
  '/complaints/analysis',
  '/complaints',
  '/objections',
  '/inspections/report',
  '/inspections',
  '/rectifications',
  '/assessment',
  '/my-assessment',
  '/stats',
  '/reports',
  '/my-tasks',
];

/** Menu key for a pathname (e.g. /catalog/abc → /catalog) and the submenu that holds it. */
export function menuKeyFor(pathname: string): { selected: string; open: string | null } {
  const selected = PREFIXES.find((p) => pathname === p || pathname.startsWith(`${p}/`)) ?? pathname;
  let open: string | null = null;
  if (/^\/admin\/(halls|departments|windows|calendar)/.test(selected)) open = 'org';
  if (/^\/admin\/(users|roles|policy|unseal-requests|api-keys)/.test(selected)) open = 'accounts';
  if (selected.startsWith('/supervision')) open = 'supervision';
  if (selected.startsWith('/notices')) open = 'notices';
  return { selected, open };
}
