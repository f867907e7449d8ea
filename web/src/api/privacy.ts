import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer } from './contract';

/** What an access request (个人信息查询) exports: counts shown on screen; the JSON itself is downloaded. */
export type PersonalDataExport = Answer<'/api/applicants/{id}/personal-data'>;
export type UnsealRequest = Answer<'/api/applicants/{id}/unseal-requests', 'post'>;

export const exportPersonalData = (id: string) => api.get<PersonalDataExport>(`/api/applicants/${id}/personal-data`);
export const personalDataPdfUrl = (id: string) => `/api/applicants/${id}/personal-data/pdf`;

/** Sealing and unseal requests change what the file and every list show: both are refetched. */
export function useSealApplicant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post(`/api/applicants/${id}/seal`, { reason }),
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useRequestUnseal(id: string) {
  return useMutation({
    mutationFn: (reason: string) => api.post<UnsealRequest>(`/api/applicants/${id}/unseal-requests`, { reason }),
  });
}

export function useUnsealRequests(status?: string) {
  return useQuery({
    queryKey: ['privacy', 'unseal-requests', status ?? 'all'],
    queryFn: () => api.get<Answer<'/api/privacy/unseal-requests'>>('/api/privacy/unseal-requests', { status }),
  });
}

export function useDecideUnseal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; approve: boolean; note: string }) =>
      api.post<UnsealRequest>(`/api/privacy/unseal-requests/${v.id}/decision`, { approve: v.approve, note: v.note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['privacy'] }),
  });
}
