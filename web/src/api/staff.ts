import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { TrainingStatus } from './people';

export type LeaveKind = 'annual' | 'sick' | 'personal' | 'trip' | 'training';
export type LeaveStatus = 'requested' | 'confirmed' | 'approved' | 'rejected' | 'cancelled';
export type RosterSession = 'am' | 'pm';

export interface StaffFile {
  userId: string;
  username: string;
  name: string;
  staffNo: string | null;
  photo: string | null;
  posts: string[];
  windowIds: string[];
  departmentIds: string[];
  authorityLevel: string | null;
  phone: string | null;
  entryDate: string | null;
  confidentialitySignedAt: number | null;
  trainingStatus: TrainingStatus;
  away: string | null;
  actingName: string | null;
}
export interface AbPair {
  id: string;
  hallId: string;
  kind: 'post' | 'window' | 'stand_in';
  subject: string;
  aUserId: string;
  aName: string;
  bUserId: string;
  bName: string;
  fromDay: string | null;
  toDay: string | null;
}
export interface RosterSlot {
  day: string;
  session: RosterSession;
  windowId: string;
  userId: string;
  post: string;
  userName?: string;
}
export interface Roster {
  hallId: string;
  week: string;
  days: { day: string; working: boolean; sessions: { session: RosterSession; from: string; to: string }[] }[];
  windows: { id: string; number: number; name: string }[];
  slots: RosterSlot[];
  gaps: { day: string; session: RosterSession; windowId: string }[];
}
export interface SheetRow {
  userId: string;
  name: string;
  staffNo: string | null;
  rosteredDays: number;
  presentDays: number;
  lateCount: number;
  earlyCount: number;
  absentDays: number;
  leaveDays: number;
  lateMinutes: number;
  earlyMinutes: number;
  days: { day: string; status: string; clockIn: number | null; clockOut: number | null }[];
}
export interface ClockRecord {
  id: string;
  userId: string;
  userName: string;
  day: string;
  kind: string;
  at: number;
  windowId: string | null;
  standInId: string | null;
  standInName: string | null;
  reason: string | null;
}
export interface Leave {
  id: string;
  hallId: string;
  userId: string;
  userName: string;
  kind: LeaveKind;
  fromDay: string;
  toDay: string;
  workingDays: number;
  reason: string;
  contact: string;
  bUserId: string;
  bUserName: string;
  bConfirmedAt: number | null;
  approverRole: string;
  status: LeaveStatus;
  decidedByName: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
  createdAt: number;
}
export interface MyCover {
  actingFor: { userId: string; name: string }[];
  actedBy: { userId: string; name: string; reason: string } | null;
}

const key = ['staff'] as const;

export const useStaffFiles = (hallId?: string, enabled = true) =>
  useQuery({
    queryKey: [...key, 'people', hallId],
    enabled: !!hallId && enabled,
    queryFn: () => api.get<{ items: StaffFile[] }>('/api/staff/people', { hallId }),
  });
export const useColleagues = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'colleagues', hallId],
    enabled: !!hallId,
    queryFn: () =>
      api.get<{ items: { userId: string; name: string; posts: string[] }[] }>('/api/staff/colleagues', { hallId }),
  });
export const usePairs = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'pairs', hallId],
    enabled: !!hallId,
    queryFn: () => api.get<{ items: AbPair[] }>('/api/staff/pairs', { hallId }),
  });
export const useRoster = (hallId?: string, week?: string) =>
  useQuery({
    queryKey: [...key, 'roster', hallId, week],
    enabled: !!hallId && !!week,
    queryFn: () => api.get<Roster>('/api/staff/roster', { hallId, week }),
  });
export const useSheet = (hallId?: string, month?: string, enabled = true) =>
  useQuery({
    queryKey: [...key, 'sheet', hallId, month],
    enabled: !!hallId && !!month && enabled,
    queryFn: () =>
      api.get<{ month: string; workingDays: number; rows: SheetRow[]; clocks: ClockRecord[] }>(
        '/api/staff/attendance',
        { hallId, month },
      ),
  });
export const useLeaves = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'leaves', hallId],
    enabled: !!hallId,
    queryFn: () => api.get<{ items: Leave[] }>('/api/staff/leaves', { hallId }),
  });
export const useMyCover = (enabled = true) =>
  useQuery({
    queryKey: [...key, 'cover'],
    enabled,
    queryFn: () => api.get<MyCover>('/api/staff/me/cover'),
  });

export const attendanceExportUrl = (hallId: string, month: string) =>
  `/api/staff/attendance/export?hallId=${encodeURIComponent(hallId)}&month=${encodeURIComponent(month)}`;

function useStaffMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useSaveProfile = () =>
  useStaffMutation(
    (v: {
      hallId: string;
      userId: string;
      staffNo: string;
      windowIds: string[];
      entryDate: string | null;
      confidentialitySigned: boolean;
    }) =>
      api.put<StaffFile>(
        `/api/staff/people/${encodeURIComponent(v.userId)}/profile?hallId=${encodeURIComponent(v.hallId)}`,
        {
          staffNo: v.staffNo,
          windowIds: v.windowIds,
          entryDate: v.entryDate,
          confidentialitySigned: v.confidentialitySigned,
        },
      ),
  );
export const useAddPair = () =>
  useStaffMutation((v: Omit<AbPair, 'id' | 'aName' | 'bName'>) => api.post<AbPair>('/api/staff/pairs', v));
export const useRemovePair = () =>
  useStaffMutation((id: string) => request<{ ok: boolean }>('DELETE', `/api/staff/pairs/${encodeURIComponent(id)}`));
export const useSaveRoster = () =>
  useStaffMutation((v: { hallId: string; week: string; slots: RosterSlot[] }) =>
    api.put<Roster>('/api/staff/roster', v),
  );
export const useCopyRoster = () =>
  useStaffMutation((v: { hallId: string; fromWeek: string; toWeek: string }) =>
    api.post<Roster>('/api/staff/roster/copy', v),
  );
export const useClock = () =>
  useStaffMutation(
    (v: {
      hallId: string;
      kind: 'in' | 'out' | 'away' | 'back';
      windowId?: string | null;
      standInId?: string | null;
      reason?: string | null;
    }) => api.post<ClockRecord>('/api/staff/clock', v),
  );
export const useRequestLeave = () =>
  useStaffMutation(
    (v: {
      hallId: string;
      kind: LeaveKind;
      fromDay: string;
      toDay: string;
      reason: string;
      contact: string;
      bUserId: string;
    }) => api.post<Leave>('/api/staff/leaves', v),
  );
export const useConfirmLeave = () =>
  useStaffMutation((id: string) => api.post<Leave>(`/api/staff/leaves/${encodeURIComponent(id)}/confirm`));
export const useDecideLeave = () =>
  useStaffMutation((v: { id: string; approve: boolean; note: string }) =>
    api.post<Leave>(`/api/staff/leaves/${encodeURIComponent(v.id)}/decide`, { approve: v.approve, note: v.note }),
  );
export const useCancelLeave = () =>
  useStaffMutation((id: string) => api.post<Leave>(`/api/staff/leaves/${encodeURIComponent(id)}/cancel`));
