import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

/** 上报研判: a case's escalations and what the caller may do with them. */
export type CaseEscalations = Answer<'/api/cases/{id}/escalations'>;
export type Escalation = Item<CaseEscalations>;
export type EscalationDecision = Body<'/api/escalations/{id}/decision', 'post'>['decision'];
export type PendingEscalations = Answer<'/api/escalations/pending'>;
export type PendingEscalation = Item<PendingEscalations>;

/** 专家意见: the consultations of a case's steps and the steps the caller may call an expert in from. */
export type CaseExperts = Answer<'/api/cases/{id}/experts'>;
export type ExpertConsultation = Item<CaseExperts>;
export type Light = NonNullable<ExpertConsultation['light']>;
export type ExpertRequest = Body<'/api/cases/{id}/experts', 'post'>;
export type ExpertCandidates = Answer<'/api/cases/{id}/experts/candidates'>;

/** 容缺后补: the materials a case was accepted without and when each is due. */
export type Deferral = Answer<'/api/cases/{id}/deferred-materials'>;
export type DeferredMaterial = Deferral['materials'][number];
export type ArrivalInput = Body<'/api/cases/{id}/deferred-materials/{key}/arrival', 'post'>;

/** The sections the 电子监察 board carries beside the clocks. */
export type CaseSupportBoard = Pick<Answer<'/api/supervision/board'>, 'escalations' | 'experts' | 'deferred'>;

/** After any of these writes the case's trail (and perhaps its state) changed too. */
function useRefresh(caseId: string | undefined) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['case-support'] }),
      qc.invalidateQueries({ queryKey: ['cases', 'detail', caseId] }),
      qc.invalidateQueries({ queryKey: ['escalations'] }),
    ]);
}

export const useCaseEscalations = (caseId: string) =>
  useQuery({
    queryKey: ['case-support', 'escalations', caseId],
    queryFn: () => api.get<CaseEscalations>(`/api/cases/${caseId}/escalations`),
  });

export function useRaiseEscalation(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (b: Body<'/api/cases/{id}/escalations', 'post'>) =>
      api.post<CaseEscalations>(`/api/cases/${caseId}/escalations`, b),
    onSuccess: refresh,
  });
}

export function useDecideEscalation(caseId?: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (v: Body<'/api/escalations/{id}/decision', 'post'> & { id: string }) =>
      api.post<Escalation>(`/api/escalations/${v.id}/decision`, { decision: v.decision, note: v.note }),
    onSuccess: refresh,
  });
}

export const usePendingEscalations = () =>
  useQuery({
    queryKey: ['escalations', 'pending'],
    queryFn: () => api.get<PendingEscalations>('/api/escalations/pending'),
  });

export const usePendingEscalationCount = () =>
  useQuery({
    queryKey: ['escalations', 'count'],
    queryFn: () => api.get<Answer<'/api/escalations/pending-count'>>('/api/escalations/pending-count'),
    refetchInterval: 60_000,
  });

export const useCaseExperts = (caseId: string) =>
  useQuery({
    queryKey: ['case-support', 'experts', caseId],
    queryFn: () => api.get<CaseExperts>(`/api/cases/${caseId}/experts`),
  });

export const useExpertCandidates = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['case-support', 'expert-candidates', caseId],
    queryFn: () => api.get<ExpertCandidates>(`/api/cases/${caseId}/experts/candidates`),
    enabled,
  });

export function useRequestExpert(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (b: ExpertRequest) => api.post<CaseExperts>(`/api/cases/${caseId}/experts`, b),
    onSuccess: refresh,
  });
}

export function useRecordOpinion(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (v: Body<'/api/experts/{id}/opinion', 'post'> & { id: string }) =>
      api.post<CaseExperts>(`/api/experts/${v.id}/opinion`, { opinion: v.opinion }),
    onSuccess: refresh,
  });
}

export const useDeferral = (caseId: string) =>
  useQuery({
    queryKey: ['case-support', 'deferred', caseId],
    queryFn: () => api.get<Deferral>(`/api/cases/${caseId}/deferred-materials`),
  });

export function useRecordArrival(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (v: ArrivalInput & { key: string }) =>
      api.post<Deferral>(`/api/cases/${caseId}/deferred-materials/${v.key}/arrival`, {
        copies: v.copies,
        pages: v.pages,
        note: v.note,
      }),
    onSuccess: refresh,
  });
}

export function useTerminate(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (b: Body<'/api/cases/{id}/terminate', 'post'>) =>
      api.post<Deferral>(`/api/cases/${caseId}/terminate`, b),
    onSuccess: refresh,
  });
}
