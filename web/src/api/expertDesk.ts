import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpertConsultation } from './caseSupport';
import { api } from './client';

export type MyExpertRequest = ExpertConsultation & { caseNo: string | null; itemName: string };

/** The internal expert's own open requests (专家意见待办). */
export const useMyExpertRequests = () =>
  useQuery({
    queryKey: ['case-support', 'experts', 'mine'],
    queryFn: () => api.get<{ items: MyExpertRequest[]; total: number }>('/api/experts/mine'),
  });

export function useRecordMyOpinion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; opinion: string }) =>
      api.post<unknown>(`/api/experts/${v.id}/opinion`, { opinion: v.opinion }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['case-support'] }),
  });
}
