import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Item } from './contract';

export type MyExpertRequests = Answer<'/api/experts/mine'>;
export type MyExpertRequest = Item<MyExpertRequests>;

/** The internal expert's own open requests (专家意见待办). */
export const useMyExpertRequests = () =>
  useQuery({
    queryKey: ['case-support', 'experts', 'mine'],
    queryFn: () => api.get<MyExpertRequests>('/api/experts/mine'),
  });

export function useRecordMyOpinion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; opinion: string }) =>
      api.post<unknown>(`/api/experts/${v.id}/opinion`, { opinion: v.opinion }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['case-support'] }),
  });
}
