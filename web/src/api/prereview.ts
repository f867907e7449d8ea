import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, buildUrl, request } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';
import { uploadFile } from './scans';

/** The applicant's view of an online application (网上预审), read with its number and lookup code. */
export type PublicApplication = Answer<'/api/public/prereview/{number}'>;
export type PrereviewMaterial = PublicApplication['materials'][number];
export type PrereviewFile = PrereviewMaterial['files'][number];
export type PrereviewNotice = NonNullable<PublicApplication['notice']>;
export type PrereviewState = PublicApplication['state'];

/** Who applies online: the applicant as the window registers one, for an item instead of a hall. */
export type ApplyInput = Body<'/api/public/prereview', 'post'>;

export type PrereviewList = Answer<'/api/prereview'>;
export type PrereviewSummary = Item<PrereviewList>;
export type Light = PrereviewSummary['light'];
export type PrereviewDetail = Answer<'/api/prereview/{id}'>;
export type PassInput = Body<'/api/prereview/{id}/pass', 'post'>;
export type ReturnInput = Body<'/api/prereview/{id}/return', 'post'>;
export type AcceptInput = Body<'/api/prereview/{id}/accept', 'post'>;
/** The supervision board's 网上预审 section: an application near or past its pre-review limit. */
export type PrereviewBoardEntry = Answer<'/api/supervision/board'>['prereviews'][number];
/** 转为办件: the accepted case's detail. */
export type AcceptedApplication = Answer<'/api/prereview/{id}/accept', 'post'>;

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

export type ListFilter = NonNullable<QueryOf<'/api/prereview'>['state']>;

export function usePrereviewList(q: { state: ListFilter; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['prereview', 'list', q],
    queryFn: () => api.get<PrereviewList>('/api/prereview', q),
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
export const passApplication = (id: string, body: PassInput) =>
  api.post<PrereviewDetail>(`/api/prereview/${id}/pass`, body);
export const returnApplication = (id: string, body: ReturnInput) =>
  api.post<PrereviewDetail>(`/api/prereview/${id}/return`, body);
export const acceptApplication = (id: string, body: AcceptInput) =>
  api.post<AcceptedApplication>(`/api/prereview/${id}/accept`, body);
