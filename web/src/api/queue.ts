import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { Answer, Body, Item } from './contract';

export type KioskCategoryList = Answer<'/api/public/halls/{hallId}/queue/categories'>;
export type KioskCategory = Item<KioskCategoryList>;
export type QueueCategoryList = Answer<'/api/queue/categories'>;
export type QueueCategory = Item<QueueCategoryList>;
export type Ticket = Answer<'/api/public/queue/tickets/{ticketId}'>;
export type Priority = Ticket['priority'];
export type TicketStatus = Ticket['status'];
export type OutcomeKind = NonNullable<Ticket['outcomeKind']>;
export type QueueWindowList = Answer<'/api/queue/windows'>;
export type QueueWindow = Item<QueueWindowList>;
export type WindowState = QueueWindow['state'];
export type KioskSettings = Answer<'/api/public/halls/{hallId}/kiosk'>;
export type DisplaySnapshot = Answer<'/api/public/halls/{hallId}/display'>;
export type PadState = Answer<'/api/public/pads/{windowId}'>;
export type PadRating = Body<'/api/public/pads/{windowId}/ratings', 'post'>;
export type RatingLevel = PadRating['level'];
export type PadToken = Answer<'/api/rating/pads/{windowId}/token', 'post'>;
export type FollowUpList = Answer<'/api/rating/follow-ups'>;
export type FollowUp = Item<FollowUpList>;
export type HallQueueSettings = Answer<'/api/queue/halls/{hallId}/settings'>;
export type CategoryInput = Omit<Body<'/api/queue/categories', 'post'>, 'hallId'>;
/** The day's tickets by how they ended; expired ones (闭厅未叫号) count as unfinished. */
export type DaySummary = Answer<'/api/queue/day-summary'>;

export const useKioskCategories = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'kiosk', hallId],
    queryFn: () => api.get<KioskCategoryList>(`/api/public/halls/${hallId}/queue/categories`),
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
    queryFn: () => api.get<KioskSettings>(`/api/public/halls/${hallId}/kiosk`),
    enabled: !!hallId,
    refetchInterval: 60_000,
  });

export const ticketPrintUrl = (id: string) => `/api/public/queue/tickets/${id}/print`;

export const fetchDisplay = (hallId: string) => api.get<DisplaySnapshot>(`/api/public/halls/${hallId}/display`);

export const useQueueWindows = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'windows', hallId],
    queryFn: () => api.get<QueueWindowList>('/api/queue/windows', { hallId }),
    enabled: !!hallId,
    refetchInterval: 10_000,
  });

export const useQueueCategories = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'categories', hallId],
    queryFn: () => api.get<QueueCategoryList>('/api/queue/categories', { hallId }),
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

export const issuePadToken = (windowId: string) => api.post<PadToken>(`/api/rating/pads/${windowId}/token`);

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
    queryFn: () => api.get<FollowUpList>('/api/rating/follow-ups', { status }),
  });

export function useCallBack() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      request<FollowUp>('POST', `/api/rating/follow-ups/${id}/call-back`, { body: { note } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['rating', 'follow-ups'] }),
  });
}

export const useHallQueueSettings = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['queue', 'settings', hallId],
    queryFn: () => api.get<HallQueueSettings>(`/api/queue/halls/${hallId}/settings`),
    enabled: !!hallId,
  });

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
