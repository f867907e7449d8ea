/** The rules of personal data (个人信息): which cases still need it, sealing and the retention purge. Pure. */
import { type CaseState, terminalStates } from '../case/index.ts';

/** A case still being worked on needs its applicant's data: everything before delivery, the archive or an end. */
const finished = new Set<CaseState>([...terminalStates, 'delivered']);
export const isOpenCase = (state: string) => !finished.has(state as CaseState);
export const finishedCaseStates: readonly CaseState[] = [...finished];

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** Personal data older than this instant, of an applicant with no open case, is anonymised by the purge. */
export function retentionCutoff(now: number, years: number): number {
  if (!Number.isFinite(years) || years < 1) throw new Error('retention must be at least one year');
  return now - Math.round(years * YEAR_MS);
}

export interface ActivityOfApplicant {
  /** The latest change to the applicant or any of its cases or consultations (epoch ms). */
  lastActivityAt: number;
  openCases: number;
  purged: boolean;
}

/** Purged when nothing happened since the cutoff and no case is open; never twice. */
export const purgeable = (a: ActivityOfApplicant, cutoff: number) =>
  !a.purged && a.openCases === 0 && a.lastActivityAt < cutoff;

/** Sealing is refused while a case is open: the case still needs the applicant's data. */
export const sealable = (openCases: number) => openCases === 0;
