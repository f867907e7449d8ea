import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type Confidentiality = 'public' | 'internal' | 'confidential' | 'secret';

export interface ArchiveFile {
  id: string;
  hallId: string;
  archiveNo: string;
  categoryCode: string;
  categoryName: string;
  year: number;
  seq: number;
  caseId: string;
  caseNo: string | null;
  itemName: string;
  applicantId: string;
  applicantName: string;
  outcome: string;
  outcomeLabel: string;
  confidentiality: Confidentiality;
  confidentialityLabel: string;
  paperYears: number;
  paperUntil: string;
  electronicUntil: string | null;
  status: string;
  statusLabel: string;
  filedAt: number;
  filedBy: string;
}

export interface FileDetail {
  file: ArchiveFile;
  contents: { no: number; kind: string; ref: string; title: string; at: number; note: string }[];
  trail: { at: number; by: string; action: string; fromState: string | null; toState: string }[];
  events: { at: number; by: string; action: string; detail: Record<string, unknown> | null }[];
}

export interface Loan {
  id: string;
  fileId: string;
  archiveNo: string;
  caseNo: string | null;
  itemName: string;
  confidentiality: Confidentiality;
  confidentialityLabel: string;
  borrowerName: string;
  purpose: string;
  medium: 'paper' | 'electronic';
  days: number;
  levelNeeded: number;
  levelLabel: string;
  status: 'requested' | 'approved' | 'rejected' | 'lent' | 'returned';
  statusLabel: string;
  requestedAt: number;
  decidedBy: string | null;
  decisionNote: string | null;
  lentAt: number | null;
  dueDay: string | null;
  overdue: boolean;
  returnedAt: number | null;
  returnComplete: boolean | null;
  returnUndamaged: boolean | null;
  returnNote: string | null;
  reminders: number;
  viewUntil: number | null;
}

export interface Disposal {
  id: string;
  hallId: string;
  files: { id: string; archiveNo: string; itemName: string; paperUntil: string }[];
  opinion: string;
  status: 'proposed' | 'approved' | 'rejected' | 'executed';
  statusLabel: string;
  proposedBy: string;
  proposedAt: number;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
  executedBy: string | null;
  executedAt: number | null;
  method: string | null;
}

export interface Category {
  code: string;
  name: string;
  outcome: 'completed' | 'not_accepted' | 'ended' | 'any';
  itemId: string | null;
  paperYears: number;
  electronicYears: number | null;
  confidentiality: Confidentiality;
  builtIn: boolean;
}

export interface EnterpriseFile {
  applicantId: string;
  applicantName: string;
  cases: {
    id: string;
    caseNo: string | null;
    itemName: string;
    state: string;
    stateLabel: string;
    receivedAt: number;
    archiveNo: string | null;
  }[];
  consultations: { id: string; at: number; subject: string; status: string }[];
  ratings: { id: string; at: number; level: string; comment: string }[];
}

export interface FileSearch {
  hallId?: string;
  archiveNo?: string;
  caseNo?: string;
  applicant?: string;
  item?: string;
  year?: number;
  page: number;
  pageSize: number;
}

const enc = encodeURIComponent;
export const contentsPdfUrl = (id: string) => `/api/archives/${enc(id)}/contents.pdf`;

export const useArchiveSearch = (q: FileSearch) =>
  useQuery({
    queryKey: ['archives', 'files', q],
    queryFn: () => api.get<{ items: ArchiveFile[]; total: number }>('/api/archives', { ...q }),
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
    queryFn: () =>
      api.get<{
        items: {
          caseId: string;
          caseNo: string | null;
          itemName: string;
          receivedAt: number;
          hallId: string;
          state: string;
          stateLabel: string;
        }[];
        total: number;
      }>('/api/archives/pending', { hallId }),
  });

