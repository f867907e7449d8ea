import type { approvalsZhCN } from './zh-CN';

/** Approval authority, sign-off chains and the internal expert's desk (merged into en.ts). */
export const approvalsEn: Record<keyof typeof approvalsZhCN, string> = {
  'perm.account.authority': 'Set approval authority',
  'authority.title': 'Approval authority',
  'authority.none': 'None',
  'authority.section': 'Section head',
  'authority.deputy': 'Deputy leader in charge',
  'authority.chief': 'Principal leader',
  'authority.saved': 'Approval authority updated',
  'authority.needs': 'Signed by a {level}',
  'authority.onlySigners': 'Only approvers and station heads',
  'authority.itemLevel': 'Item’s approval level',
  'menu.myExpertRequests': 'Expert opinions to give',
  'expertDesk.title': 'Expert opinions asked of me',
  'expertDesk.hint': 'Cases that ask you, as an internal expert, for an opinion. Record it before the due day.',
  'expertDesk.none': 'No expert opinion is waiting for you',
  'expertDesk.case': 'Case',
  'expertDesk.step': 'Step',
  'expertDesk.question': 'Question',
  'expertDesk.due': 'Due',
  'expertDesk.record': 'Record opinion',
  'expertDesk.opinion': 'Expert opinion',
  'expertDesk.recorded': 'Expert opinion recorded',
  'expertDesk.open': 'Open case',
  'expertDesk.requestedBy': 'Asked by',
};
