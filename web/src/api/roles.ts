import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';
import type { Role } from './types';

export type PermissionInfo = Item<Answer<'/api/permissions'>>;
export type PowerClass = PermissionInfo['powerClass'];
export type CustomRoleInput = Body<'/api/roles', 'post'>;

export function usePermissions() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api.get<Answer<'/api/permissions'>>('/api/permissions'),
    staleTime: 10 * 60_000,
  });
}

function useRoleMutation<V>(fn: (v: V) => Promise<Role>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['roles'] }) });
}

export const useCreateRole = () => useRoleMutation((v: CustomRoleInput) => api.post<Role>('/api/roles', v));
export const useUpdateRole = () =>
  useRoleMutation(({ code, values }: { code: string; values: Omit<CustomRoleInput, 'code'> }) =>
    api.patch<Role>(`/api/roles/${code}`, values),
  );
export const useRetireRole = () => useRoleMutation((code: string) => api.post<Role>(`/api/roles/${code}/retire`));
