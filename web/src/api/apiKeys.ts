import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListResult } from './types';

export interface ApiKey {
  id: string;
  name: string;
  holderOrg: string;
  holderContact: string;
  prefix: string;
  permissions: string[];
  hallIds: string[];
  ratePerMinute: number;
  expiresAt: number;
  state: 'active' | 'revoked' | 'expired';
  createdBy: string;
  createdAt: number;
  revokedAt: number | null;
  revokeReason: string | null;
  lastUsedAt: number | null;
  lastUsedIp: string | null;
  secrets: { prefix: string; createdAt: number; retiresAt: number | null }[];
}
/** An issue's or a rotation's answer: the whole key, this once (null on a replayed retry). */
export interface IssuedKey {
  key: ApiKey;
  secret: string | null;
}
export interface ScopeGroup {
  code: string;
  name: string;
  nameEn: string;
  permissions: string[];
}
export interface ApiKeyEvent {
  at: number;
  action: 'issue' | 'rotate' | 'rescope' | 'revoke';
  actorName: string;
  reason: string | null;
  detail: Record<string, unknown> | null;
}
export interface ApiKeyInput {
  name: string;
  holderOrg: string;
  holderContact: string;
  permissions: string[];
  hallIds: string[];
  expiresAt: number;
  ratePerMinute?: number;
}

export const useApiKeys = () =>
  useQuery({ queryKey: ['api-keys'], queryFn: () => api.get<ListResult<ApiKey>>('/api/api-keys') });

export const useKeyScopes = () =>
  useQuery({
    queryKey: ['api-keys', 'scopes'],
    queryFn: () => api.get<ListResult<ScopeGroup>>('/api/api-keys/scopes'),
    staleTime: 10 * 60_000,
  });

export const useKeyEvents = (id: string | null) =>
  useQuery({
    queryKey: ['api-keys', id, 'events'],
    queryFn: () => api.get<ListResult<ApiKeyEvent>>(`/api/api-keys/${id}/events`),
    enabled: id !== null,
  });

function useKeyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['api-keys'] }) });
}

// One Idempotency-Key per issue: a retried click or a lost answer never issues a second key.
export const useIssueKey = () =>
  useKeyMutation(({ input, idempotencyKey }: { input: ApiKeyInput; idempotencyKey: string }) =>
    api.post<IssuedKey>('/api/api-keys', input, { headers: { 'Idempotency-Key': idempotencyKey } }),
  );
export const useRotateKey = () =>
  useKeyMutation(({ id, graceDays, reason }: { id: string; graceDays: number; reason?: string }) =>
    api.post<IssuedKey>(`/api/api-keys/${id}/rotate`, { graceDays, ...(reason ? { reason } : {}) }),
  );
export const useRevokeKey = () =>
  useKeyMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<ApiKey>(`/api/api-keys/${id}/revoke`, { reason }),
  );
export const useRescopeKey = () =>
  useKeyMutation(({ id, patch }: { id: string; patch: Partial<Omit<ApiKeyInput, 'name'>> & { reason: string } }) =>
    api.patch<ApiKey>(`/api/api-keys/${id}`, patch),
  );
