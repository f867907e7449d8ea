import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from './client';
import type { QueryOf } from './contract';
import type {
  ItemContent,
  ItemDetail,
  ItemSummary,
  ItemVersion,
  ListResult,
  MaterialFile,
  MaterialFileKind,
} from './types';

export type ItemQuery = QueryOf<'/api/catalog/items'> & { page: number; pageSize: number };

export function useItems(query: ItemQuery, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'items', query],
    queryFn: () => api.get<ListResult<ItemSummary>>('/api/catalog/items', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useItem(id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'item', id],
    queryFn: () => api.get<ItemDetail>(`/api/catalog/items/${id}`),
    enabled: !!id,
  });
}

export function useItemVersion(id: string | undefined, version: number | null) {
  return useQuery({
    queryKey: ['catalog', 'item', id, 'version', version],
    queryFn: () => api.get<ItemVersion>(`/api/catalog/items/${id}/versions/${version}`),
    enabled: !!id && version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Mutations on one item: each returns the fresh ItemDetail and primes the cache with it. */
export function useItemMutations() {
  const qc = useQueryClient();
  const done = (d: ItemDetail) => {
    qc.setQueryData(['catalog', 'item', d.id], d);
    return qc.invalidateQueries({ queryKey: ['catalog', 'items'] });
  };
  return {
    create: useMutation({
      mutationFn: (v: { hallId: string; code: string; content: ItemContent }) =>
        api.post<ItemDetail>('/api/catalog/items', v),
      onSuccess: done,
    }),
    saveDraft: useMutation({
      mutationFn: ({ id, content }: { id: string; content: ItemContent }) =>
        api.put<ItemDetail>(`/api/catalog/items/${id}/draft`, { content }),
      onSuccess: done,
    }),
    publish: useMutation({
      mutationFn: (id: string) => api.post<ItemDetail>(`/api/catalog/items/${id}/publish`),
      onSuccess: done,
    }),
    retire: useMutation({
      mutationFn: (id: string) => api.post<ItemDetail>(`/api/catalog/items/${id}/retire`),
      onSuccess: done,
    }),
  };
}

/** A material's blank form or sample: put onto the item's draft (opened by the server when there is none). */
export function useMaterialFileMutations(itemId: string) {
  const qc = useQueryClient();
  const path = (key: string, kind: MaterialFileKind) =>
    `/api/catalog/items/${itemId}/materials/${encodeURIComponent(key)}/files/${kind}`;
  const refresh = () => qc.invalidateQueries({ queryKey: ['catalog', 'item', itemId] });
  type Result = { version: number; files: MaterialFile[] };
  return {
    upload: useMutation({
      mutationFn: ({ key, kind, file }: { key: string; kind: MaterialFileKind; file: File }) => {
        const body = new FormData();
        body.append('file', file, file.name);
        return request<Result>('PUT', path(key, kind), { body });
      },
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: ({ key, kind }: { key: string; kind: MaterialFileKind }) =>
        request<Result>('DELETE', path(key, kind)),
      onSuccess: refresh,
    }),
  };
}

/** Where the editor downloads a version's file from (staff route, hall-scoped). */
export const materialFileUrl = (itemId: string, version: number, key: string, kind: MaterialFileKind) =>
  `/api/catalog/items/${itemId}/versions/${version}/materials/${encodeURIComponent(key)}/files/${kind}`;
