import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Body, QueryOf } from './contract';
import type { ListResult, Policy, Role, User } from './types';

export type UserQuery = QueryOf<'/api/users'> & { page: number; pageSize: number };

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: ['users', query],
    queryFn: () => api.get<ListResult<User>>('/api/users', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<{ items: Role[] }>('/api/roles'),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export type UserCreateInput = Body<'/api/users', 'post'>;
export type UserPatchInput = Body<'/api/users/{id}', 'patch'>;

function useUserMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }) });
}

export const useCreateUser = () => useUserMutation((v: UserCreateInput) => api.post<User>('/api/users', v));
export const usePatchUser = () =>
  useUserMutation(({ id, values }: { id: string; values: UserPatchInput }) =>
    api.patch<User>(`/api/users/${id}`, values),
  );
export const useUnlockUser = () => useUserMutation((id: string) => api.post<User>(`/api/users/${id}/unlock`));
export const useResetPassword = () =>
  useUserMutation(({ id, initialPassword }: { id: string; initialPassword: string }) =>
    api.post<void>(`/api/users/${id}/reset-password`, { initialPassword }),
  );

export const useSetAuthority = () =>
  useUserMutation(({ id, authorityLevel }: { id: string; authorityLevel: User['authorityLevel'] }) =>
    api.put<User>(`/api/users/${id}/authority`, { authorityLevel }),
  );
export const useResetTotp = () => useUserMutation((id: string) => api.post<void>(`/api/users/${id}/reset-totp`));

export function usePolicy() {
  return useQuery({ queryKey: ['policy'], queryFn: () => api.get<Policy>('/api/security/policy') });
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: Policy) => api.put<Policy>('/api/security/policy', p),
    onSuccess: (p) => qc.setQueryData(['policy'], p),
  });
}
