import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body } from './contract';
import type { Department, Hall, ServiceWindow } from './types';

export function useHalls(enabled = true) {
  return useQuery({
    queryKey: ['halls'],
    queryFn: () => api.get<Answer<'/api/halls'>>('/api/halls'),
    enabled,
  });
}

export function useDepartments(hallId?: string, enabled = true) {
  return useQuery({
    queryKey: ['departments', hallId ?? null],
    queryFn: () => api.get<Answer<'/api/departments'>>('/api/departments', { hallId }),
    enabled,
  });
}

export function useWindows(hallId?: string) {
  return useQuery({
    queryKey: ['windows', hallId ?? null],
    queryFn: () => api.get<Answer<'/api/windows'>>('/api/windows', { hallId }),
  });
}

export type HallInput = Body<'/api/halls', 'post'>;
export type HallChange = Body<'/api/halls/{id}', 'patch'>;
export type DepartmentInput = Body<'/api/departments', 'post'>;
/** The hall of an existing department is fixed. */
export type DepartmentChange = Body<'/api/departments/{id}', 'patch'>;
export type WindowChange = Body<'/api/windows/{id}', 'patch'>;
/** The window form: what creating one sends, and its status once it exists. */
export type WindowInput = Body<'/api/windows', 'post'> & Pick<WindowChange, 'status'>;

/** Create (no id) or patch (with id) one organisation record, then refresh its lists. */
function useSave<TCreate, TChange, TOut>(resource: string, listKey: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: undefined; values: TCreate } | { id: string; values: TChange }) =>
      v.id ? api.patch<TOut>(`/api/${resource}/${v.id}`, v.values) : api.post<TOut>(`/api/${resource}`, v.values),
    onSuccess: () => qc.invalidateQueries({ queryKey: [listKey] }),
  });
}

export const useSaveHall = () => useSave<HallInput, HallChange, Hall>('halls', 'halls');
export const useSaveDepartment = () =>
  useSave<DepartmentInput, DepartmentChange, Department>('departments', 'departments');
export const useSaveWindow = () =>
  useSave<Body<'/api/windows', 'post'>, WindowChange, ServiceWindow>('windows', 'windows');
