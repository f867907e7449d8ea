import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isApiError, request } from './client';
import type { Me } from './types';

export const meKey = ['auth', 'me'] as const;

let sessionExpired = false;
/** Set when an API call finds the session gone (idle/absolute timeout); the login page then says so. */
export function markSessionExpired(): void {
  sessionExpired = true;
}
export function isSessionExpired(): boolean {
  return sessionExpired;
}

export async function fetchMe(): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/api/auth/me', { noAuthRedirect: true });
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** Returns a permission predicate for the signed-in user. */
export function useCan(): (perm: string) => boolean {
  const { data } = useMe();
  const perms = data?.permissions;
  return useCallback((perm: string) => !!perms?.includes(perm), [perms]);
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string; totpCode?: string }) =>
      request<{ user: Me }>('POST', '/api/auth/login', { body, noAuthRedirect: true }),
    onSuccess: (res) => {
      sessionExpired = false;
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(meKey, res.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<void>('POST', '/api/auth/logout', { noAuthRedirect: true }),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      request<void>('POST', '/api/auth/password', { body }),
    onSuccess: async () => {
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, mustChangePassword: false } : me));
      await qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

/** Whether the database was created in demo mode (the login page then shows the demo banner). */
export function useSystemMode() {
  return useQuery({
    queryKey: ['auth', 'mode'],
    queryFn: () => request<{ demo: boolean }>('GET', '/api/auth/mode', { noAuthRedirect: true }),
    staleTime: 5 * 60_000,
  });
}
