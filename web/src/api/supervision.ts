import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { BoardFault } from './equipment';

export type Level = 'yellow' | 'red';
export interface Count {
  key: string;
  name: string;
  yellow: number;
  red: number;
}
export interface Board {
  today: string;
  stuckDays: number;
  cases: {
    caseId: string;
    caseNo: string | null;
    itemName: string;
    deadline: string;
    level: Level;
    ownerName: string;
    windowName: string | null;
    departmentNames: string[];
    suspended: boolean;
  }[];
  steps: {
    stepId: string;
    caseId: string;
    caseNo: string | null;
    itemName: string;
    stepName: string;
    deadline: string;
    level: Level;
    assigneeName: string | null;
    departmentName: string | null;
    suspended: boolean;
  }[];
  stuck: {
    stepId: string;
    caseId: string;
    caseNo: string | null;
    itemName: string;
    stepName: string;
    activatedAt: number;
    waitingDays: number;
    departmentName: string | null;
  }[];
  followUps: {
    id: string;
    dueDay: string;
    level: string;
    comment: string;
    windowNumber: number | null;
    staffName: string | null;
    createdAt: number;
    light: 'green' | Level;
  }[];
  byDepartment: Count[];
  byWindow: Count[];
  byPerson: Count[];
  equipmentFaults: BoardFault[];
  overdueLoans: {
    loanId: string;
    archiveNo: string;
    itemName: string;
    borrowerName: string;
    dueDay: string;
    reminders: number;
  }[];
}

export function useBoard(stuckDays: number) {
  return useQuery({
    queryKey: ['supervision', 'board', stuckDays],
    queryFn: () => api.get<Board>('/api/supervision/board', { stuckDays }),
    refetchInterval: 60_000,
  });
}

export type Dimension = 'item' | 'department' | 'window' | 'person';
export interface Figure {
  onTime: number;
  finished: number;
  rate: number | null;
}
export interface OnTime {
  from: string;
  to: string;
  by: Dimension;
  overall: Figure;
  groups: (Figure & { key: string; name: string })[];
}
export interface CaseRef {
  caseId: string;
  caseNo: string | null;
  itemName: string;
  deadline: string | null;
  completedDay: string;
  onTime: boolean;
}

export function useOnTime(q: { from: string; to: string; by: Dimension }) {
  return useQuery({
    queryKey: ['supervision', 'on-time', q],
    queryFn: () => api.get<OnTime>('/api/supervision/on-time', q),
  });
}

export function useOnTimeCases(q: { from: string; to: string; by: Dimension; key?: string } | null) {
  return useQuery({
    queryKey: ['supervision', 'on-time-cases', q],
    queryFn: () =>
      api.get<Figure & { onTimeCases: CaseRef[]; finishedCases: CaseRef[] }>('/api/supervision/on-time/cases', q!),
    enabled: !!q,
  });
}

export interface AlertItem {
  id: string;
  level: Level;
  targetType: 'case' | 'step' | 'crowding' | 'incident' | 'uncovered';
  audience: 'responsible' | 'supervisor';
  caseId: string | null;
  caseNo: string | null;
  stepId: string | null;
  title: string;
  deadline: string;
  createdAt: number;
  readAt: number | null;
}

export function useAlerts() {
  return useQuery({
    queryKey: ['alerts'],
    queryFn: () => api.get<{ items: AlertItem[]; total: number; unread: number }>('/api/alerts'),
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
