/** 上报主管: who may raise an escalation, who may decide it, and what a decision may be. Pure: no I/O. */
import type { RoleCode } from '../roles.ts';

export const escalationLevels = ['supervisor', 'station_head'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

/** 同意按…办理 (the case goes on as proposed), 退回 (back to whoever raised it), 转站长 (referred on). */
export const escalationDecisions = ['proceed', 'return', 'refer'] as const;
export type EscalationDecision = (typeof escalationDecisions)[number];

/** The window clerk and the back-office staff meet the difficult cases. */
export const mayRaise = (roles: readonly RoleCode[]) =>
  roles.some((r) => r === 'clerk' || r === 'handler' || r === 'reviewer');

/** The window supervisor decides what is put to them; the station head anything, and alone what was referred. */
export function mayDecide(level: EscalationLevel, roles: readonly RoleCode[]): boolean {
  if (roles.includes('station_head')) return true;
  return level === 'supervisor' && roles.includes('supervisor');
}

/** Only a supervisor-level escalation can be referred on; the station head is the last to decide. */
export const mayRefer = (level: EscalationLevel) => level === 'supervisor';
