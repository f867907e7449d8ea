import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { Answer, Body, Item } from './contract';

/** 好差评 of the case: the applicant's link page, the 差评 loop, appeals, suggestions, figures. */
export type PublicRating = Answer<'/api/public/case-ratings/{token}'>;
export type RatingTaskList = Answer<'/api/rating/case-tasks'>;
export type RatingTask = Item<RatingTaskList>;
export type CaseRating = RatingTask['rating'];
export type LoopStage = RatingTask['stage'];
export type Light = RatingTask['light'];
export type MyRatingList = Answer<'/api/rating/case-ratings/mine'>;
export type MyRating = Item<MyRatingList>;
export type AppealList = Answer<'/api/rating/appeals'>;
export type Appeal = Item<AppealList>;
export type FigureList = Answer<'/api/rating/case-ratings/figures'>;
export type Figure = Item<FigureList>;
export type SuggestionList = Answer<'/api/rating/suggestions'>;
export type Suggestion = Item<SuggestionList>;
export type BoardRatingTask = NonNullable<Answer<'/api/supervision/board'>['caseRatingTasks']>[number];

export const fetchPublicRating = (token: string) =>
  request<PublicRating>('GET', `/api/public/case-ratings/${token}`, { noAuthRedirect: true });
export const submitPublicRating = (token: string, body: Body<'/api/public/case-ratings/{token}', 'post'>) =>
  request<Answer<'/api/public/case-ratings/{token}', 'post'>>('POST', `/api/public/case-ratings/${token}`, {
    body,
    noAuthRedirect: true,
  });

const KEY = ['case-ratings'];

export const useRatingTasks = (stage: string) =>
  useQuery({
    queryKey: [...KEY, 'tasks', stage],
    queryFn: () => api.get<RatingTaskList>('/api/rating/case-tasks', { stage }),
  });

export function useTaskMove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: string; body: unknown }) =>
      api.post<RatingTask>(`/api/rating/case-tasks/${id}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useEvidenceUpload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return request<RatingTask>('POST', `/api/rating/case-tasks/${id}/evidence`, { body });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const useMyRatings = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: () => api.get<MyRatingList>('/api/rating/case-ratings/mine'),
    enabled,
  });
export const useAppeals = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'appeals'],
    queryFn: () => api.get<AppealList>('/api/rating/appeals'),
    enabled,
  });
export const useFigures = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'figures'],
    queryFn: () => api.get<FigureList>('/api/rating/case-ratings/figures'),
    enabled,
  });
export const useSuggestions = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'suggestions'],
    queryFn: () => api.get<SuggestionList>('/api/rating/suggestions'),
    enabled,
  });

export function useRatingPost<T>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) => api.post<T>(path, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export const revealApplicant = (id: string) => api.get<{ phone: string | null }>(`/api/applicants/${id}/personal`);
