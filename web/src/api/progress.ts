import { api } from './client';

export interface Progress {
  caseNo: string;
  itemName: string;
  hallName: string;
  stateLabel: string;
  acceptedDay: string | null;
  promisedDate: string | null;
  provisional: boolean;
  currentStep: string | null;
  /** True while the clock is suspended (promisedDate is then null until it resumes). */
  clockStopped?: boolean;
  completedDay?: string | null;
  steps: { name: string; status: 'done' | 'active' | 'pending' | 'skipped'; doneDay?: string | null }[];
  /** What was sent about the case (通知), without the recipient. */
  notices?: { at: number; event: string; channel: string; body: string }[];
}

export const lookupProgress = (no: string, phone4: string) => api.get<Progress>('/api/public/progress', { no, phone4 });
