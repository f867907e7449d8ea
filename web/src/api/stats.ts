import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface StaffingTarget {
  targetWaitSeconds: number;
  targetServiceLevel: number;
  weeks: number;
}

export interface StaffingCell {
  day: string;
  weekday: number;
  hour: number;
  open: boolean;
  arrivalsPerHour: number;
  serviceMinutes: number;
  byCategory: { categoryId: string; name: string; arrivalsPerHour: number }[];
  needed: number;
  serviceLevel: number;
  rostered: number;
  short: boolean;
}

export interface StaffingForecast {
  hallId: string;
  week: string;
  fromDay: string;
  toDay: string;
  tickets: number;
  target: StaffingTarget;
  days: { day: string; working: boolean }[];
  hours: number[];
  cells: StaffingCell[];
  shortHours: number;
}

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
    mutationFn: (v: StaffingTarget & { hallId: string }) => api.put<StaffingTarget>('/api/stats/staffing/target', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
};

/** 统计分析 (GET /api/stats/overview): the figures of a hall and a period; definitions in README "统计分析". */
export interface Volume {
  key: string;
  name: string;
  received: number;
  finished: number;
  onTime: number;
  onTimeRate: number | null;
}
export interface Overview {
  hallIds: string[];
  from: string;
  to: string;
  totals: {
    received: number;
    finished: number;
    onTime: number;
    onTimeRate: number | null;
    tickets: number;
    meanWaitMinutes: number | null;
    meanServiceMinutes: number | null;
    ratings: number;
    goodRate: number | null;
    complaints: number;
  };
  casesByDay: { day: string; received: number; finished: number }[];
  byItem: Volume[];
  byDepartment: Volume[];
  byWindow: Volume[];
  byPerson: Volume[];
  ticketsByDay: {
    day: string;
    tickets: number;
    meanWaitMinutes: number | null;
    meanServiceMinutes: number | null;
  }[];
  satisfaction: { level: string; name: string; onSite: number; online: number; total: number }[];
  complaintsByCategory: { category: string; name: string; count: number }[];
}
export interface OverviewQuery {
  hallId?: string;
  from: string;
  to: string;
}

export const useStatsOverview = (q: OverviewQuery) =>
  useQuery({
    queryKey: ['stats', 'overview', q],
    queryFn: () => api.get<Overview>('/api/stats/overview', { ...q }),
  });

/** The records behind one figure (GET /api/stats/overview/records): the dashboard's drill-down. */
export interface DrillTarget {
  figure: 'received' | 'finished' | 'onTime' | 'tickets' | 'complaints';
  dim?: 'item' | 'department' | 'window' | 'person';
  key?: string;
  day?: string;
  category?: string;
  /** What the drawer is titled with (the figure and the row or bar clicked). */
  title: string;
}
export interface Drill {
  figure: string;
  total: number;
  cases: {
    id: string;
    caseNo: string | null;
    itemName: string;
    state: string | null;
    receivedDay: string | null;
    acceptedDay: string | null;
    completedDay: string | null;
    deadline: string | null;
    onTime: boolean | null;
  }[];
  tickets: {
    id: string;
    number: string;
    day: string;
    status: string;
    arrivedAt: number;
    waitMinutes: number | null;
    serviceMinutes: number | null;
  }[];
  complaints: {
    id: string;
    number: string;
    kind: string;
    category: string;
    categoryName: string;
    state: string;
    receivedDay: string;
    dueDay: string;
    caseNo: string | null;
  }[];
}

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
export interface LiveFloor {
  hallId: string;
  day: string;
  at: number;
  issued: number;
  waiting: number;
  longestWaitMinutes: number | null;
  windowsTotal: number;
  windowsOpen: number;
  windowsServing: number;
  served: number;
}
export const FLOOR_REFRESH_MS = 15_000;
export const useLiveFloor = (hallId?: string) =>
  useQuery({
    queryKey: ['stats', 'floor', hallId],
    enabled: !!hallId,
    refetchInterval: FLOOR_REFRESH_MS,
    queryFn: () => api.get<LiveFloor>('/api/stats/floor', { hallId }),
  });
