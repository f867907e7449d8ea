import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Applicant, CaseDetail } from './cases';
import { api } from './client';
import type { Answer, Body } from './contract';

export type ApplicantInput = Body<'/api/applicants', 'post'>;
export type ReceptionInput = Body<'/api/intake/receptions', 'post'>;
/** A material as the checklist holds it: every mark filled in (the server defaults what a client leaves out). */
export type Mark = Required<ReceptionInput['materials'][number]>;
export type ApplicantFile = Answer<'/api/applicants/{id}/file'>;

/** Sent in a POST body: personal numbers never go into a URL. */
export const searchApplicants = (hallId: string | undefined, q: string) =>
  api.post<Answer<'/api/applicants/search', 'post'>>('/api/applicants/search', { hallId, q, page: 1, pageSize: 10 });

export const registerApplicant = (v: ApplicantInput) => api.post<Applicant>('/api/applicants', v);

export const revealPersonal = (id: string) =>
  api.get<Answer<'/api/applicants/{id}/personal'>>(`/api/applicants/${id}/personal`);

export function useApplicantFile(id: string | undefined) {
  return useQuery({
    queryKey: ['applicants', 'file', id],
    queryFn: () => api.get<ApplicantFile>(`/api/applicants/${id}/file`),
    enabled: !!id,
  });
}

export function useRegisterReception() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ReceptionInput) => api.post<CaseDetail>('/api/intake/receptions', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases', 'list'] }),
  });
}

/** 当场受理's answer: the number, the promised date and the receipt to print — what the window shows next. */
export type Accepted = Answer<'/api/intake/acceptances', 'post'>;

/** 当场受理: registered and accepted in one step when everything is handed in. */
export function useAcceptAtWindow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ReceptionInput) => api.post<Accepted>('/api/intake/acceptances', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases', 'list'] }),
  });
}

/** N working days after a day on the hall's calendar (public). */
export function useDeadline(from: string | undefined, days: number | undefined, hallId: string | undefined) {
  return useQuery({
    queryKey: ['calendar', 'deadline', from, days, hallId],
    queryFn: () => api.get<Answer<'/api/calendar/deadline'>>('/api/calendar/deadline', { from, days, hallId }),
    enabled: !!from && days !== undefined && !!hallId,
  });
}

export type ApplicantPatch = Body<'/api/applicants/{id}', 'patch'>;

/** R5.4: only holders of applicant.edit; the server keeps old and new values on the applicant's trail. */
export function useUpdateApplicant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ApplicantPatch) => api.patch<Applicant>(`/api/applicants/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applicants', 'file', id] }),
  });
}
