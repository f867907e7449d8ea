import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Department, Hall, ListResult, ServiceWindow } from './types';

export function useHalls(enabled = true) {
  return useQuery({
    queryKey: ['halls'],
    queryFn: () => api.get<ListResult<Hall>>('/api/halls'),
    enabled,
  });
}

export function useDepartments(hallId?: string, enabled = true) {
  return useQuery({
    queryKey: ['departments', hallId ?? null],
    queryFn: () => api.get<ListResult<Department>>('/api/departments', { hallId }),
    enabled,
  });
}

export function useWindows(hallId?: string) {
  return useQuery({
    queryKey: ['windows', hallId ?? null],
    queryFn: () => api.get<ListResult<ServiceWindow>>('/api/windows', { hallId }),
  });
}

export type HallInput = Omit<Hall, 'id'>;
export type DepartmentInput = Omit<Department, 'id'>;
export type WindowInput = Omit<ServiceWindow, 'id' | 'status'> & { status?: ServiceWindow['status'] };

/** Create (no id) or patch (with id) one organisation record, then refresh its lists. */
function useSave<TInput, TOut>(resource: string, listKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values }: { id?: string; values: Partial<TInput> }) =>
      id ? api.patch<TOut>(`/api/${resource}/${id}`, values) : api.post<TOut>(`/api/${resource}`, values),
    onSuccess: () => qc.invalidateQueries({ queryKey: [listKey] }),
  });
}

export const useSaveHall = () => useSave<HallInput, Hall>('halls', 'halls');
export const useSaveDepartment = () => useSave<DepartmentInput, Department>('departments', 'departments');
export const useSaveWindow = () => useSave<WindowInput, ServiceWindow>('windows', 'windows');
