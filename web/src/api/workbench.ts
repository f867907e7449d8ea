import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** GET /api/home/workbench: one's own work in counts, a section per role held (null when not held). */
export interface Workbench {
  today: string;
  monthStart: string;
  clerk: {
    receivedToday: number;
    awaitingSupplement: number;
    awaitingCollection: number;
    consultationsOpen: number;
    window: {
      id: string;
      number: number;
      name: string;
      state: 'open' | 'paused' | 'closed';
      waiting: number;
      servedToday: number;
    } | null;
  } | null;
  backoffice: { total: number; green: number; yellow: number; red: number; overdue: number; dueToday: number } | null;
  supervisor: {
    boardRed: number;
    boardYellow: number;
    alertsUnread: number;
    followUps: number;
    complaintsOpen: number;
    complaintsDueSoon: number;
    rectificationsOverdue: number;
    leavesToApprove: number;
    uncovered: number;
  } | null;
  inspector: {
    rectificationsToVerify: number;
    rectificationsOpen: number;
    rectificationsOverdue: number;
    sampleUnchecked: number;
    findingsThisMonth: number;
  } | null;
  head: {
    receivedThisMonth: number;
    onTimeFinished: number;
    onTimeRate: number | null;
    complaintsOpen: number;
    leavesToApprove: number;
    approvals: number;
  } | null;
  /** 上级交办: one's own open tasks handed down and the overdue ones among them. */
  tasks: { open: number; overdue: number };
  /** 考核 of last month in one's first hall: 待签发 for the head, 待审核 for the supervisor (null: not theirs). */
  assessment: { hallId: string; period: string; toSign: number | null; toReview: number | null } | null;
}

export function useWorkbench() {
  return useQuery({
    queryKey: ['home', 'workbench'],
    queryFn: () => api.get<Workbench>('/api/home/workbench'),
    refetchInterval: 60_000,
  });
}
