import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

export type CaseFees = Answer<'/api/cases/{id}/fees'>;
export type FeeEntry = CaseFees['entries'][number];
export type PayMethod = FeeEntry['method'];
export type DailyReport = Answer<'/api/fees/daily'>;
/** A line of the daily report: the pure report's line with the window's name. */
export type ReportLine = DailyReport['lines'][number];
export type RefundList = Answer<'/api/fees/refunds'>;
export type PaymentInput = Body<'/api/cases/{id}/fees/payments', 'post'>;
export type RefundInput = Body<'/api/cases/{id}/fees/refunds', 'post'>;

export const yuan = (fen: number) => (fen / 100).toFixed(2);

export function useCaseFees(caseId: string | undefined) {
  return useQuery({
    queryKey: ['fees', 'case', caseId],
    queryFn: () => api.get<CaseFees>(`/api/cases/${caseId}/fees`),
    enabled: !!caseId,
  });
}

export function useFeeWrite(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: 'payments'; body: PaymentInput } | { path: 'refunds'; body: RefundInput }) =>
      api.post<CaseFees>(`/api/cases/${caseId}/fees/${v.path}`, v.body),
    onSuccess: (d) => {
      qc.setQueryData(['fees', 'case', caseId], d);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useWaitingRefunds(hallId: string | undefined) {
  return useQuery({
    queryKey: ['fees', 'refunds', hallId],
    queryFn: () => api.get<RefundList>('/api/fees/refunds', { hallId }),
  });
}

export function useDecideRefund() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Body<'/api/fees/refunds/{id}/decision', 'post'> & { id: string }) =>
      api.post<FeeEntry>(`/api/fees/refunds/${id}/decision`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['fees'] }),
  });
}

export function useDailyReport(hallId: string | undefined, day: string) {
  return useQuery({
    queryKey: ['fees', 'daily', hallId, day],
    queryFn: () => api.get<DailyReport>('/api/fees/daily', { hallId, day }),
    enabled: !!hallId,
  });
}

export type PlanList = Answer<'/api/emergency/plans'>;
export type Plan = Item<PlanList>;
export type PlanKind = Plan['kind'];
export type DrillList = Answer<'/api/emergency/drills'>;
export type Drill = Item<DrillList>;
export type IncidentList = Answer<'/api/emergency/incidents'>;
export type Incident = Item<IncidentList>;
export type Crowding = Answer<'/api/emergency/crowding'>;

export const planKinds: PlanKind[] = ['system_failure', 'crowding', 'major_complaint', 'power_outage', 'other'];
export const planKindLabels: Record<PlanKind, string> = {
  system_failure: '系统故障',
  crowding: '客流拥挤',
  major_complaint: '重大投诉',
  power_outage: '停电',
  other: '其他',
};

export const usePlans = () =>
  useQuery({ queryKey: ['emergency', 'plans'], queryFn: () => api.get<PlanList>('/api/emergency/plans') });
export const useDrills = () =>
  useQuery({ queryKey: ['emergency', 'drills'], queryFn: () => api.get<DrillList>('/api/emergency/drills') });
export const useIncidents = () =>
  useQuery({
    queryKey: ['emergency', 'incidents'],
    queryFn: () => api.get<IncidentList>('/api/emergency/incidents', { limit: 50 }),
  });
export const useCrowding = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['emergency', 'crowding', hallId],
    queryFn: () => api.get<Crowding>('/api/emergency/crowding', { hallId }),
    enabled: !!hallId,
  });

export function useEmergencyWrite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { method?: 'post' | 'put'; path: string; body: unknown }) =>
      v.method === 'put' ? api.put<unknown>(v.path, v.body) : api.post<unknown>(v.path, v.body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['emergency'] }),
  });
}
