import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';

export interface Session {
  from: string;
  to: string;
}
/** weekday: 1 = 周一 … 7 = 周日. */
export interface DayHours {
  weekday: number;
  sessions: Session[];
}
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
  return useQuery({ queryKey: key(hallId), queryFn: () => api.get<HallHours>(`/api/queue/halls/${hallId}/hours`), enabled: !!hallId });
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
