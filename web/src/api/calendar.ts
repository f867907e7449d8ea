import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { ListResult } from './types';

export type DaySource = 'hall' | 'admin-year' | 'official' | 'statutory-rule' | 'weekday-rule';
export interface DayInfo {
  date: string;
  working: boolean;
  source: DaySource;
  note: string | null;
  published: boolean;
}
export interface HallDay {
  date: string;
  kind: 'closed' | 'working';
  note: string;
}
export interface OfficialYear {
  year: number;
  holidays: string[];
  workdays: string[];
  loadedAt: number;
  loadedBy: string | null;
}

export function useCalendarMonth(hallId: string | undefined, month: string) {
  return useQuery({
    queryKey: ['calendar', 'month', hallId, month],
    queryFn: () =>
      api.get<{ month: string; published: boolean; days: DayInfo[] }>('/api/calendar/month', { hallId, month }),
    enabled: !!hallId,
  });
}

export function useCalendarStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: () =>
      api.get<{ today: string; missingYear: number | null; loadedYears: number[] }>('/api/calendar/status'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useOfficialYears() {
  return useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => api.get<ListResult<OfficialYear>>('/api/calendar/years'),
  });
}

/** Every change to a calendar moves deadlines: drop all calendar answers. */
function useCalendarWrite<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }) });
}

export const useSetHallDay = (hallId: string | undefined) =>
  useCalendarWrite((d: HallDay) =>
    api.put(`/api/calendar/halls/${hallId}/days/${d.date}`, { kind: d.kind, note: d.note }),
  );
export const useRemoveHallDay = (hallId: string | undefined) =>
  useCalendarWrite((date: string) => request('DELETE', `/api/calendar/halls/${hallId}/days/${date}`));
export const useImportHallDays = (hallId: string | undefined) =>
  useCalendarWrite((days: HallDay[]) =>
    api.post<{ imported: number }>(`/api/calendar/halls/${hallId}/days/import`, { days }),
  );
export const useLoadYear = () =>
  useCalendarWrite((v: { year: number; holidays: string[]; workdays: string[] }) =>
    api.put<OfficialYear>(`/api/calendar/years/${v.year}`, { holidays: v.holidays, workdays: v.workdays }),
  );
