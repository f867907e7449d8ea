import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type DeliveryState = 'pending' | 'retrying' | 'delivered' | 'failed';
export const DELIVERY_STATES: DeliveryState[] = ['pending', 'delivered', 'retrying', 'failed'];

/** A machine client's endpoint (推送地址); its secret is never listed, only shown once when made or rotated. */
export interface WebhookEndpoint {
  id: string;
  name: string;
  url: string;
  events: string[];
  hallIds: string[];
  active: boolean;
  secretRotatedAt: number;
  createdAt: number;
  updatedAt: number;
}

export interface EndpointInput {
  name: string;
  url: string;
  events: string[];
  hallIds: string[];
  active: boolean;
}

export interface WebhookDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  eventType: string;
  eventLabel: string;
  caseId: string | null;
  caseNo: string | null;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
  payload: string;
  log: { at: number; statusCode: number | null; ok: boolean; error: string | null; durationMs: number }[];
}

const key = ['webhooks'];

export const useWebhookEventTypes = () =>
  useQuery({
    queryKey: [...key, 'event-types'],
    queryFn: () => api.get<{ items: { type: string; label: string }[] }>('/api/webhooks/event-types'),
  });

export const useWebhookEndpoints = () =>
  useQuery({
    queryKey: [...key, 'endpoints'],
    queryFn: () => api.get<{ items: WebhookEndpoint[]; total: number }>('/api/webhooks/endpoints'),
  });

export function useWebhookDeliveries(q: {
  endpointId?: string;
  state?: DeliveryState;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...key, 'deliveries', q],
    queryFn: () => api.get<{ items: WebhookDelivery[]; total: number }>('/api/webhooks/deliveries', { ...q }),
    enabled: !!q.endpointId,
    // The worker sends every few seconds: the log follows it while the page is open.
    refetchInterval: 5_000,
  });
}

function useWebhookMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

type WithSecret = { endpoint: WebhookEndpoint; secret: string };
const at = (id: string, tail = '') => `/api/webhooks/endpoints/${encodeURIComponent(id)}${tail}`;

export const useCreateEndpoint = () =>
  useWebhookMutation((v: EndpointInput) => api.post<WithSecret>('/api/webhooks/endpoints', v));
export const useUpdateEndpoint = () =>
  useWebhookMutation((v: EndpointInput & { id: string }) => {
    const { id, ...body } = v;
    return api.put<WebhookEndpoint>(at(id), body);
  });
export const useRotateSecret = () => useWebhookMutation((id: string) => api.post<WithSecret>(at(id, '/rotate-secret')));
export const useSendTestEvent = () => useWebhookMutation((id: string) => api.post<WebhookDelivery>(at(id, '/test')));
export const useResendDelivery = () =>
  useWebhookMutation((id: string) =>
    api.post<WebhookDelivery>(`/api/webhooks/deliveries/${encodeURIComponent(id)}/resend`),
  );
