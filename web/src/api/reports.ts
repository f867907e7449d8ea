import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

/** 工作报告 (periodic reports), 上报记录 (sent upward) and 上级交办事项 (tasks handed down). */

export type ReportList = Answer<'/api/reports'>;
export type Report = Item<ReportList>;
export type ReportKind = Report['kind'];
export type Risk = Report['risks'][number];
/** A freshly generated report: the listed fields and the figures it was written from. */
export type GeneratedReport = Answer<'/api/reports', 'post'>;
export type GenerateInput = Body<'/api/reports', 'post'>;

export type SubmissionList = Answer<'/api/report-submissions'>;
export type Submission = Item<SubmissionList>;
export type SubmissionInput = Body<'/api/reports/{id}/submissions', 'post'>;

export type TaskList = Answer<'/api/handed-down-tasks'>;
export type HandedDownTask = Item<TaskList>;
export type TaskQuery = QueryOf<'/api/handed-down-tasks'>;
export type TaskOwners = Answer<'/api/handed-down-tasks/owners'>;
export type TaskInput = Body<'/api/handed-down-tasks', 'post'>;
export type TaskChange = Body<'/api/handed-down-tasks/{id}', 'patch'>;

export const useReports = (hallId: string | undefined, kind: ReportKind | undefined) =>
  useQuery({
    queryKey: ['reports', hallId, kind],
    queryFn: () => api.get<ReportList>('/api/reports', { hallId, kind }),
    enabled: !!hallId,
  });

export function useGenerateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateInput) => api.post<GeneratedReport>('/api/reports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export function useNextSteps() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: Body<'/api/reports/{id}/next-steps', 'put'> & { id: string }) =>
      api.put<Report>(`/api/reports/${id}/next-steps`, { text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export const useSubmissions = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['report-submissions', hallId],
    queryFn: () => api.get<SubmissionList>('/api/report-submissions', { hallId }),
    enabled: !!hallId,
  });

export function useRecordSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, ...body }: SubmissionInput & { reportId: string }) =>
      api.post<Submission>(`/api/reports/${reportId}/submissions`, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['report-submissions'] });
      qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

/** The list's filters as the screen holds them; the query sends the two switches as '1'. */
export const useHandedDownTasks = (q: {
  hallId?: string;
  mine?: boolean;
  status?: TaskQuery['status'];
  overdue?: boolean;
}) =>
  useQuery({
    queryKey: ['handed-down-tasks', q],
    queryFn: () =>
      api.get<TaskList>('/api/handed-down-tasks', {
        hallId: q.hallId,
        mine: q.mine ? '1' : undefined,
        status: q.status,
        overdue: q.overdue ? '1' : undefined,
      }),
  });

export const useTaskOwners = (hallId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['handed-down-task-owners', hallId],
    queryFn: () => api.get<TaskOwners>('/api/handed-down-tasks/owners', { hallId }),
    enabled: !!hallId && enabled,
  });

function useTaskMutation<B>(fn: (body: B) => Promise<HandedDownTask>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['handed-down-tasks'] }) });
}

export const useCreateTask = () =>
  useTaskMutation((body: TaskInput) => api.post<HandedDownTask>('/api/handed-down-tasks', body));
export const useUpdateTask = () =>
  useTaskMutation(({ id, ...body }: TaskChange & { id: string }) =>
    api.patch<HandedDownTask>(`/api/handed-down-tasks/${id}`, body),
  );
export const useTaskNote = (action: 'progress' | 'complete') =>
  useTaskMutation(({ id, note }: Body<'/api/handed-down-tasks/{id}/progress', 'post'> & { id: string }) =>
    api.post<HandedDownTask>(`/api/handed-down-tasks/${id}/${action}`, { note }),
  );
