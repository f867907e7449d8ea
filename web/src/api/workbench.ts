import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Answer } from './contract';

/** One's own work in counts, a section per role held (null when not held). */
export type Workbench = Answer<'/api/home/workbench'>;

export function useWorkbench() {
  return useQuery({
    queryKey: ['home', 'workbench'],
    queryFn: () => api.get<Workbench>('/api/home/workbench'),
    refetchInterval: 60_000,
  });
}
