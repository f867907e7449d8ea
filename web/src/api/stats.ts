import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, QueryOf } from './contract';

export type StaffingForecast = Answer<'/api/stats/staffing/forecast'>;
export type StaffingCell = StaffingForecast['cells'][number];
export type StaffingTarget = Answer<'/api/stats/staffing/target'>;
export type StaffingTargetInput = Body<'/api/stats/staffing/target', 'put'>;

// Under the staff key: saving the roster refreshes the forecast beside it.
const key = ['staff', 'staffing'] as const;

export const useStaffingForecast = (hallId?: string, week?: string) =>
  useQuery({
    queryKey: [...key, 'forecast', hallId, week],
    enabled: !!hallId && !!week,
    queryFn: () => api.get<StaffingForecast>('/api/stats/staffing/forecast', { hallId, week }),
  });

export const useStaffingTarget = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'target', hallId],
    enabled: !!hallId,
    queryFn: () => api.get<StaffingTarget>('/api/stats/staffing/target', { hallId }),
  });

export const useSaveStaffingTarget = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: StaffingTargetInput) => api.put<StaffingTarget>('/api/stats/staffing/target', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
};

/** 统计分析 (GET /api/stats/overview): the figures of a hall and a period; definitions in README "统计分析". */
export type Overview = Answer<'/api/stats/overview'>;
export type Volume = Overview['byItem'][number];
export type OverviewQuery = QueryOf<'/api/stats/overview'>;

export const useStatsOverview = (q: OverviewQuery) =>
  useQuery({
    queryKey: ['stats', 'overview', q],
    queryFn: () => api.get<Overview>('/api/stats/overview', { ...q }),
  });

/** The records behind one figure (GET /api/stats/overview/records): the dashboard's drill-down. */
export type DrillTarget = Omit<QueryOf<'/api/stats/overview/records'>, keyof OverviewQuery> & {
  /** What the drawer is titled with (the figure and the row or bar clicked). */
  title: string;
};
export type Drill = Answer<'/api/stats/overview/records'>;

export const useStatsDrill = (q: OverviewQuery, target: DrillTarget | null) =>
  useQuery({
    queryKey: ['stats', 'drill', q, target],
    enabled: !!target,
    queryFn: () => {
      const { title: _title, ...rest } = target!;
      return api.get<Drill>('/api/stats/overview/records', { ...q, ...rest });
    },
  });

/** 今日大厅实况 (GET /api/stats/floor), read again every 15 seconds while the page is open. */
export type LiveFloor = Answer<'/api/stats/floor'>;
export const FLOOR_REFRESH_MS = 15_000;
export const useLiveFloor = (hallId?: string) =>
  useQuery({
    queryKey: ['stats', 'floor', hallId],
    enabled: !!hallId,
    refetchInterval: FLOOR_REFRESH_MS,
    queryFn: () => api.get<LiveFloor>('/api/stats/floor', { hallId }),
  });
