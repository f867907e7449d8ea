import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

export type ArchiveFileList = Answer<'/api/archives'>;
export type ArchiveFile = Item<ArchiveFileList>;
export type Confidentiality = ArchiveFile['confidentiality'];
export type FileDetail = Answer<'/api/archives/{id}'>;
export type PendingFilingList = Answer<'/api/archives/pending'>;
export type LoanList = Answer<'/api/archives/loans'>;
export type Loan = Item<LoanList>;
export type LoanRequest = Body<'/api/archives/{id}/loans', 'post'>;
export type LoanDecision = Body<'/api/archives/loans/{id}/decide', 'post'>;
export type LoanReturn = Body<'/api/archives/loans/{id}/return', 'post'>;
export type ViewLink = Answer<'/api/archives/loans/{id}/view-link', 'post'>;
export type DisposalList = Answer<'/api/archives/disposals'>;
export type Disposal = Item<DisposalList>;
export type DisposalProposal = Body<'/api/archives/disposals', 'post'>;
export type DisposalDecision = Body<'/api/archives/disposals/{id}/decide', 'post'>;
export type DisposalExecution = Body<'/api/archives/disposals/{id}/execute', 'post'>;
export type Scheme = Answer<'/api/archives/scheme'>;
export type Category = Item<Scheme>;
export type CategoryInput = Body<'/api/archives/scheme', 'put'>;
export type EnterpriseFile = Answer<'/api/archives/enterprises/{id}'>;
/** The list's filters; the page always has a number and size in the screen's state. */
export type FileSearch = QueryOf<'/api/archives'> & { page: number; pageSize: number };
export type LoanDocuments = Answer<'/api/archives/view/{token}/documents'>;
export type LoanDocument = Item<LoanDocuments>;

const enc = encodeURIComponent;
export const contentsPdfUrl = (id: string) => `/api/archives/${enc(id)}/contents.pdf`;

export const useArchiveSearch = (q: FileSearch) =>
  useQuery({
    queryKey: ['archives', 'files', q],
    queryFn: () => api.get<ArchiveFileList>('/api/archives', { ...q }),
  });

export const useArchiveFile = (id: string | null) =>
  useQuery({
    queryKey: ['archives', 'file', id],
    queryFn: () => api.get<FileDetail>(`/api/archives/${enc(id ?? '')}`),
    enabled: !!id,
  });

export const usePendingFiling = (hallId?: string) =>
  useQuery({
    queryKey: ['archives', 'pending', hallId],
    queryFn: () => api.get<PendingFilingList>('/api/archives/pending', { hallId }),
  });

export const useScheme = (hallId?: string) =>
  useQuery({
    queryKey: ['archives', 'scheme', hallId],
    queryFn: () => api.get<Scheme>('/api/archives/scheme', { hallId }),
    enabled: !!hallId,
  });

export const useEnterpriseFile = (applicantId: string | null) =>
  useQuery({
    queryKey: ['archives', 'enterprise', applicantId],
    queryFn: () => api.get<EnterpriseFile>(`/api/archives/enterprises/${enc(applicantId ?? '')}`),
    enabled: !!applicantId,
  });

export const useLoans = (q: { status?: string; overdue?: boolean; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['archives', 'loans', q],
    queryFn: () =>
      api.get<LoanList>('/api/archives/loans', {
        status: q.status,
        overdue: q.overdue ? 'true' : undefined,
        page: q.page,
        pageSize: q.pageSize,
      }),
  });

export const useDisposalDue = (hallId?: string, enabled = true) =>
  useQuery({
    queryKey: ['archives', 'disposal-due', hallId],
    queryFn: () => api.get<ArchiveFileList>('/api/archives/disposal/due', { hallId }),
    enabled,
  });

export const useDisposals = (hallId?: string) =>
  useQuery({
    queryKey: ['archives', 'disposals', hallId],
    queryFn: () => api.get<DisposalList>('/api/archives/disposals', { hallId }),
  });

/** Every archive write refreshes the archive's lists. */
function useArchiveWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['archives'] }) });
}

export const useFileCase = () =>
  useArchiveWrite((caseId: string) => api.post<FileDetail>('/api/archives/pending/file', { caseId }));
export const useClassify = () =>
  useArchiveWrite((v: { id: string; confidentiality: Confidentiality }) =>
    api.post<FileDetail>(`/api/archives/${enc(v.id)}/classify`, { confidentiality: v.confidentiality }),
  );
export const useSaveCategory = () => useArchiveWrite((v: CategoryInput) => api.put<Scheme>('/api/archives/scheme', v));
export const useRequestLoan = () =>
  useArchiveWrite((v: LoanRequest & { fileId: string }) =>
    api.post<Loan>(`/api/archives/${enc(v.fileId)}/loans`, { purpose: v.purpose, medium: v.medium, days: v.days }),
  );
export const useDecideLoan = () =>
  useArchiveWrite((v: LoanDecision & { id: string }) =>
    api.post<Loan>(`/api/archives/loans/${enc(v.id)}/decide`, { approve: v.approve, note: v.note }),
  );
export const useLend = () => useArchiveWrite((id: string) => api.post<Loan>(`/api/archives/loans/${enc(id)}/lend`));
export const useReturnLoan = () =>
  useArchiveWrite((v: LoanReturn & { id: string }) =>
    api.post<Loan>(`/api/archives/loans/${enc(v.id)}/return`, {
      complete: v.complete,
      undamaged: v.undamaged,
      note: v.note,
    }),
  );
export const useRemind = () => useArchiveWrite((id: string) => api.post<Loan>(`/api/archives/loans/${enc(id)}/remind`));
export const useViewLink = () =>
  useArchiveWrite((id: string) => api.post<ViewLink>(`/api/archives/loans/${enc(id)}/view-link`));
export const useProposeDisposal = () =>
  useArchiveWrite((v: DisposalProposal) => api.post<Disposal>('/api/archives/disposals', v));
export const useDecideDisposal = () =>
  useArchiveWrite((v: DisposalDecision & { id: string }) =>
    api.post<Disposal>(`/api/archives/disposals/${enc(v.id)}/decide`, { approve: v.approve, note: v.note }),
  );
export const useExecuteDisposal = () =>
  useArchiveWrite((v: DisposalExecution & { id: string }) =>
    api.post<Disposal>(`/api/archives/disposals/${enc(v.id)}/execute`, { method: v.method }),
  );

/** The documents of the file behind a live view link (the link itself is the borrower's, for two hours). */
export const useLoanDocuments = (url: string | null) =>
  useQuery({
    queryKey: ['archives', 'loan-documents', url],
    queryFn: () => api.get<LoanDocuments>(`${url}/documents`),
    enabled: !!url,
  });

export const disposalRegisterUrl = (format: 'xlsx' | 'pdf', hallId?: string) =>
  `/api/archives/disposals/register.${format}${hallId ? `?hallId=${encodeURIComponent(hallId)}` : ''}`;
