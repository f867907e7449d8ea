import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { Answer, Body, Item } from './contract';

export type CalendarMonth = Answer<'/api/calendar/month'>;
export type DayInfo = CalendarMonth['days'][number];
export type DaySource = DayInfo['source'];
export type HallDay = Body<'/api/calendar/halls/{hallId}/days/import', 'post'>['days'][number];
export type OfficialYearList = Answer<'/api/calendar/years'>;
export type OfficialYear = Item<OfficialYearList>;

export function useCalendarMonth(hallId: string | undefined, month: string) {
  return useQuery({
    queryKey: ['calendar', 'month', hallId, month],
    queryFn: () => api.get<CalendarMonth>('/api/calendar/month', { hallId, month }),
    enabled: !!hallId,
  });
}

export function useCalendarStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: () => api.get<Answer<'/api/calendar/status'>>('/api/calendar/status'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useOfficialYears() {
  return useQuery({
    queryKey: ['calendar', 'years'],
    queryFn: () => api.get<OfficialYearList>('/api/calendar/years'),
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
    api.post<Answer<'/api/calendar/halls/{hallId}/days/import', 'post'>>(`/api/calendar/halls/${hallId}/days/import`, {
      days,
    }),
  );
export const useLoadYear = () =>
  useCalendarWrite((v: { year: number; holidays: string[]; workdays: string[] }) =>
    api.put<OfficialYear>(`/api/calendar/years/${v.year}`, { holidays: v.holidays, workdays: v.workdays }),
  );
