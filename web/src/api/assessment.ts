import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** 考核: indicators, scorecards with their records, remarks, sign-off, corrections, the annual review. */

export type SubjectKind = 'person' | 'window' | 'department';
export type Grade = 'excellent' | 'good' | 'pass' | 'fail';

export interface AssessmentIndicator {
  code: string;
  name: string;
  dimension: string;
  formula: string;
  source: string;
  target: number;
  direction: 'higher' | 'lower';
  weight: number;
  unit: string;
}

export interface CardLine {
  code: string;
  name: string;
  dimension: string;
  dimensionName: string;
  formula: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  weight: number;
  weightUsed: number | null;
  actual: number | null;
  score: number | null;
  belowTarget: boolean;
  records: number;
}

export interface ScoreCard {
  hallId: string;
  period: string;
  from: string;
  to: string;
  subjectKind: SubjectKind;
  subjectId: string;
  subjectName: string;
  lines: CardLine[];
  suggestedTopics: string[];
  indicatorTotal: number | null;
  spotScore: number | null;
  total: number | null;
  grade: Grade | null;
  gradeName: string | null;
  remarks: string;
  remarkedByName: string | null;
  version: number;
  signedAt: number | null;
  signedByName: string | null;
  reason: string | null;
}

export interface CardRow {
  subjectId: string;
  subjectName: string;
  indicatorTotal: number | null;
  spotScore: number | null;
  total: number | null;
  grade: Grade | null;
  gradeName: string | null;
  version: number;
  /** 待审核 (no remarks yet), 待签发 (remarked, not signed), 已签发. */
  state: CardState;
}
export type CardState = 'unreviewed' | 'reviewed' | 'signed';

export interface RecordLine {
  ref: string;
  day: string;
  note: string;
  num: number;
  den: number;
}

export interface CardVersion {
  version: number;
  total: number | null;
  grade: Grade | null;
  reason: string | null;
  signedByName: string;
  signedAt: number;
}

export interface AnnualRow {
  subjectId: string;
  subjectName: string;
  months: { month: string; total: number | null; signed: boolean }[];
  total: number | null;
  grade: Grade | null;
  gradeName: string | null;
  version: number;
  signedAt: number | null;
}

export interface CardKey {
  hallId: string;
  period: string;
  kind: SubjectKind;
  subjectId: string;
}

export const useIndicators = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['assessment-indicators', hallId],
    queryFn: () => api.get<{ hallId: string; items: AssessmentIndicator[] }>('/api/assessment/indicators', { hallId }),
    enabled: !!hallId,
  });

export function useSaveIndicators() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { hallId: string; indicators: AssessmentIndicator[] }) =>
      api.put<{ hallId: string; items: AssessmentIndicator[] }>('/api/assessment/indicators', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useCards = (hallId: string | undefined, period: string, kind: SubjectKind, state?: CardState) =>
  useQuery({
    queryKey: ['assessment', 'cards', hallId, period, kind, state],
    queryFn: () => api.get<{ items: CardRow[] }>('/api/assessment/cards', { hallId, period, kind, state }),
    enabled: !!hallId,
  });

export const useCard = (key: CardKey | null) =>
  useQuery({
    queryKey: ['assessment', 'card', key],
    queryFn: () => api.get<ScoreCard>('/api/assessment/card', { ...key! }),
    enabled: !!key,
  });

export const useCardRecords = (key: CardKey | null, code: string | null) =>
  useQuery({
    queryKey: ['assessment', 'records', key, code],
    queryFn: () =>
      api.get<{ frozen: boolean; items: RecordLine[] }>('/api/assessment/card/records', { ...key!, code: code! }),
    enabled: !!key && !!code,
  });

export const useCardVersions = (key: CardKey | null) =>
  useQuery({
    queryKey: ['assessment', 'versions', key],
    queryFn: () => api.get<{ items: CardVersion[] }>('/api/assessment/card/versions', { ...key! }),
    enabled: !!key,
  });

function useCardWrite<B>(method: 'post' | 'put', path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => (method === 'put' ? api.put<ScoreCard>(path, body) : api.post<ScoreCard>(path, body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useSaveRemarks = () =>
  useCardWrite<CardKey & { remarks: string; spotScore: number | null }>('put', '/api/assessment/card/remarks');
export const useSignCard = () => useCardWrite<CardKey>('post', '/api/assessment/card/sign');
export const useCorrectCard = () =>
  useCardWrite<CardKey & { reason: string; remarks?: string; spotScore?: number | null }>(
    'post',
    '/api/assessment/card/correct',
  );

export const usePlanTraining = () =>
  useMutation({
    mutationFn: (body: CardKey & { dueDay: string }) =>
      api.post<{ planId: string; topics: string[] }>('/api/assessment/card/training-plan', body),
  });

export const useAnnual = (hallId: string | undefined, year: string) =>
  useQuery({
    queryKey: ['assessment', 'annual', hallId, year],
    queryFn: () => api.get<{ items: AnnualRow[] }>('/api/assessment/annual', { hallId, year }),
    enabled: !!hallId,
  });

export function useSignAnnual() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { hallId: string; year: string; subjectId: string }) =>
      api.post<AnnualRow>('/api/assessment/annual/sign', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useMyCards = () =>
  useQuery({
    queryKey: ['assessment', 'mine'],
    queryFn: () => api.get<{ items: ScoreCard[] }>('/api/assessment/mine'),
  });
