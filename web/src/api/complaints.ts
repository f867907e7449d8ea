import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListResult } from './types';

export type ComplaintKind = 'complaint' | 'report';
export type ComplaintState = 'open' | 'handling' | 'replied' | 'closed';
export type ComplaintChannel = 'phone' | 'email' | 'box' | 'online' | 'visit' | 'superior' | 'hotline';
export type ComplaintCategory = 'attitude' | 'efficiency' | 'conduct' | 'policy' | 'integrity' | 'other';
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type NoteKind = 'investigation' | 'evidence' | 'complainant' | 'staff';
export type ComplaintAction = 'assign' | 'note' | 'reply' | 'rate' | 'reopen';

export const complaintChannels: ComplaintChannel[] = [
  'phone',
  'email',
  'box',
  'online',
  'visit',
  'superior',
  'hotline',
];
export const complaintCategories: ComplaintCategory[] = [
  'attitude',
  'efficiency',
  'conduct',
  'policy',
  'integrity',
  'other',
];
export const satisfactionLevels: Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
export const noteKinds: NoteKind[] = ['investigation', 'evidence', 'complainant', 'staff'];

export interface Complaint {
  id: string;
  hallId: string;
  number: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  workOrderNo: string | null;
  category: ComplaintCategory;
  anonymous: boolean;
  complainant: string;
  contact: string | null;
  matter: string;
  caseNo: string | null;
  itemName: string | null;
  windowNumber: number | null;
  staffName: string | null;
  departmentName: string | null;
  state: ComplaintState;
  simple: boolean;
  cause: string | null;
  responsibleId: string | null;
  responsibleName: string | null;
  receivedDay: string;
  dueDay: string;
  provisional: boolean;
  light: 'green' | 'yellow' | 'red' | 'none';
  round: number;
  reply: string | null;
  rectification: string | null;
  repliedDay: string | null;
  satisfaction: Satisfaction | null;
  restricted: boolean;
  createdAt: number;
}
export interface ComplaintStep {
  id: string;
  action: string;
  noteKind: NoteKind | null;
  text: string;
  fromState: string | null;
  toState: string;
  userName: string;
  at: number;
}
export type ComplaintDetail = Complaint & { steps: ComplaintStep[]; actions: ComplaintAction[] };

export interface RegisterComplaint {
  hallId: string;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  workOrderNo?: string;
  category: ComplaintCategory;
  anonymous?: boolean;
  name?: string;
  phone?: string;
  email?: string;
  matter: string;
  caseNo?: string;
  windowId?: string;
  staffUserId?: string;
  simple?: boolean;
  reply?: string;
}

export function useComplaints(
  q: { hallId?: string; state?: ComplaintState; kind?: ComplaintKind; applicantId?: string },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: ['complaints', q],
    queryFn: ({ signal }) => api.get<ListResult<Complaint>>('/api/complaints', q, signal),
  });
}
export function useComplaint(id: string) {
  return useQuery({
    queryKey: ['complaint', id],
    queryFn: ({ signal }) => api.get<ComplaintDetail>(`/api/complaints/${id}`, undefined, signal),
  });
}
export function useAssignees(hallId?: string) {
  return useQuery({
    queryKey: ['complaint-assignees', hallId],
    queryFn: ({ signal }) =>
      api.get<ListResult<{ id: string; name: string }>>('/api/complaints/assignees', { hallId }, signal),
  });
}

export function useRegisterComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterComplaint) =>
      api.post<ComplaintDetail & { lookupCode: string }>('/api/complaints', body, {
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

/** One handling step: assign, notes, reply, satisfaction, reopen. */
export function useComplaintAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: 'assign' | 'notes' | 'reply' | 'satisfaction' | 'reopen'; body: unknown }) =>
      api.post<ComplaintDetail>(`/api/complaints/${id}/${v.path}`, v.body, {
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    onSuccess: (d) => {
      qc.setQueryData(['complaint', id], d);
      void qc.invalidateQueries({ queryKey: ['complaints'] });
    },
  });
}

