import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

/** 考核: indicators, scorecards with their records, remarks, sign-off, corrections, the annual review. */

export type IndicatorSet = Answer<'/api/assessment/indicators'>;
export type AssessmentIndicator = IndicatorSet['items'][number];
export type IndicatorsInput = Body<'/api/assessment/indicators', 'put'>;
export type ScoreCard = Answer<'/api/assessment/card'>;
export type CardLine = ScoreCard['lines'][number];
export type SubjectKind = ScoreCard['subjectKind'];
export type Grade = NonNullable<ScoreCard['grade']>;
export type CardRowList = Answer<'/api/assessment/cards'>;
export type CardRow = Item<CardRowList>;
/** 待审核 (no remarks yet), 待签发 (remarked, not signed), 已签发. */
export type CardState = CardRow['state'];
export type CardRecords = Answer<'/api/assessment/card/records'>;
export type RecordLine = Item<CardRecords>;
export type CardVersionList = Answer<'/api/assessment/card/versions'>;
export type CardVersion = Item<CardVersionList>;
export type AnnualList = Answer<'/api/assessment/annual'>;
export type AnnualRow = Item<AnnualList>;
export type AnnualSign = Body<'/api/assessment/annual/sign', 'post'>;
export type CardKey = Body<'/api/assessment/card/sign', 'post'>;
export type RemarksInput = Body<'/api/assessment/card/remarks', 'put'>;
export type CorrectionInput = Body<'/api/assessment/card/correct', 'post'>;
export type TrainingPlanRequest = Body<'/api/assessment/card/training-plan', 'post'>;
export type PlannedTraining = Answer<'/api/assessment/card/training-plan', 'post'>;
export type MyCards = Answer<'/api/assessment/mine'>;

export const useIndicators = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['assessment-indicators', hallId],
    queryFn: () => api.get<IndicatorSet>('/api/assessment/indicators', { hallId }),
    enabled: !!hallId,
  });

export function useSaveIndicators() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorsInput) => api.put<IndicatorSet>('/api/assessment/indicators', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useCards = (hallId: string | undefined, period: string, kind: SubjectKind, state?: CardState) =>
  useQuery({
    queryKey: ['assessment', 'cards', hallId, period, kind, state],
    queryFn: () => api.get<CardRowList>('/api/assessment/cards', { hallId, period, kind, state }),
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
    queryFn: () => api.get<CardRecords>('/api/assessment/card/records', { ...key!, code: code! }),
    enabled: !!key && !!code,
  });

export const useCardVersions = (key: CardKey | null) =>
  useQuery({
    queryKey: ['assessment', 'versions', key],
    queryFn: () => api.get<CardVersionList>('/api/assessment/card/versions', { ...key! }),
    enabled: !!key,
  });

function useCardWrite<B>(method: 'post' | 'put', path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => (method === 'put' ? api.put<ScoreCard>(path, body) : api.post<ScoreCard>(path, body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useSaveRemarks = () => useCardWrite<RemarksInput>('put', '/api/assessment/card/remarks');
export const useSignCard = () => useCardWrite<CardKey>('post', '/api/assessment/card/sign');
export const useCorrectCard = () => useCardWrite<CorrectionInput>('post', '/api/assessment/card/correct');

export const usePlanTraining = () =>
  useMutation({
    mutationFn: (body: TrainingPlanRequest) => api.post<PlannedTraining>('/api/assessment/card/training-plan', body),
  });

export const useAnnual = (hallId: string | undefined, year: string) =>
  useQuery({
    queryKey: ['assessment', 'annual', hallId, year],
    queryFn: () => api.get<AnnualList>('/api/assessment/annual', { hallId, year }),
    enabled: !!hallId,
  });

export function useSignAnnual() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnnualSign) => api.post<AnnualRow>('/api/assessment/annual/sign', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export const useMyCards = () =>
  useQuery({
    queryKey: ['assessment', 'mine'],
    queryFn: () => api.get<MyCards>('/api/assessment/mine'),
  });
