import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** 工作报告 (periodic reports), 上报记录 (sent upward) and 上级交办事项 (tasks handed down). */

export type ReportKind = 'monthly' | 'quarterly' | 'yearly';

export interface Risk {
  kind: string;
  key: string;
  name: string;
  text: string;
}

export interface Report {
  id: string;
  hallId: string;
  kind: ReportKind;
  period: string;
  version: number;
  from: string;
  to: string;
  title: string;
  origin: 'schedule' | 'demand';
  generatedByName: string;
  generatedAt: number;
  nextSteps: string;
  submissions: number;
  risks: Risk[];
}

export interface Submission {
  id: string;
  reportId: string;
  reportTitle: string;
  reportVersion: number;
  authority: string;
  sentDay: string;
  channel: string;
  documentNo: string;
  note: string;
  sentByName: string;
  createdAt: number;
}

export interface HandedDownTask {
  id: string;
  hallId: string;
  authority: string;
  documentNo: string;
  receivedDay: string;
  content: string;
  ownerId: string;
  ownerName: string;
  dueDay: string;
  dueWorkingDays: number | null;
  dueProvisional: boolean;
  status: 'open' | 'done';
  overdue: boolean;
  completionNote: string | null;
  completedDay: string | null;
  createdByName: string;
  createdAt: number;
  events: { action: string; note: string; byName: string; at: number }[];
}

interface List<T> {
  items: T[];
  total: number;
}

export const useReports = (hallId: string | undefined, kind: ReportKind | undefined) =>
  useQuery({
    queryKey: ['reports', hallId, kind],
    queryFn: () => api.get<List<Report>>('/api/reports', { hallId, kind }),
    enabled: !!hallId,
  });

export function useGenerateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { hallId: string; kind: ReportKind; period: string }) => api.post<Report>('/api/reports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export function useNextSteps() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      api.put<Report>(`/api/reports/${id}/next-steps`, { text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export const useSubmissions = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['report-submissions', hallId],
    queryFn: () => api.get<List<Submission>>('/api/report-submissions', { hallId }),
    enabled: !!hallId,
  });

export function useRecordSubmission() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      reportId,
      ...body
    }: {
      reportId: string;
      authority: string;
      sentDay: string;
      channel: string;
      documentNo: string;
      note: string;
    }) => api.post<Submission>(`/api/reports/${reportId}/submissions`, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['report-submissions'] });
      qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

export const useHandedDownTasks = (q: { hallId?: string; mine?: boolean; status?: string; overdue?: boolean }) =>
  useQuery({
    queryKey: ['handed-down-tasks', q],
    queryFn: () =>
      api.get<List<HandedDownTask>>('/api/handed-down-tasks', {
        hallId: q.hallId,
        mine: q.mine ? '1' : undefined,
        status: q.status,
        overdue: q.overdue ? '1' : undefined,
      }),
  });

export const useTaskOwners = (hallId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['handed-down-task-owners', hallId],
    queryFn: () => api.get<List<{ id: string; displayName: string }>>('/api/handed-down-tasks/owners', { hallId }),
    enabled: !!hallId && enabled,
  });

function useTaskMutation<B>(fn: (body: B) => Promise<HandedDownTask>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['handed-down-tasks'] }) });
}

export const useCreateTask = () =>
  useTaskMutation(
    (body: {
      hallId: string;
      authority: string;
      documentNo: string;
      receivedDay: string;
      content: string;
      ownerId: string;
      dueDay?: string;
      dueWorkingDays?: number;
    }) => api.post<HandedDownTask>('/api/handed-down-tasks', body),
  );
export const useUpdateTask = () =>
  useTaskMutation(({ id, ...body }: { id: string; ownerId?: string; dueDay?: string; note: string }) =>
    api.patch<HandedDownTask>(`/api/handed-down-tasks/${id}`, body),
  );
export const useTaskNote = (action: 'progress' | 'complete') =>
  useTaskMutation(({ id, note }: { id: string; note: string }) =>
    api.post<HandedDownTask>(`/api/handed-down-tasks/${id}/${action}`, { note }),
  );
