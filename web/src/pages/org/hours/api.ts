import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';

// The timetable's shape is the domain's own (pure, shared with the server).
import type { DayHours, Session } from '../../../../../server/src/domain/queue/hours.ts';

export type { DayHours, Session };
export interface Timetable {
  weeklyHours: DayHours[] | null;
  description: string;
}
export interface HallHours {
  hallId: string;
  hall: Timetable;
  windows: (Timetable & { windowId: string; number: number; name: string })[];
  closingSource: 'hall' | 'windows' | null;
  closesToday: string | null;
}

const key = (hallId?: string) => ['queue', 'hours', hallId];

/** The hall's and its windows' opening hours (GET /api/queue/halls/:hallId/hours). */
export function useHallHours(hallId?: string) {
  return useQuery({
    queryKey: key(hallId),
    queryFn: () => api.get<HallHours>(`/api/queue/halls/${hallId}/hours`),
    enabled: !!hallId,
  });
}

/** Saves the timetable of the hall (windowId null) or of one window; the window's text follows it. */
export function useSaveTimetable(hallId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ windowId, weeklyHours }: { windowId: string | null; weeklyHours: DayHours[] }) =>
      windowId
        ? api.put<unknown>(`/api/queue/windows/${windowId}/settings`, { weeklyHours })
        : api.put<unknown>(`/api/queue/halls/${hallId}/hours`, { weeklyHours }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(hallId) });
      void qc.invalidateQueries({ queryKey: ['queue'] });
    },
  });
}
