import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

export type ComplaintList = Answer<'/api/complaints'>;
export type Complaint = Item<ComplaintList>;
export type ComplaintDetail = Answer<'/api/complaints/{id}'>;
export type ComplaintStep = ComplaintDetail['steps'][number];
export type ComplaintAction = ComplaintDetail['actions'][number];
export type ComplaintKind = Complaint['kind'];
export type ComplaintState = Complaint['state'];
export type ComplaintChannel = Complaint['channel'];
export type ComplaintCategory = Complaint['category'];
export type Satisfaction = NonNullable<Complaint['satisfaction']>;
export type NoteKind = NonNullable<ComplaintStep['noteKind']>;
export type RegisterComplaint = Body<'/api/complaints', 'post'>;
export type RegisteredComplaint = Answer<'/api/complaints', 'post'>;
export type ComplaintQuery = QueryOf<'/api/complaints'>;
export type AssigneeList = Answer<'/api/complaints/assignees'>;
export type ComplaintAnalysis = Answer<'/api/complaints/analysis'>;
export type Bucket = ComplaintAnalysis['byCause'][number];
export type AnalysisQuery = QueryOf<'/api/complaints/analysis'>;
export type PublicComplaintStatus = Answer<'/api/public/complaints/lookup'>;
export type PublicComplaintInput = Body<'/api/public/complaints', 'post'>;
export type PublicComplaintReceipt = Answer<'/api/public/complaints', 'post'>;
export type ObjectionList = Answer<'/api/objections'>;
export type Objection = Item<ObjectionList>;
export type ObjectionKind = Objection['decisionKind'];
export type ObjectionOutcome = NonNullable<Objection['outcome']>;
export type RecordObjection = Body<'/api/cases/{id}/objections', 'post'>;
export type TypeDays = Answer<'/api/complaints/type-days'>;
export type LimitKind = TypeDays['items'][number]['category'];
export type SetTypeDays = Body<'/api/complaints/type-days', 'put'>;

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

export function useComplaints(q: ComplaintQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['complaints', q],
    queryFn: ({ signal }) => api.get<ComplaintList>('/api/complaints', { ...q }, signal),
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
    queryFn: ({ signal }) => api.get<AssigneeList>('/api/complaints/assignees', { hallId }, signal),
  });
}

export function useRegisterComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterComplaint) =>
      api.post<RegisteredComplaint>('/api/complaints', body, {
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

export function useComplaintAnalysis(q: AnalysisQuery) {
  return useQuery({
    queryKey: ['complaint-analysis', q],
    queryFn: ({ signal }) => api.get<ComplaintAnalysis>('/api/complaints/analysis', { ...q }, signal),
  });
}

export const submitPublicComplaint = (body: PublicComplaintInput) =>
  api.post<PublicComplaintReceipt>('/api/public/complaints', body, {
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
export function useObjections(status?: 'open' | 'answered') {
  return useQuery({
    queryKey: ['objections', status],
    queryFn: ({ signal }) => api.get<ObjectionList>('/api/objections', { status }, signal),
  });
}
export function useCaseObjections(caseId: string) {
  return useQuery({
    queryKey: ['case-objections', caseId],
    queryFn: ({ signal }) => api.get<ObjectionList>(`/api/cases/${caseId}/objections`, undefined, signal),
  });
}
export function useRecordObjection(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordObjection) =>
      api.post<ObjectionList>(`/api/cases/${caseId}/objections`, body, {
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
    mutationFn: (body: SetTypeDays) => api.put<TypeDays>('/api/complaints/type-days', body),
    onSuccess: (d) => qc.setQueryData(['complaint-type-days', d.hallId], d),
  });
}