export const useScheme = (hallId?: string) =>
  useQuery({
    queryKey: ['archives', 'scheme', hallId],
    queryFn: () => api.get<{ items: Category[] }>('/api/archives/scheme', { hallId }),
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
      api.get<{ items: Loan[]; total: number }>('/api/archives/loans', {
        status: q.status,
        overdue: q.overdue ? 'true' : undefined,
        page: q.page,
        pageSize: q.pageSize,
      }),
  });

export const useDisposalDue = (hallId?: string, enabled = true) =>
  useQuery({
    queryKey: ['archives', 'disposal-due', hallId],
    queryFn: () => api.get<{ items: ArchiveFile[]; total: number }>('/api/archives/disposal/due', { hallId }),
    enabled,
  });

export const useDisposals = (hallId?: string) =>
  useQuery({
    queryKey: ['archives', 'disposals', hallId],
    queryFn: () => api.get<{ items: Disposal[]; total: number }>('/api/archives/disposals', { hallId }),
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
export const useSaveCategory = () =>
  useArchiveWrite((v: Omit<Category, 'builtIn'> & { hallId: string }) =>
    api.put<{ items: Category[] }>('/api/archives/scheme', v),
  );
export const useRequestLoan = () =>
  useArchiveWrite((v: { fileId: string; purpose: string; medium: 'paper' | 'electronic'; days: number }) =>
    api.post<Loan>(`/api/archives/${enc(v.fileId)}/loans`, { purpose: v.purpose, medium: v.medium, days: v.days }),
  );
export const useDecideLoan = () =>
  useArchiveWrite((v: { id: string; approve: boolean; note: string }) =>
    api.post<Loan>(`/api/archives/loans/${enc(v.id)}/decide`, { approve: v.approve, note: v.note }),
  );
export const useLend = () => useArchiveWrite((id: string) => api.post<Loan>(`/api/archives/loans/${enc(id)}/lend`));
export const useReturnLoan = () =>
  useArchiveWrite((v: { id: string; complete: boolean; undamaged: boolean; note: string }) =>
    api.post<Loan>(`/api/archives/loans/${enc(v.id)}/return`, {
      complete: v.complete,
      undamaged: v.undamaged,
      note: v.note,
    }),
  );
export const useRemind = () => useArchiveWrite((id: string) => api.post<Loan>(`/api/archives/loans/${enc(id)}/remind`));
export const useViewLink = () =>
  useArchiveWrite((id: string) => api.post<{ url: string; until: number }>(`/api/archives/loans/${enc(id)}/view-link`));
export const useProposeDisposal = () =>
  useArchiveWrite((v: { hallId: string; fileIds: string[]; opinion: string }) =>
    api.post<Disposal>('/api/archives/disposals', v),
  );
export const useDecideDisposal = () =>
  useArchiveWrite((v: { id: string; approve: boolean; note: string }) =>
    api.post<Disposal>(`/api/archives/disposals/${enc(v.id)}/decide`, { approve: v.approve, note: v.note }),
  );
export const useExecuteDisposal = () =>
  useArchiveWrite((v: { id: string; method: string }) =>
    api.post<Disposal>(`/api/archives/disposals/${enc(v.id)}/execute`, { method: v.method }),
  );

export interface LoanDocument {
  key: string;
  no: number;
  kind: 'document' | 'result' | 'scan';
  title: string;
  ref: string;
  at: number;
  form: 'pdf' | 'image' | 'pages' | 'notice';
}

/** The documents of the file behind a live view link (the link itself is the borrower's, for two hours). */
export const useLoanDocuments = (url: string | null) =>
  useQuery({
    queryKey: ['archives', 'loan-documents', url],
    queryFn: () =>
      api.get<{ loanId: string; archiveNo: string; until: number; items: LoanDocument[] }>(`${url}/documents`),
    enabled: !!url,
  });

export const disposalRegisterUrl = (format: 'xlsx' | 'pdf', hallId?: string) =>
  `/api/archives/disposals/register.${format}${hallId ? `?hallId=${encodeURIComponent(hallId)}` : ''}`;
