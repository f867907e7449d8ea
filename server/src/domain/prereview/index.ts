/**
 * 网上预审 (online pre-review) rules, pure: which move an application may make in which state, what must be
 * uploaded before it may be submitted or passed, when the clerk's answer is due, and how the uploads become the
 * reception checklist at the window.
 */
import type { WorkingCalendar } from '../calendar/index.ts';

export const prereviewStates = ['draft', 'submitted', 'returned', 'passed', 'accepted'] as const;
export type PrereviewState = (typeof prereviewStates)[number];

export const prereviewActions = ['create', 'upload', 'removeUpload', 'submit', 'pass', 'return', 'accept'] as const;
export type PrereviewAction = (typeof prereviewActions)[number];

/** The states each move starts from; the move leads to `to` (or stays, for uploads). */
const moves: Record<PrereviewAction, { from: readonly PrereviewState[]; to: PrereviewState | null }> = {
  create: { from: [], to: 'draft' },
  // The applicant adds or takes back files while writing the application or correcting it.
  upload: { from: ['draft', 'returned'], to: null },
  removeUpload: { from: ['draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  pass: { from: ['submitted'], to: 'passed' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['passed'], to: 'accepted' },
};

export function mayMove(state: PrereviewState, action: PrereviewAction): boolean {
  return moves[action].from.includes(state);
}

export function nextState(state: PrereviewState, action: PrereviewAction): PrereviewState {
  if (!mayMove(state, action)) throw new Error(`prereview: ${action} is not allowed in ${state}`);
  return moves[action].to ?? state;
}

/** The clerk's clock runs while the application waits for the pre-review only. */
export const onTheClock = (state: PrereviewState) => state === 'submitted';

export interface ChecklistMaterial {
  key: string;
  name: string;
  requirement: 'required' | 'conditional' | 'optional';
  copies: number;
}

/** The required materials with no file uploaded: nothing can be submitted or passed while one is missing. */
export function missingRequired(materials: readonly ChecklistMaterial[], uploadedKeys: ReadonlySet<string>) {
  return materials.filter((m) => m.requirement === 'required' && !uploadedKeys.has(m.key));
}

/**
 * The pre-review is due `limitDays` working days after the day of (re)submission, on the hall calendar: counted
 * from the next working day, so it always falls on a day the hall is open.
 */
export function prereviewDue(calendar: WorkingCalendar, submittedDay: string, limitDays: number) {
  return calendar.addWorkingDays(submittedDay, limitDays);
}

/**
 * The reception marks at the window: an uploaded material is received (its copies per the checklist, one page per
 * file), anything else not uploaded is not applicable — the clerk checked the uploads and passed them, and the
 * applicant brings the originals.
 */
export function marksFromUploads(materials: readonly ChecklistMaterial[], uploads: readonly { materialKey: string }[]) {
  return materials.map((m) => {
    const files = uploads.filter((u) => u.materialKey === m.key).length;
    return files > 0
      ? { key: m.key, status: 'received' as const, copies: m.copies, pages: files, reason: '' }
      : { key: m.key, status: 'not_applicable' as const, copies: 0, pages: 0, reason: '' };
  });
}
