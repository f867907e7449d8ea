import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Applicant, CaseDetail, Importance, MaterialStatus, Urgency } from './cases';
import { api } from './client';
import type { ListResult } from './types';

export interface ApplicantInput {
  hallId: string;
  kind: 'person' | 'enterprise';
  name: string;
  docType: string;
  docNumber: string;
  phone: string;
  address?: string;
  legalRepresentative?: string;
  contactName?: string;
}

export interface Mark {
  key: string;
  status: MaterialStatus;
  copies: number;
  pages: number;
  reason: string;
}

export interface ReceptionInput {
  itemId: string;
  applicantId: string;
  agentId: string | null;
  powerOfAttorneyChecked: boolean;
  windowId: string | null;
  /** The queue ticket being served at the window: the case is linked to it. */
  ticketId?: string | null;
  urgency: Urgency;
  importance: Importance;
  materials: Mark[];
}

export interface ApplicantFile {
  applicant: Applicant;
  cases: {
    id: string;
    caseNo: string | null;
    itemName: string;
    state: string;
    stateLabel: string;
    urgency: string;
    receivedAt: number;
    deadline: string | null;
    role: 'applicant' | 'agent';
  }[];
  notices: {
    id: string;
    caseId: string;
    caseNo: string | null;
    kind: string;
    kindLabel: string;
    docNo: string;
    status: string;
    issuedAt: number;
  }[];
  serviceRecords: {
    at: number;
    caseId: string;
    caseNo: string | null;
    action: string;
    by: string;
    fromState: string | null;
    toState: string;
  }[];
  changes: { at: number; by: string; fields: string[] }[];
}

/** Sent in a POST body: personal numbers never go into a URL. */
export const searchApplicants = (hallId: string | undefined, q: string) =>
  api.post<ListResult<Applicant>>('/api/applicants/search', { hallId, q, page: 1, pageSize: 10 });

export const registerApplicant = (v: ApplicantInput) => api.post<Applicant>('/api/applicants', v);

export const revealPersonal = (id: string) =>
  api.get<{ id: string; docNumber: string; phone: string }>(`/api/applicants/${id}/personal`);

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
export type Accepted = Pick<
  CaseDetail,
  | 'id'
  | 'caseNo'
  | 'itemName'
  | 'state'
  | 'stateLabel'
  | 'acceptedDay'
  | 'deadline'
  | 'deadlineProvisional'
  | 'firstOwner'
  | 'documents'
>;

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
    queryFn: () =>
      api.get<{ deadline: string | null; provisional: boolean }>('/api/calendar/deadline', { from, days, hallId }),
    enabled: !!from && days !== undefined && !!hallId,
  });
}

export interface ApplicantPatch {
  name?: string;
  phone?: string;
  address?: string;
  legalRepresentative?: string;
  contactName?: string;
  email?: string;
  preferredChannel?: 'sms' | 'email' | 'all' | null;
  noticeOptOut?: boolean;
}

/** R5.4: only holders of applicant.edit; the server keeps old and new values on the applicant's trail. */
export function useUpdateApplicant(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ApplicantPatch) => api.patch<Applicant>(`/api/applicants/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applicants', 'file', id] }),
  });
}
