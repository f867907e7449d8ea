import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PayMethod, ReportLine as DomainLine } from '../../../server/src/domain/fees/index.ts';
import { api } from './client';

export type { PayMethod };

export interface FeeEntry {
  id: string;
  caseId: string;
  caseNo?: string | null;
  itemName?: string;
  kind: 'payment' | 'refund';
  status: 'done' | 'requested' | 'rejected';
  amountFen: number;
  method: PayMethod;
  methodLabel: string;
  receiptNo: string;
  reason: string;
  refundOf: string | null;
  windowId: string | null;
  day: string | null;
  at: number;
  by: string;
  decidedAt: number | null;
  decidedBy: string | null;
}
export interface CaseFees {
  caseId: string;
  items: { name: string; amountFen: number }[];
  dueFen: number;
  paidFen: number;
  owedFen: number;
  payFirst: boolean;
  note: string;
  entries: FeeEntry[];
}
/** A line of the daily report: the pure report's line with the window's name. */
export type ReportLine = DomainLine & { windowName: string };
export interface DailyReport {
  hallId: string;
  day: string;
  lines: ReportLine[];
  total: ReportLine;
  entries: FeeEntry[];
}

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
    mutationFn: (v: { path: 'payments' | 'refunds'; body: unknown }) =>
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
    queryFn: () => api.get<{ items: FeeEntry[] }>('/api/fees/refunds', { hallId }),
  });
}

export function useDecideRefund() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; approve: boolean }) =>
      api.post<FeeEntry>(`/api/fees/refunds/${v.id}/decision`, { approve: v.approve }),
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

export type PlanKind = 'system_failure' | 'crowding' | 'major_complaint' | 'power_outage' | 'other';
export interface Plan {
  id: string;
  hallId: string;
  kind: PlanKind;
  kindLabel: string;
  title: string;
  organisation: string;
  responseSteps: string;
  measures: string;
  recovery: string;
  updatedAt: number;
  updatedBy: string;
}
export interface Drill {
  id: string;
  planId: string;
  planTitle: string;
  day: string;
  participants: string;
  review: string;
  recordedAt: number;
  recordedBy: string;
}
export interface Incident {
  id: string;
  hallId: string;
  kind: PlanKind;
  kindLabel: string;
  title: string;
  status: 'open' | 'closed';
  openedAt: number;
  openedBy: string;
  closedAt: number | null;
  closedBy: string | null;
  review: string | null;
  actions: { id: string; at: number; by: string; text: string }[];
}
export interface Crowding {
  hallId: string;
  maxWaiting: number;
  maxWaitMinutes: number;
  notice: string;
  showNotice: boolean;
  over: boolean;
  crossings: number;
  changedAt: number;
  waiting: number;
  longestWaitMinutes: number;
}

export const planKinds: PlanKind[] = ['system_failure', 'crowding', 'major_complaint', 'power_outage', 'other'];
export const planKindLabels: Record<PlanKind, string> = {
  system_failure: '系统故障',
  crowding: '客流拥挤',
  major_complaint: '重大投诉',
  power_outage: '停电',
  other: '其他',
};

export const usePlans = () =>
  useQuery({ queryKey: ['emergency', 'plans'], queryFn: () => api.get<{ items: Plan[] }>('/api/emergency/plans') });
export const useDrills = () =>
  useQuery({ queryKey: ['emergency', 'drills'], queryFn: () => api.get<{ items: Drill[] }>('/api/emergency/drills') });
export const useIncidents = () =>
  useQuery({
    queryKey: ['emergency', 'incidents'],
    queryFn: () => api.get<{ items: Incident[] }>('/api/emergency/incidents', { limit: 50 }),
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
