import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

/** 培训, 奖惩 and 例会: the supervisor's pages and one's own work list. */

export type TrainingPlanList = Answer<'/api/training/plans'>;
export type TrainingPlan = Item<TrainingPlanList>;
export type TrainingSession = TrainingPlan['sessions'][number];
export type TrainingRecord = TrainingSession['records'][number];
export type TrainingKind = TrainingPlan['kind'];
export type TrainingSubject = TrainingPlan['subject'];
export type TrainingPlanInput = Body<'/api/training/plans', 'post'>;
export type SessionInput = Body<'/api/training/plans/{id}/sessions', 'post'>;
export type ResultRow = Body<'/api/training/sessions/{id}/results', 'put'>['results'][number];
export type IndividualPlanList = Answer<'/api/training/individual-plans'>;
export type IndividualPlan = Item<IndividualPlanList>;
export type IndividualPlanInput = Body<'/api/training/individual-plans', 'post'>;
export type MyTraining = Answer<'/api/training/mine'>;
export type TrainingStatus = MyTraining['status'];
export type StaffMemberList = Answer<'/api/training/staff'>;
export type StaffMember = Item<StaffMemberList>;
export type ConductList = Answer<'/api/conduct/records'>;
export type ConductRecord = Item<ConductList>;
export type ConductQuery = QueryOf<'/api/conduct/records'>;
export type ConductInput = Body<'/api/conduct/records', 'post'>;
export type MeetingList = Answer<'/api/meetings'>;
export type Meeting = Item<MeetingList>;
export type MeetingTask = Meeting['tasks'][number];
export type MeetingInput = Body<'/api/meetings', 'post'>;
export type MyWork = Answer<'/api/my/work'>;

function useInvalidating<V>(fn: (v: V) => Promise<unknown>, key: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: [key] }) });
}

export const useTrainingPlans = (hallId: string | undefined, year: number, page: number) =>
  useQuery({
    queryKey: ['people', 'plans', hallId, year, page],
    queryFn: () => api.get<TrainingPlanList>('/api/training/plans', { hallId, year, page, pageSize: 10 }),
    enabled: !!hallId,
  });

export const useTrainingStaff = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['people', 'staff', hallId],
    queryFn: () => api.get<StaffMemberList>('/api/training/staff', { hallId }),
    enabled: !!hallId,
  });

export const useCreatePlan = () =>
  useInvalidating((v: TrainingPlanInput) => api.post<TrainingPlan>('/api/training/plans', v), 'people');
export const useAddSession = () =>
  useInvalidating(
    (v: SessionInput & { planId: string }) =>
      api.post<TrainingPlan>(`/api/training/plans/${v.planId}/sessions`, {
        day: v.day,
        hours: v.hours,
        place: v.place,
        trainer: v.trainer,
      }),
    'people',
  );

export const useRecordResults = () =>
  useInvalidating(
    (v: { sessionId: string; results: ResultRow[] }) =>
      api.put<TrainingPlan>(`/api/training/sessions/${v.sessionId}/results`, { results: v.results }),
    'people',
  );

export const useIndividualPlans = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['people', 'individual', hallId],
    queryFn: () => api.get<IndividualPlanList>('/api/training/individual-plans', { hallId }),
    enabled: !!hallId,
  });
export const useCreateIndividualPlan = () =>
  useInvalidating((v: IndividualPlanInput) => api.post<IndividualPlan>('/api/training/individual-plans', v), 'people');
export const useCompleteIndividualPlan = () =>
  useInvalidating(
    (v: { id: string; note: string }) =>
      api.post<IndividualPlan>(`/api/training/individual-plans/${v.id}/done`, { note: v.note }),
    'people',
  );

export const useMyTraining = () =>
  useQuery({
    queryKey: ['people', 'my-training'],
    queryFn: () => api.get<MyTraining>('/api/training/mine'),
  });

export const useConductRecords = (q: Omit<ConductQuery, 'pageSize'> & { page: number }) =>
  useQuery({
    queryKey: ['people', 'conduct', q],
    queryFn: () => api.get<ConductList>('/api/conduct/records', { ...q, pageSize: 20 }),
    enabled: !!q.hallId,
  });
export const useRecordConduct = () =>
  useInvalidating((v: ConductInput) => api.post<ConductRecord>('/api/conduct/records', v), 'people');
export const useAcknowledge = () =>
  useInvalidating(
    (v: { id: string; note: string }) =>
      api.post<ConductRecord>(`/api/conduct/records/${v.id}/acknowledge`, { note: v.note }),
    'people',
  );

export const useMeetings = (hallId: string | undefined, page: number) =>
  useQuery({
    queryKey: ['people', 'meetings', hallId, page],
    queryFn: () => api.get<MeetingList>('/api/meetings', { hallId, page, pageSize: 10 }),
    enabled: !!hallId,
  });
export const useRecordMeeting = () =>
  useInvalidating((v: MeetingInput) => api.post<Meeting>('/api/meetings', v), 'people');
export const useFinishTask = () =>
  useInvalidating(
    (v: { id: string; note: string }) => api.post<MeetingTask>(`/api/meeting-tasks/${v.id}/done`, { note: v.note }),
    'people',
  );

export const useMyWork = () =>
  useQuery({
    queryKey: ['people', 'my-work'],
    queryFn: () => api.get<MyWork>('/api/my/work'),
  });
