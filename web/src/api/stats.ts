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
