import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { Answer, Body, Item } from './contract';

export type StaffFileList = Answer<'/api/staff/people'>;
export type StaffFile = Item<StaffFileList>;
export type StaffColleagueList = Answer<'/api/staff/colleagues'>;
export type PairList = Answer<'/api/staff/pairs'>;
export type AbPair = Item<PairList>;
export type PairInput = Body<'/api/staff/pairs', 'post'>;
export type Roster = Answer<'/api/staff/roster'>;
export type RosterSlot = Roster['slots'][number];
export type RosterSession = RosterSlot['session'];
export type RosterInput = Body<'/api/staff/roster', 'put'>;
/** A slot as the roster editor sends it (the name is the server's to add). */
export type RosterSlotInput = RosterInput['slots'][number];
export type RosterCopy = Body<'/api/staff/roster/copy', 'post'>;
export type AttendanceSheet = Answer<'/api/staff/attendance'>;
export type SheetRow = AttendanceSheet['rows'][number];
export type ClockRecord = AttendanceSheet['clocks'][number];
export type ClockInput = Body<'/api/staff/clock', 'post'>;
export type LeaveList = Answer<'/api/staff/leaves'>;
export type Leave = Item<LeaveList>;
export type LeaveKind = Leave['kind'];
export type LeaveStatus = Leave['status'];
export type LeaveRequest = Body<'/api/staff/leaves', 'post'>;
export type LeaveDecision = Body<'/api/staff/leaves/{id}/decide', 'post'>;
export type ProfileInput = Body<'/api/staff/people/{id}/profile', 'put'>;
export type MyCover = Answer<'/api/staff/me/cover'>;

const key = ['staff'] as const;

export const useStaffFiles = (hallId?: string, enabled = true) =>
  useQuery({
    queryKey: [...key, 'people', hallId],
    enabled: !!hallId && enabled,
    queryFn: () => api.get<StaffFileList>('/api/staff/people', { hallId }),
  });
export const useColleagues = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'colleagues', hallId],
    enabled: !!hallId,
    queryFn: () => api.get<StaffColleagueList>('/api/staff/colleagues', { hallId }),
  });
export const usePairs = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'pairs', hallId],
    enabled: !!hallId,
    queryFn: () => api.get<PairList>('/api/staff/pairs', { hallId }),
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
    queryFn: () => api.get<AttendanceSheet>('/api/staff/attendance', { hallId, month }),
  });
export const useLeaves = (hallId?: string) =>
  useQuery({
    queryKey: [...key, 'leaves', hallId],
    enabled: !!hallId,
    queryFn: () => api.get<LeaveList>('/api/staff/leaves', { hallId }),
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
  useStaffMutation((v: ProfileInput & { hallId: string; userId: string }) =>
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
export const useAddPair = () => useStaffMutation((v: PairInput) => api.post<AbPair>('/api/staff/pairs', v));
export const useRemovePair = () =>
  useStaffMutation((id: string) => request<{ ok: boolean }>('DELETE', `/api/staff/pairs/${encodeURIComponent(id)}`));
export const useSaveRoster = () => useStaffMutation((v: RosterInput) => api.put<Roster>('/api/staff/roster', v));
export const useCopyRoster = () => useStaffMutation((v: RosterCopy) => api.post<Roster>('/api/staff/roster/copy', v));
export const useClock = () => useStaffMutation((v: ClockInput) => api.post<ClockRecord>('/api/staff/clock', v));
export const useRequestLeave = () => useStaffMutation((v: LeaveRequest) => api.post<Leave>('/api/staff/leaves', v));
export const useConfirmLeave = () =>
  useStaffMutation((id: string) => api.post<Leave>(`/api/staff/leaves/${encodeURIComponent(id)}/confirm`));
export const useDecideLeave = () =>
  useStaffMutation((v: LeaveDecision & { id: string }) =>
    api.post<Leave>(`/api/staff/leaves/${encodeURIComponent(v.id)}/decide`, { approve: v.approve, note: v.note }),
  );
export const useCancelLeave = () =>
  useStaffMutation((id: string) => api.post<Leave>(`/api/staff/leaves/${encodeURIComponent(id)}/cancel`));
