import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Item, QueryOf } from './contract';

/** 电子监察: the clocks, the hand-over backlog and the sections other areas add to the board. */
export type Board = Answer<'/api/supervision/board'>;
export type Level = Board['cases'][number]['level'];
export type Count = Board['byDepartment'][number];

export function useBoard(stuckDays: number) {
  return useQuery({
    queryKey: ['supervision', 'board', stuckDays],
    queryFn: () => api.get<Board>('/api/supervision/board', { stuckDays }),
    refetchInterval: 60_000,
  });
}

export type OnTime = Answer<'/api/supervision/on-time'>;
export type Dimension = OnTime['by'];
export type Figure = OnTime['overall'];
/** The screen always groups by one dimension. */
export type OnTimeQuery = QueryOf<'/api/supervision/on-time'> & { by: Dimension };
export type OnTimeCasesQuery = QueryOf<'/api/supervision/on-time/cases'> & { by: Dimension };
export type OnTimeCases = Answer<'/api/supervision/on-time/cases'>;
export type CaseRef = OnTimeCases['onTimeCases'][number];

export function useOnTime(q: OnTimeQuery) {
  return useQuery({
    queryKey: ['supervision', 'on-time', q],
    queryFn: () => api.get<OnTime>('/api/supervision/on-time', q),
  });
}

export function useOnTimeCases(q: OnTimeCasesQuery | null) {
  return useQuery({
    queryKey: ['supervision', 'on-time-cases', q],
    queryFn: () => api.get<OnTimeCases>('/api/supervision/on-time/cases', q!),
    enabled: !!q,
  });
}

export type AlertList = Answer<'/api/alerts'>;
export type AlertItem = Item<AlertList>;

export function useAlerts() {
  return useQuery({
    queryKey: ['alerts'],
    queryFn: () => api.get<AlertList>('/api/alerts'),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AlertItem>(`/api/alerts/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
