import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Category, GuideDetail, GuideSummary, ListResult, PublicHall } from './types';

export function usePublicHalls() {
  return useQuery({
    queryKey: ['public', 'halls'],
    queryFn: () => api.get<ListResult<PublicHall>>('/api/public/halls'),
    staleTime: 5 * 60_000,
  });
}

export function useGuideList(query: { hallId?: string; q?: string; category?: Category }) {
  return useQuery({
    queryKey: ['public', 'guide', query],
    queryFn: () => api.get<ListResult<GuideSummary>>('/api/public/guide', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useGuideDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['public', 'guide', 'detail', id],
    queryFn: () => api.get<GuideDetail>(`/api/public/guide/${id}`),
    enabled: !!id,
  });
}
