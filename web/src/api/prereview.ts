import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl, request } from './client';
import type { ScanType } from './scans';
import { uploadFile } from './scans';
import type { ApplicantInput } from './reception';
import type { ListResult } from './types';

export type PrereviewState = 'draft' | 'submitted' | 'returned' | 'passed' | 'accepted';
export type Light = 'green' | 'yellow' | 'red' | null;

export interface PrereviewFile {
  id: string;
  materialKey: string;
  materialName: string;
  name: string;
  contentType: ScanType;
  size: number;
  round: number;
  uploadedAt: number;
}

export interface PrereviewMaterial {
  key: string;
  name: string;
  requirement: 'required' | 'conditional' | 'optional';
  condition: string;
  toCorrect: boolean;
  files: PrereviewFile[];
}

export interface PrereviewNotice {
  round: number;
  items: { key: string; name: string; requirement: string }[];
  note: string;
}

export interface PublicApplication {
  number: string;
  lookupCode: string;
  hallName: string;
  itemName: string;
  state: PrereviewState;
  round: number;
  applicantName: string;
  phone: string;
  limitDays: number;
  submittedDay: string | null;
  dueDay: string | null;
  dueProvisional: boolean;
  maxBytes: number;
  materials: PrereviewMaterial[];
  notice: PrereviewNotice | null;
  pass: { note: string; appointment: string } | null;
  caseNo: string | null;
}

/** Who applies online: the applicant as the window registers one, for an item instead of a hall. */
export type ApplyInput = Omit<ApplicantInput, 'hallId'> & { itemId: string };

export interface PrereviewSummary {
  id: string;
  hallId: string;
  number: string;
  itemId: string;
  itemName: string;
  applicantName: string;
  phone: string;
  state: PrereviewState;
  round: number;
  submittedAt: number | null;
  dueDay: string | null;
  dueProvisional: boolean;
  light: Light;
  caseId: string | null;
  caseNo: string | null;
}

export interface PrereviewDetail extends PrereviewSummary {
  applicantKind: 'person' | 'enterprise';
  docType: string;
  docNumber: string;
  address: string;
  legalRepresentative: string;
  contactName: string;
  limitDays: number;
  reviewedBy: string | null;
  reviewedAt: number | null;
  materials: PrereviewMaterial[];
  notice: PrereviewNotice | null;
  pass: { note: string; appointment: string } | null;
  events: {
    seq: number;
    at: number;
    actorName: string;
    action: string;
    fromState: string | null;
    toState: string;
    detail: Record<string, unknown>;
  }[];
}

const pub = (number: string, tail = '') => `/api/public/prereview/${encodeURIComponent(number)}${tail}`;

export const applyOnline = (input: ApplyInput) => api.post<PublicApplication>('/api/public/prereview', input);
export const lookupApplication = (number: string, code: string) => api.get<PublicApplication>(pub(number), { code });
export const submitApplication = (number: string, code: string) =>
  api.post<PublicApplication>(buildUrl(pub(number, '/submit'), { code }));
export const removeFile = (number: string, code: string, uploadId: string) =>
  request<PublicApplication>('DELETE', pub(number, `/files/${encodeURIComponent(uploadId)}`), { query: { code } });
export const publicFileUrl = (number: string, code: string, uploadId: string) =>
  buildUrl(pub(number, `/files/${encodeURIComponent(uploadId)}`), { code });
export const uploadApplicationFile = (
  number: string,
  code: string,
  materialKey: string,
  file: File,
  opts: { language: string; onProgress: (percent: number) => void },
) =>
  uploadFile<PublicApplication>(
    buildUrl(pub(number, `/materials/${encodeURIComponent(materialKey)}/files`), { code }),
    file,
    opts,
  );

export type ListFilter = 'waiting' | 'returned' | 'passed' | 'accepted' | 'all';

export function usePrereviewList(q: { state: ListFilter; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['prereview', 'list', q],
    queryFn: () => api.get<ListResult<PrereviewSummary>>('/api/prereview', q),
    placeholderData: keepPreviousData,
  });
}

export function usePrereview(id: string | null) {
  return useQuery({
    queryKey: ['prereview', 'detail', id],
    queryFn: () => api.get<PrereviewDetail>(`/api/prereview/${id}`),
    enabled: !!id,
  });
}

export const staffFileUrl = (id: string, uploadId: string) => `/api/prereview/${id}/files/${uploadId}`;
export const passApplication = (id: string, body: { note: string; appointment: string }) =>
  api.post<PrereviewDetail>(`/api/prereview/${id}/pass`, body);
export const returnApplication = (
  id: string,
  body: { corrections: { key: string; requirement: string }[]; note: string },
) => api.post<PrereviewDetail>(`/api/prereview/${id}/return`, body);
export const acceptApplication = (id: string, body: { windowId: string | null }) =>
  api.post<{ id: string; caseNo: string | null }>(`/api/prereview/${id}/accept`, body);
