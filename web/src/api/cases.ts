import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Item, QueryOf } from './contract';

export type CaseList = Answer<'/api/cases'>;
export type CaseSummary = Item<CaseList>;
export type CaseDetail = Answer<'/api/cases/{id}'>;
export type Applicant = CaseDetail['applicant'];
export type CaseMaterial = CaseDetail['materials'][number];
export type CaseDocument = CaseDetail['documents'][number];
export type CaseEvent = CaseDetail['events'][number];
export type Urgency = CaseSummary['urgency'];
export type Importance = CaseSummary['importance'];
export type MaterialStatus = CaseMaterial['status'];
export type Light = NonNullable<CaseSummary['light']>;

/** The list's filters; the page always has a number and size in the screen's state. */
export type CaseQuery = QueryOf<'/api/cases'> & { page: number; pageSize: number };

export function useCases(query: CaseQuery) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () => api.get<CaseList>('/api/cases', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`),
    enabled: !!id,
  });
}

export const documentPdfUrl = (caseId: string, docId: string) => `/api/cases/${caseId}/documents/${docId}/pdf`;

/** Any case action answers with the fresh detail; it primes the cache and refreshes the lists. */
export function useCaseAction(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; body?: unknown; id?: string }) =>
      api.post<CaseDetail>(`/api/cases/${v.id ?? id}/${v.path}`, v.body ?? {}),
    onSuccess: (d) => {
      if (d && typeof d === 'object' && 'allowedActions' in d) qc.setQueryData(['cases', 'detail', d.id], d);
      else qc.invalidateQueries({ queryKey: ['cases', 'detail', id] });
      return qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export type InboxItem = Item<Answer<'/api/backoffice/inbox/mine'>>;
export type StuckStep = Item<Answer<'/api/backoffice/stuck'>>;

export type InboxQuery = QueryOf<'/api/backoffice/inbox/mine'>;

/** 部门待办 (needs a department) and 我的待办. */
export function useInbox(which: 'department' | 'mine', query: InboxQuery, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'list', 'inbox', which, query],
    queryFn: () => api.get<Answer<'/api/backoffice/inbox/mine'>>(`/api/backoffice/inbox/${which}`, { ...query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** 交接滞留: steps unclaimed for more than N working days (routers and supervisors). */
export function useStuckSteps(enabled: boolean, workingDays = 1) {
  return useQuery({
    queryKey: ['cases', 'list', 'stuck', workingDays],
    queryFn: () => api.get<Answer<'/api/backoffice/stuck'>>('/api/backoffice/stuck', { workingDays }),
    enabled,
  });
}

export type ColleagueList = Answer<'/api/backoffice/colleagues'>;
export type Colleague = Item<ColleagueList>;

/** Staff of a department, for assigning or handing over one of its steps. */
export function useColleagues(departmentId: string | null) {
  return useQuery({
    queryKey: ['backoffice', 'colleagues', departmentId],
    queryFn: () => api.get<ColleagueList>('/api/backoffice/colleagues', { departmentId: departmentId ?? '' }),
    enabled: !!departmentId,
    staleTime: 60_000,
  });
}
