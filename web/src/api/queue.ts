import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { ListResult } from './types';

export type Priority = 'normal' | 'green' | 'elderly' | 'disabled' | 'appointment';
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled' | 'expired';
export type WindowState = 'closed' | 'open' | 'paused';
export type OutcomeKind = 'consultation' | 'case' | 'none';
export type RatingLevel = 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'very_dissatisfied';

export interface KioskCategory {
  id: string;
  prefix: string;
  name: string;
  description: string;
  waiting: number;
  openWindows: number;
  estimatedWaitMinutes: number;
}

export interface QueueCategory {
  id: string;
  hallId: string;
  prefix: string;
  name: string;
  description: string;
  windowIds: string[];
  defaultServiceMinutes: number;
  sortOrder: number;
  active: boolean;
}

export interface Ticket {
  id: string;
  hallId: string;
  hallName: string;
  number: string;
  categoryId: string;
  categoryName: string;
  priority: Priority;
  appointmentAt: number | null;
  arrivedAt: number;
  status: TicketStatus;
  windowId: string | null;
  windowNumber: number | null;
  walkIn: boolean;
  recallCount: number;
  calledAt: number | null;
  servingStartedAt: number | null;
  transfers: number;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
}

export interface QueueWindow {
  id: string;
  hallId: string;
  number: number;
  name: string;
  state: WindowState;
  pauseReason: string | null;
  openedBy: string | null;
  openedByName: string | null;
  categoryIds: string[];
  waitingForMe: number;
  current: Ticket | null;
}

export interface DisplaySnapshot {
  hall: { id: string; name: string };
  windows: { id: string; number: number; name: string; state: WindowState; currentNumber: string | null }[];
  recentCalls: {
    ticketId: string;
    number: string;
    windowNumber: number;
    windowName: string;
    at: number;
    recall: number;
  }[];
  categories: KioskCategory[];
  /** The hall's notices (公告), set by the supervisor in 叫号设置. */
  notices: string[];
  /** 客流拥挤提示 while the hall's crowding alarm stands. */
  alarmNotice: string | null;
}

export interface PadState {
  window: { id: string; number: number; name: string; hallName: string };
  pending: { ticketId: string; number: string; staffName: string | null; finishedAt: number } | null;
}

export interface FollowUp {
  id: string;
  status: 'open' | 'called_back';
  dueDay: string;
  light: 'green' | 'yellow' | 'red';
  rating: { level: RatingLevel; reasons: string[]; comment: string; createdAt: number };
  ticketNumber: string;
  windowNumber: number | null;
  staffName: string | null;
  outcomeKind: string | null;
  outcomeId: string | null;
  note: string;
  calledBackAt: number | null;
  calledBackBy: string | null;
}

export const useKioskCategories = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'kiosk', hallId],
    queryFn: () => api.get<ListResult<KioskCategory>>(`/api/public/halls/${hallId}/queue/categories`),
    enabled: !!hallId,
    refetchInterval: 15_000,
  });

export const takeTicket = (hallId: string, categoryId: string, priority: Priority) =>
  api.post<Ticket>(`/api/public/halls/${hallId}/queue/tickets`, { categoryId, priority });

export const usePublicTicket = (id: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'ticket', id],
    queryFn: () => api.get<Ticket>(`/api/public/queue/tickets/${id}`),
    enabled: !!id,
    refetchInterval: 10_000,
  });

/** The kiosk's own settings: seconds untouched before it returns to its start screen, the public address for QR codes. */
export const useKioskSettings = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'kiosk-settings', hallId],
    queryFn: () => api.get<{ idleSeconds: number; publicBaseUrl: string }>(`/api/public/halls/${hallId}/kiosk`),
    enabled: !!hallId,
    refetchInterval: 60_000,
  });

export const ticketPrintUrl = (id: string) => `/api/public/queue/tickets/${id}/print`;

