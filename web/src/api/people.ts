import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** 培训, 奖惩 and 例会: the supervisor's pages and one's own work list. */

export type TrainingKind = 'internal' | 'external' | 'online' | 'case_study';
export type TrainingSubject = 'pre_post' | 'confidentiality' | 'system_use' | 'business' | 'other';

export interface TrainingRecord {
  id: string;
  userId: string;
  userName: string;
  subject: TrainingSubject;
  day: string;
  attended: boolean;
  hours: number;
  score: number | null;
  passed: boolean;
  certificateNo: string | null;
  note: string;
  planTitle: string | null;
  planKind: string | null;
}

export interface TrainingSession {
  id: string;
  day: string;
  hours: number;
  place: string;
  trainer: string;
  records: TrainingRecord[];
}

export interface TrainingPlan {
  id: string;
  hallId: string;
  title: string;
  kind: TrainingKind;
  subject: TrainingSubject;
  year: number;
  description: string;
  passScore: number;
  sessions: TrainingSession[];
  createdAt: number;
}

export interface IndividualPlan {
  id: string;
  userId: string;
  userName: string;
  source: 'supervisor' | 'assessment';
  goal: string;
  topics: string;
  dueDay: string;
  status: 'open' | 'done';
  overdue: boolean;
  doneNote: string | null;
  createdAt: number;
}

export interface TrainingStatus {
  userId: string;
  prePostPassed: boolean;
  confidentialityPassed: boolean;
  systemUsePassed: boolean;
  missing: string[];
  hoursThisYear: number;
  certificates: { no: string; planTitle: string | null; day: string }[];
}

export interface StaffMember {
  id: string;
  displayName: string;
  roles: string[];
  prePostPassed: boolean;
}

export interface ConductRecord {
  id: string;
  userId: string;
  userName: string;
  kind: 'sanction' | 'reward';
  category: string;
  measure: string;
  measureLabel: string;
  facts: string;
  occurredOn: string;
  status: 'pending_ack' | 'acknowledged';
  ackNote: string | null;
  acknowledgedAt: number | null;
  recordedByName: string;
  createdAt: number;
}

export interface MeetingTask {
  id: string;
  meetingId: string;
  meetingTitle: string;
  meetingDay: string;
  ownerId: string;
  ownerName: string;
  content: string;
  workingDays: number;
  dueDay: string;
  dueProvisional: boolean;
  status: 'open' | 'done';
  light: 'done' | 'overdue' | 'due_today' | 'open';
  doneNote: string | null;
  doneAt: number | null;
}

export interface Meeting {
  id: string;
  hallId: string;
  title: string;
  heldOn: string;
  minutes: string;
  createdByName: string;
  attendees: { id: string; name: string }[];
  tasks: MeetingTask[];
  createdAt: number;
}

type List<T> = { items: T[]; total: number };

function useInvalidating<V>(fn: (v: V) => Promise<unknown>, key: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [key] }) });
}

export const useTrainingPlans = (hallId: string | undefined, year: number, page: number) =>
  useQuery({
    queryKey: ['people', 'plans', hallId, year, page],
    queryFn: () => api.get<List<TrainingPlan>>('/api/training/plans', { hallId, year, page, pageSize: 10 }),
    enabled: !!hallId,
  });

export const useTrainingStaff = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['people', 'staff', hallId],
    queryFn: () => api.get<{ items: StaffMember[] }>('/api/training/staff', { hallId }),
    enabled: !!hallId,
  });

export const useCreatePlan = () =>
  useInvalidating((v: Record<string, unknown>) => api.post<TrainingPlan>('/api/training/plans', v), 'people');
export const useAddSession = () =>
  useInvalidating(
    (v: { planId: string; day: string; hours: number; place: string; trainer: string }) =>
      api.post<TrainingPlan>(`/api/training/plans/${v.planId}/sessions`, {
        day: v.day,
        hours: v.hours,
        place: v.place,
        trainer: v.trainer,
      }),
    'people',
  );

export interface ResultRow {
  userId: string;
  attended: boolean;
  score: number | null;
  certificateNo: string;
}
export const useRecordResults = () =>
  useInvalidating(
    (v: { sessionId: string; results: ResultRow[] }) =>
      api.put<TrainingPlan>(`/api/training/sessions/${v.sessionId}/results`, { results: v.results }),
    'people',
  );

export const useIndividualPlans = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['people', 'individual', hallId],
    queryFn: () => api.get<List<IndividualPlan>>('/api/training/individual-plans', { hallId }),
    enabled: !!hallId,
  });
export const useCreateIndividualPlan = () =>
  useInvalidating(
    (v: { userId: string; goal: string; topics: string; dueDay: string }) =>
      api.post<IndividualPlan>('/api/training/individual-plans', v),
    'people',
  );
export const useCompleteIndividualPlan = () =>
  useInvalidating(
    (v: { id: string; note: string }) =>
      api.post<IndividualPlan>(`/api/training/individual-plans/${v.id}/done`, { note: v.note }),
    'people',
  );

export const useMyTraining = () =>
  useQuery({
    queryKey: ['people', 'my-training'],
    queryFn: () =>
      api.get<{ status: TrainingStatus; records: TrainingRecord[]; plans: IndividualPlan[] }>('/api/training/mine'),
  });

export const useConductRecords = (q: { hallId?: string; kind?: string; status?: string; page: number }) =>
  useQuery({
    queryKey: ['people', 'conduct', q],
    queryFn: () => api.get<List<ConductRecord>>('/api/conduct/records', { ...q, pageSize: 20 }),
    enabled: !!q.hallId,
  });
export const useRecordConduct = () =>
  useInvalidating((v: Record<string, unknown>) => api.post<ConductRecord>('/api/conduct/records', v), 'people');
export const useAcknowledge = () =>
  useInvalidating(
    (v: { id: string; note: string }) =>
      api.post<ConductRecord>(`/api/conduct/records/${v.id}/acknowledge`, { note: v.note }),
    'people',
  );

export const useMeetings = (hallId: string | undefined, page: number) =>
  useQuery({
    queryKey: ['people', 'meetings', hallId, page],
    queryFn: () => api.get<List<Meeting>>('/api/meetings', { hallId, page, pageSize: 10 }),
    enabled: !!hallId,
  });
export const useRecordMeeting = () =>
  useInvalidating((v: Record<string, unknown>) => api.post<Meeting>('/api/meetings', v), 'people');
export const useFinishTask = () =>
  useInvalidating(
    (v: { id: string; note: string }) => api.post<MeetingTask>(`/api/meeting-tasks/${v.id}/done`, { note: v.note }),
    'people',
  );

export const useMyWork = () =>
  useQuery({
    queryKey: ['people', 'my-work'],
    queryFn: () =>
      api.get<{ tasks: MeetingTask[]; pendingAcknowledgements: ConductRecord[]; conduct: ConductRecord[] }>(
        '/api/my/work',
      ),
  });
