import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

/** 监督检查与整改: samples of case records, findings, rectification notices, the month's quality report. */

export type InspectionList = Answer<'/api/inspections'>;
export type Inspection = Item<InspectionList>;
export type InspectionItem = Inspection['items'][number];
export type SampleRequest = Body<'/api/inspections/samples', 'post'>;
export type FindingInput = Body<'/api/inspection-items/{id}/findings', 'post'>;
export type Mark = FindingInput['checks'][string];
export type NormCheckInput = Body<'/api/inspections/norms', 'post'>;
export type RectificationList = Answer<'/api/rectifications'>;
export type Rectification = Item<RectificationList>;
export type RectificationReport = Body<'/api/rectifications/{id}/report', 'post'>;
export type RectificationVerdict = Body<'/api/rectifications/{id}/verify', 'post'>;
export type QualityReport = Answer<'/api/inspections/report'>;
export type Indicator = QualityReport['indicators'][number];
/** 整改超期 rows of the supervision board. */
export type OverdueRectification = Answer<'/api/supervision/board'>['overdueRectifications'][number];

export const useInspections = (hallId: string | undefined, page: number) =>
  useQuery({
    queryKey: ['inspections', hallId, page],
    queryFn: () => api.get<InspectionList>('/api/inspections', { hallId, kind: 'records', page }),
    enabled: !!hallId,
  });

export function useDrawSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SampleRequest) => api.post<Inspection>('/api/inspections/samples', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inspections'] }),
  });
}

export function useRecordFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, ...body }: FindingInput & { itemId: string }) =>
      api.post<Inspection>(`/api/inspection-items/${itemId}/findings`, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['inspections'] });
      qc.invalidateQueries({ queryKey: ['rectifications'] });
    },
  });
}

export function useRecordNormCheck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NormCheckInput) => api.post<Inspection>('/api/inspections/norms', body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['inspections'] });
      qc.invalidateQueries({ queryKey: ['rectifications'] });
    },
  });
}

export const useRectifications = (view: 'mine' | 'hall', status: string | undefined, page: number) =>
  useQuery({
    queryKey: ['rectifications', view, status, page],
    queryFn: () => api.get<RectificationList>('/api/rectifications', { view, status, page }),
  });

export function useReportRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RectificationReport & { id: string }) =>
      api.post<Rectification>(`/api/rectifications/${id}/report`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rectifications'] }),
  });
}

export function useVerifyRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RectificationVerdict & { id: string }) =>
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