export const fetchDisplay = (hallId: string) => api.get<DisplaySnapshot>(`/api/public/halls/${hallId}/display`);

export const useQueueWindows = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'windows', hallId],
    queryFn: () => api.get<ListResult<QueueWindow>>('/api/queue/windows', { hallId }),
    enabled: !!hallId,
    refetchInterval: 10_000,
  });

export const useQueueCategories = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'categories', hallId],
    queryFn: () => api.get<ListResult<QueueCategory>>('/api/queue/categories', { hallId }),
    enabled: !!hallId,
  });

/** One window action; the window list is refreshed after it. */
export function useWindowAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => api.post<unknown>(path, body ?? {}),
    onSettled: () => qc.invalidateQueries({ queryKey: ['queue', 'windows'] }),
  });
}

export const issuePadToken = (windowId: string) =>
  api.post<{ windowId: string; token: string; padPath: string }>(`/api/rating/pads/${windowId}/token`);

const padHeaders = (token: string) => ({
  Accept: 'application/json',
  'Content-Type': 'application/json',
  'x-pad-token': token,
});

/** The pad authenticates with its own token, not a staff session. */
export async function padFetch<T>(path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body ? 'POST' : 'GET',
    headers: padHeaders(token),
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = (await res.json().catch(() => ({}))) as T & { message?: string; code?: string };
  if (!res.ok)
    throw Object.assign(new Error(data.message ?? `HTTP ${res.status}`), { status: res.status, code: data.code });
  return data;
}

export const useFollowUps = (status: 'open' | 'called_back' | undefined) =>
  useQuery({
    queryKey: ['rating', 'follow-ups', status],
    queryFn: () => api.get<ListResult<FollowUp>>('/api/rating/follow-ups', { status }),
  });

export function useCallBack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      request<FollowUp>('POST', `/api/rating/follow-ups/${id}/call-back`, { body: { note } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rating', 'follow-ups'] }),
  });
}

export interface HallQueueSettings {
  recallLimit: number;
  priorityWeights: Record<Priority, number>;
  appointmentEarlyMinutes: number;
  ratingWindowMinutes: number;
  kioskIdleSeconds: number;
  displayNotices: string[];
}

export interface CategoryInput {
  prefix: string;
  name: string;
  description: string;
  windowIds: string[];
  defaultServiceMinutes: number;
  sortOrder: number;
  active: boolean;
}

export const useHallQueueSettings = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'settings', hallId],
    queryFn: () => api.get<HallQueueSettings>(`/api/queue/halls/${hallId}/settings`),
    enabled: !!hallId,
  });

/** The day's tickets by how they ended; expired ones (闭厅未叫号) count as unfinished. */
export interface DaySummary {
  day: string;
  issued: number;
  waiting: number;
  inService: number;
  done: number;
  noShow: number;
  expired: number;
  cancelled: number;
  unfinished: number;
}

export const useDaySummary = (hallId: string | undefined, day: string) =>
  useQuery({
    queryKey: ['queue', 'day-summary', hallId, day],
    queryFn: () => api.get<DaySummary>('/api/queue/day-summary', { hallId, day }),
    enabled: !!hallId,
    refetchInterval: 30_000,
  });

/** Saves a category (new when no id) or the hall's floor settings; refreshes what the setup page shows. */
export function useQueueSetup() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['queue'] });
  return {
    saveCategory: useMutation({
      mutationFn: ({ id, hallId, input }: { id?: string; hallId: string; input: CategoryInput }) =>
        id
          ? api.patch<QueueCategory>(`/api/queue/categories/${id}`, input)
          : api.post<QueueCategory>('/api/queue/categories', { ...input, hallId }),
      onSuccess: done,
    }),
    saveSettings: useMutation({
      mutationFn: ({ hallId, settings }: { hallId: string; settings: HallQueueSettings }) =>
        api.put<HallQueueSettings>(`/api/queue/halls/${hallId}/settings`, settings),
      onSuccess: done,
    }),
  };
}
