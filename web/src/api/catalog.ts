import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Category, ItemContent, ItemDetail, ItemStatus, ItemSummary, ItemVersion, ListResult } from './types';

export interface ItemQuery {
  hallId?: string;
  q?: string;
  category?: Category;
  status?: ItemStatus;
  page: number;
  pageSize: number;
}

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
