import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditOutcome, AuditRecord, AuditVerifyResult, ListResult } from './types';

export interface AuditQuery {
  username?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  from?: number;
  to?: number;
  page: number;
  pageSize: number;
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
