import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth';
import { api } from './client';
import type { ListResult } from './types';

export interface TotpStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

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
  useTotpMutation(() => api.post<{ secret: string; otpauthUri: string; qrDataUrl: string }>('/api/auth/totp/setup'));
export const useEnableTotp = () =>
  useTotpMutation((code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/enable', { code }));
export const useNewRecoveryCodes = () =>
  useTotpMutation((code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/totp/recovery-codes', { code }));
export const useDisableTotp = () =>
  useTotpMutation((password: string) => api.post<void>('/api/auth/totp/disable', { password }));

export type AdminRequestKind = 'create' | 'update' | 'reset_password' | 'reset_totp';
export interface AdminRequest {
  id: string;
  kind: AdminRequestKind;
  targetUserId: string | null;
  targetUsername: string | null;
  summary: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled';
  requestedByName: string;
  requestedAt: number;
  decidedByName: string | null;
  decidedAt: number | null;
  note: string | null;
  canDecide: boolean;
  canCancel: boolean;
}

export function useAdminRequests(status: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['admin-requests', status],
    queryFn: () => api.get<ListResult<AdminRequest>>('/api/admin-requests', { status, limit: 100 }),
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
