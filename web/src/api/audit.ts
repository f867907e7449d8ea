import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, QueryOf } from './contract';
import type { AuditRecord, AuditVerifyResult, ListResult } from './types';

export type AuditQuery = QueryOf<'/api/audit'> & { page: number; pageSize: number };

/** What the filter offers: areas with their named actions, object kinds, and people by name. */
export type AuditChoices = Answer<'/api/audit/choices'>;

export function useAuditChoices() {
  return useQuery({
    queryKey: ['audit', 'choices'],
    queryFn: () => api.get<AuditChoices>('/api/audit/choices'),
    staleTime: 5 * 60_000,
  });
}

/** The export link for the current filter (the browser downloads it with the session cookie). */
export function auditExportUrl(q: Omit<AuditQuery, 'page' | 'pageSize'>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/audit/export${qs ? `?${qs}` : ''}`;
}

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<ListResult<AuditRecord>>('/api/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.post<AuditVerifyResult>('/api/audit/verify') });
}