export interface Bucket {
  key: string;
  label: string;
  count: number;
  reports: number;
  overdue: number;
}
export interface ComplaintAnalysis {
  total: number;
  onTimeRate: number | null;
  satisfiedRate: number | null;
  byCause: Bucket[];
  byCategory: Bucket[];
  byItem: Bucket[];
  byDepartment: Bucket[];
  byWindow: Bucket[];
  byStaff: Bucket[];
  byMonth: Bucket[];
  rectifications: { number: string; cause: string | null; rectification: string }[];
}
export function useComplaintAnalysis(q: { hallId?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: ['complaint-analysis', q],
    queryFn: ({ signal }) => api.get<ComplaintAnalysis>('/api/complaints/analysis', q, signal),
  });
}

export interface PublicComplaintStatus {
  number: string;
  kindLabel: string;
  state: ComplaintState;
  stateLabel: string;
  receivedDay: string;
  dueDay: string;
  reply: string | null;
  rectification: string | null;
  repliedDay: string | null;
  satisfaction: Satisfaction | null;
  mayRate: boolean;
  mayObject: boolean;
}
export const submitPublicComplaint = (body: {
  hallId: string;
  kind: ComplaintKind;
  category: ComplaintCategory;
  anonymous?: boolean;
  name?: string;
  phone?: string;
  email?: string;
  matter: string;
  caseNo?: string;
}) =>
  api.post<{ number: string; lookupCode: string; dueDay: string }>('/api/public/complaints', body, {
    headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
export const lookupComplaint = (number: string, code: string) =>
  api.get<PublicComplaintStatus>('/api/public/complaints/lookup', { number, code });
export const ratePublicComplaint = (number: string, code: string, satisfaction: Satisfaction) =>
  api.post<PublicComplaintStatus>('/api/public/complaints/rate', { number, code, satisfaction });
export const objectPublicComplaint = (number: string, code: string, reason: string) =>
  api.post<PublicComplaintStatus>('/api/public/complaints/objection', { number, code, reason });
export const publicReplyUrl = (number: string, code: string) =>
  `/api/public/complaints/reply.pdf?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;

// 异议 (R19.9)
export type ObjectionKind = 'review' | 'refusal' | 'one_time_notice';
export type ObjectionOutcome = 'upheld' | 'rejected';
export interface Objection {
  id: string;
  hallId: string;
  caseId: string;
  caseNo: string;
  decisionKind: ObjectionKind;
  reason: string;
  channel: 'public' | 'clerk';
  recordedBy: string;
  status: 'open' | 'answered';
  dueDay: string;
  provisional: boolean;
  light: 'green' | 'yellow' | 'red' | 'none';
  outcome: ObjectionOutcome | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
  createdAt: number;
}
export function useObjections(status?: 'open' | 'answered') {
  return useQuery({
    queryKey: ['objections', status],
    queryFn: ({ signal }) => api.get<ListResult<Objection>>('/api/objections', { status }, signal),
  });
}
export function useCaseObjections(caseId: string) {
  return useQuery({
    queryKey: ['case-objections', caseId],
    queryFn: ({ signal }) => api.get<ListResult<Objection>>(`/api/cases/${caseId}/objections`, undefined, signal),
  });
}
export function useRecordObjection(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { decisionKind: ObjectionKind; reason: string }) =>
      api.post<ListResult<Objection>>(`/api/cases/${caseId}/objections`, body, {
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['case-objections', caseId] });
      void qc.invalidateQueries({ queryKey: ['case', caseId] });
    },
  });
}
export function useAnswerObjection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; outcome: ObjectionOutcome; answer: string }) =>
      api.post<Objection>(
        `/api/objections/${v.id}/answer`,
        { outcome: v.outcome, answer: v.answer },
        {
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['objections'] }),
  });
}

export type LimitKind = ComplaintCategory | 'objection';
export interface TypeDays {
  hallId: string;
  items: { category: LimitKind; days: number }[];
}
export function useTypeDays(hallId?: string) {
  return useQuery({
    queryKey: ['complaint-type-days', hallId],
    enabled: !!hallId,
    queryFn: ({ signal }) => api.get<TypeDays>('/api/complaints/type-days', { hallId }, signal),
  });
}
export function useSetTypeDays() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { hallId: string; category: LimitKind; days: number }) =>
      api.put<TypeDays>('/api/complaints/type-days', body),
    onSuccess: (d) => qc.setQueryData(['complaint-type-days', d.hallId], d),
  });
}
