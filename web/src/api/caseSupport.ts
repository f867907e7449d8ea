import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type EscalationDecision = 'proceed' | 'return' | 'refer';
export interface Escalation {
  id: string;
  caseId: string;
  level: 'supervisor' | 'station_head';
  parentId: string | null;
  reason: string;
  raisedBy: string;
  raisedAt: number;
  status: 'open' | 'decided';
  decision: EscalationDecision | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
}
export interface CaseEscalations {
  items: Escalation[];
  mayRaise: boolean;
  mayDecideOpen: boolean;
}
export type PendingEscalation = Escalation & { caseNo: string | null; itemName: string; caseState: string };

export type Light = 'green' | 'yellow' | 'red';
export interface ExpertConsultation {
  id: string;
  caseId: string;
  stepId: string;
  stepName: string;
  kind: 'internal' | 'external';
  expertUserId: string | null;
  expertName: string;
  organisation: string;
  phone: string | null;
  question: string;
  days: number;
  dueDay: string;
  dueProvisional: boolean;
  requestedBy: string;
  requestedAt: number;
  status: 'open' | 'answered';
  opinion: string | null;
  opinionBy: string | null;
  opinionAt: number | null;
  light: Light | null;
  mayAnswer: boolean;
}
export interface CaseExperts {
  items: ExpertConsultation[];
  mySteps: { id: string; name: string }[];
}

export interface DeferredMaterial {
  key: string;
  name: string;
  dueDay: string;
  status: 'arrived' | 'pending' | 'overdue';
  arrivedAt: number | null;
  arrivedDay: string | null;
  recordedBy: string | null;
  copies: number | null;
  pages: number | null;
  note: string | null;
}
export interface Deferral {
  deferred: boolean;
  dueDay: string | null;
  itemAllowsApproval: boolean;
  materials: DeferredMaterial[];
  mayRecordArrival: boolean;
  mayTerminate: boolean;
  terminationDocumentId: string | null;
}

/** The sections the 电子监察 board carries beside the clocks. */
export interface CaseSupportBoard {
  escalations: {
    id: string;
    caseId: string;
    caseNo: string | null;
    itemName: string;
    level: Escalation['level'];
    reason: string;
    raisedBy: string;
    raisedAt: number;
  }[];
  experts: {
    id: string;
    caseId: string;
    caseNo: string | null;
    itemName: string;
    stepName: string;
    expertName: string;
    organisation: string;
    dueDay: string;
    light: Light | null;
  }[];
  deferred: { caseId: string; caseNo: string | null; itemName: string; dueDay: string; materials: string[] }[];
}

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
    mutationFn: (b: { reason: string }) => api.post<CaseEscalations>(`/api/cases/${caseId}/escalations`, b),
    onSuccess: refresh,
  });
}

export function useDecideEscalation(caseId?: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (v: { id: string; decision: EscalationDecision; note: string }) =>
      api.post<Escalation>(`/api/escalations/${v.id}/decision`, { decision: v.decision, note: v.note }),
    onSuccess: refresh,
  });
}

export const usePendingEscalations = () =>
  useQuery({
    queryKey: ['escalations', 'pending'],
    queryFn: () => api.get<{ items: PendingEscalation[]; total: number }>('/api/escalations/pending'),
  });

export const usePendingEscalationCount = () =>
  useQuery({
    queryKey: ['escalations', 'count'],
    queryFn: () => api.get<{ open: number }>('/api/escalations/pending-count'),
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
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>(`/api/cases/${caseId}/experts/candidates`),
    enabled,
  });

export function useRequestExpert(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (b: Record<string, unknown>) => api.post<CaseExperts>(`/api/cases/${caseId}/experts`, b),
    onSuccess: refresh,
  });
}

export function useRecordOpinion(caseId: string) {
  const refresh = useRefresh(caseId);
  return useMutation({
    mutationFn: (v: { id: string; opinion: string }) =>
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
    mutationFn: (v: { key: string; copies: number; pages: number; note: string }) =>
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
    mutationFn: (b: { reason: string }) => api.post<Deferral>(`/api/cases/${caseId}/terminate`, b),
    onSuccess: refresh,
  });
}
