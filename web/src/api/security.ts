import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth';
import { api } from './client';
import type { Answer, Item } from './contract';

export type TotpStatus = Answer<'/api/auth/totp'>;

export function useTotpStatus() {
  return useQuery({ queryKey: ['auth', 'totp'], queryFn: () => api.get<TotpStatus>('/api/auth/totp') });
}

function useTotpMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['auth', 'totp'] });
      await qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

export const useStartTotp = () =>
  useTotpMutation(() => api.post<Answer<'/api/auth/totp/setup', 'post'>>('/api/auth/totp/setup'));
export const useEnableTotp = () =>
  useTotpMutation((code: string) =>
    api.post<Answer<'/api/auth/totp/enable', 'post'>>('/api/auth/totp/enable', { code }),
  );
export const useNewRecoveryCodes = () =>
  useTotpMutation((code: string) =>
    api.post<Answer<'/api/auth/totp/recovery-codes', 'post'>>('/api/auth/totp/recovery-codes', { code }),
  );
export const useDisableTotp = () =>
  useTotpMutation((password: string) => api.post<void>('/api/auth/totp/disable', { password }));

export type AdminRequestList = Answer<'/api/admin-requests'>;
export type AdminRequest = Item<AdminRequestList>;
export type AdminRequestKind = AdminRequest['kind'];

export function useAdminRequests(status: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['admin-requests', status],
    queryFn: () => api.get<AdminRequestList>('/api/admin-requests', { status, limit: 100 }),
    enabled,
  });
}

/** Asks for a change to an administrator account; a second administrator approves it. */
export function useRequestAdminChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<AdminRequest>('/api/admin-requests', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-requests'] }),
  });
}

export function useDecideAdminRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'approve' | 'reject' | 'cancel'; note?: string }) =>
      api.post<AdminRequest>(`/api/admin-requests/${id}/${decision}`, note ? { note } : {}),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['admin-requests'] });
      await qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

/** The three administrator roles; their accounts change only through an approved request. */
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'];
export const holdsAdminRole = (roles: readonly string[] | undefined) => !!roles?.some((r) => ADMIN_ROLES.includes(r));
