import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { RatingLevel } from './queue';
import type { ListResult } from './types';

/** 好差评 of the case: the applicant's link page, the 差评 loop, appeals, suggestions, figures. */
export type LoopStage = 'call_back' | 'verify' | 'rectify' | 'rerate' | 'closed';
export type Light = 'green' | 'yellow' | 'red';

export interface PublicRating {
  caseNo: string;
  itemName: string;
  hallName: string;
  staffName: string | null;
  ratings: { round: number; level: RatingLevel; reasons: string[]; comment: string; createdAt: number }[];
  open: 'rate' | 'rerate' | 'done';
  rectification: string | null;
}

export interface CaseRating {
  id: string;
  round: number;
  level: RatingLevel;
  score: number;
  bad: boolean;
  reasons: string[];
  comment: string;
  channel: string;
  excluded: boolean;
  createdAt: number;
}

export interface RatingTask {
  id: string;
  caseId: string;
  caseNo: string;
  itemName: string;
  staffName: string | null;
  applicantId: string;
  applicantName: string;
  applicantPhone: string | null;
  stage: LoopStage;
  dueDay: string | null;
  light: Light;
  callBackDue: string;
  verifyDue: string | null;
  rectifyDue: string | null;
  rerateDue: string | null;
  reached: boolean | null;
  callBackNote: string | null;
  calledBackName: string | null;
  finding: string | null;
  plan: string | null;
  responsible: string | null;
  rectifiedNote: string | null;
  rating: CaseRating;
  rerating: CaseRating | null;
  evidence: { id: string; name: string; contentType: string; size: number; byName: string; at: number }[];
  events: { action: string; fromStage: string; toStage: string; byName: string; at: number }[];
}

export interface MyRating extends CaseRating {
  caseNo: string;
  itemName: string;
  appeal: { id: string; status: 'open' | 'upheld' | 'rejected' } | null;
}

export interface Appeal {
  id: string;
  ratingId: string;
  caseNo: string;
  itemName: string;
  level: RatingLevel;
  comment: string;
  staffName: string;
  reasons: string;
  status: 'open' | 'upheld' | 'rejected';
  decisionNote: string | null;
  decidedByName: string | null;
  createdAt: number;
}

export interface Figure {
  staffUserId: string;
  staffName: string;
  count: number;
  average: number | null;
  bad: number;
  excluded: number;
}

export interface Suggestion {
  id: string;
  caseNo: string;
  itemName: string;
  text: string;
  tags: string[];
  status: 'open' | 'forwarded' | 'answered';
  departmentName: string | null;
  forwardedName: string | null;
  answer: string | null;
  answeredName: string | null;
  createdAt: number;
  ageDays: number;
}

export interface BoardRatingTask {
  taskId: string;
  caseId: string;
  caseNo: string;
  itemName: string;
  staffName: string | null;
  level: RatingLevel;
  stage: LoopStage;
  dueDay: string | null;
  light: Light;
}

export const fetchPublicRating = (token: string) =>
  request<PublicRating>('GET', `/api/public/case-ratings/${token}`, { noAuthRedirect: true });
export const submitPublicRating = (
  token: string,
  body: { level: RatingLevel; reasons: string[]; comment: string; suggestion: string },
) =>
  request<{ id: string; round: number }>('POST', `/api/public/case-ratings/${token}`, { body, noAuthRedirect: true });

const KEY = ['case-ratings'];

export const useRatingTasks = (stage: string) =>
  useQuery({
    queryKey: [...KEY, 'tasks', stage],
    queryFn: () => api.get<ListResult<RatingTask>>('/api/rating/case-tasks', { stage }),
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
    queryFn: () => api.get<ListResult<MyRating>>('/api/rating/case-ratings/mine'),
    enabled,
  });
export const useAppeals = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'appeals'],
    queryFn: () => api.get<ListResult<Appeal>>('/api/rating/appeals'),
    enabled,
  });
export const useFigures = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'figures'],
    queryFn: () => api.get<ListResult<Figure>>('/api/rating/case-ratings/figures'),
    enabled,
  });
export const useSuggestions = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'suggestions'],
    queryFn: () => api.get<ListResult<Suggestion>>('/api/rating/suggestions'),
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
