import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

export type KnowledgeList = Answer<'/api/knowledge'>;
export type KnowledgeEntry = Item<KnowledgeList>;
export type KnowledgeKind = KnowledgeEntry['kind'];
export type KnowledgeDetail = Answer<'/api/knowledge/{id}'>;
export type KnowledgeInput = Body<'/api/knowledge', 'post'>;

export function useKnowledge(query: {
  hallId?: string;
  q?: string;
  kind?: KnowledgeKind;
  tag?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['knowledge', 'list', query],
    queryFn: () => api.get<KnowledgeList>('/api/knowledge', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeEntry(id: string | undefined) {
  return useQuery({
    queryKey: ['knowledge', 'entry', id],
    queryFn: () => api.get<KnowledgeDetail>(`/api/knowledge/${id}`),
    enabled: !!id,
  });
}

/** Entries that fit a question being typed (the caller debounces the text). */
export function useKnowledgeSuggestions(q: { hallId?: string; text: string; itemId?: string | null }) {
  return useQuery({
    queryKey: ['knowledge', 'suggest', q],
    queryFn: () =>
      api.get<Answer<'/api/knowledge/suggest'>>('/api/knowledge/suggest', {
        hallId: q.hallId,
        text: q.text,
        itemId: q.itemId,
      }),
    enabled: q.text.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeMutations() {
  const qc = useQueryClient();
  const done = (d: KnowledgeDetail) => {
    qc.setQueryData(['knowledge', 'entry', d.id], d);
    return qc.invalidateQueries({ queryKey: ['knowledge', 'list'] });
  };
  return {
    create: useMutation({
      mutationFn: (v: KnowledgeInput) => api.post<KnowledgeDetail>('/api/knowledge', v),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, ...v }: Omit<KnowledgeInput, 'hallId'> & { id: string }) =>
        api.put<KnowledgeDetail>(`/api/knowledge/${id}`, v),
      onSuccess: done,
    }),
    archive: useMutation({
      mutationFn: (id: string) => api.post<KnowledgeDetail>(`/api/knowledge/${id}/archive`),
      onSuccess: done,
    }),
  };
}
