import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** 监督检查与整改: samples of case records, findings, rectification notices, the month's quality report. */

export type Mark = 'ok' | 'problem';

export interface InspectionItem {
  id: string;
  seq: number;
  caseId: string | null;
  caseNo: string | null;
  itemName: string | null;
  subjectId: string;
  subjectName: string;
  checks: Record<string, Mark> | null;
  result: 'pending' | 'pass' | 'finding';
  note: string | null;
  checkedByName: string | null;
  checkedAt: number | null;
  rectificationId: string | null;
}

export interface Inspection {
  id: string;
  hallId: string;
  kind: 'records' | 'norms';
  scope: string;
  scopeId: string | null;
  scopeName: string | null;
  from: string | null;
  to: string | null;
  seed: number;
  population: number;
  sampleSize: number;
  createdByName: string;
  createdAt: number;
  checklist: { key: string; label: string }[];
  items: InspectionItem[];
}

export interface Rectification {
  id: string;
  kind: 'records' | 'norms';
  caseNo: string | null;
  itemName: string | null;
  responsibleName: string;
  finding: string;
  issuedByName: string;
  issuedDay: string;
  workingDays: number;
  dueDay: string;
  dueProvisional: boolean;
  status: 'issued' | 'reported' | 'returned' | 'closed';
  statusLabel: string;
  light: 'closed' | 'overdue' | 'due_today' | 'open';
  reportText: string | null;
  evidenceName: string | null;
  returnNote: string | null;
  returns: number;
  closedDay: string | null;
  verifiedByName: string | null;
  canReport: boolean;
  canVerify: boolean;
}

export interface Indicator {
  key: string;
  name: string;
  formula: string;
  target: number;
  numerator: number;
  denominator: number;
  value: number | null;
  met: boolean | null;
}

export interface QualityReport {
  hallId: string;
  month: string;
  indicators: Indicator[];
  people: { subjectId: string; subjectName: string; checked: number; findings: number; openRectifications: number }[];
}

export interface OverdueRectification {
  id: string;
  responsibleName: string;
  finding: string;
  caseNo: string | null;
  dueDay: string;
  status: string;
}

interface Page<T> {
  items: T[];
  total: number;
}

export const useInspections = (hallId: string | undefined, page: number) =>
  useQuery({
    queryKey: ['inspections', hallId, page],
    queryFn: () => api.get<Page<Inspection>>('/api/inspections', { hallId, kind: 'records', page }),
    enabled: !!hallId,
  });

export function useDrawSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      hallId: string;
      scope: string;
      scopeId?: string;
      from: string;
      to: string;
      size: number;
      seed?: number;
    }) => api.post<Inspection>('/api/inspections/samples', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inspections'] }),
  });
}

export function useRecordFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      itemId,
      ...body
    }: {
      itemId: string;
      checks: Record<string, Mark>;
      note: string;
      workingDays: number;
    }) => api.post<Inspection>(`/api/inspection-items/${itemId}/findings`, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['inspections'] });
      qc.invalidateQueries({ queryKey: ['rectifications'] });
    },
  });
}

export function useRecordNormCheck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      hallId: string;
      userId: string;
      checks: Record<string, Mark>;
      note: string;
      workingDays: number;
    }) => api.post<Inspection>('/api/inspections/norms', body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['inspections'] });
      qc.invalidateQueries({ queryKey: ['rectifications'] });
    },
  });
}

export const useRectifications = (view: 'mine' | 'hall', status: string | undefined, page: number) =>
  useQuery({
    queryKey: ['rectifications', view, status, page],
    queryFn: () => api.get<Page<Rectification>>('/api/rectifications', { view, status, page }),
  });

export function useReportRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      text: string;
      evidence?: { fileName: string; contentBase64: string };
    }) => api.post<Rectification>(`/api/rectifications/${id}/report`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rectifications'] }),
  });
}

export function useVerifyRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'close' | 'return'; note: string }) =>
      api.post<Rectification>(`/api/rectifications/${id}/verify`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rectifications'] }),
  });
}

export const useQualityReport = (hallId: string | undefined, month: string) =>
  useQuery({
    queryKey: ['inspection-report', hallId, month],
    queryFn: () => api.get<QualityReport>('/api/inspections/report', { hallId, month }),
    enabled: !!hallId,
  });
