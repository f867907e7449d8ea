import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListResult } from './types';

export type Urgency = 'regular' | 'urgent' | 'special';
export type Importance = 'normal' | 'important';
export type MaterialStatus = 'received' | 'missing' | 'incorrect' | 'not_applicable';
export type Light = 'green' | 'yellow' | 'red';

export interface Applicant {
  id: string;
  hallId: string;
  kind: 'person' | 'enterprise';
  name: string;
  docType: string;
  docTypeLabel: string;
  docNumber: string;
  phone: string;
  address: string;
  legalRepresentative: string;
  contactName: string;
  /** 通知: e-mail, preferred channel ('all' = SMS and e-mail) and the opt-out of non-legal notices. */
  email?: string | null;
  preferredChannel?: 'sms' | 'email' | 'all' | null;
  noticeOptOut?: boolean;
  masked: boolean;
  /** 封存: shown as 已封存 with nothing personal. */
  sealed?: boolean;
  sealedAt?: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface CaseSummary {
  id: string;
  hallId: string;
  caseNo: string | null;
  itemId: string;
  itemName: string;
  applicantName: string;
  state: string;
  stateLabel: string;
  urgency: Urgency;
  urgencyLabel: string;
  importance: Importance;
  windowId: string | null;
  receivedBy: string;
  receivedAt: number;
  acceptedAt: number | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  /** Present once the server computes the case's traffic light. */
  light?: Light | null;
}

export interface CaseMaterial {
  key: string;
  name: string;
  form: string;
  requirement: 'required' | 'conditional' | 'optional';
  condition: string;
  essential: boolean;
  status: MaterialStatus;
  copies: number;
  pages: number;
  reason: string;
}

export interface CaseDocument {
  id: string;
  kind: string;
  kindLabel: string;
  docNo: string;
  status: string;
  issuedAt: number;
}

export interface CaseEvent {
  at: number;
  by: string;
  action: string;
  fromState: string | null;
  toState: string;
  detail: Record<string, unknown> | null;
}

export interface CaseDetail extends CaseSummary {
  itemVersion: number;
  applicant: Applicant;
  agent: Applicant | null;
  attorneyChecked: boolean;
  firstOwner: { id: string; name: string } | null;
  acceptedDay: string | null;
  promisedDays: number;
  deferred: { keys: string[]; deadline: string } | null;
  closedReason: string | null;
  round: number;
  materials: CaseMaterial[];
  checklist: {
    complete: boolean;
    deferrable: boolean;
    shortfalls: { key: string; name: string; status: 'missing' | 'incorrect'; essential: boolean; reason: string }[];
  };
  steps: {
    id: string;
    key: string;
    name: string;
    order: number;
    role: string;
    departmentId: string | null;
    departmentName: string | null;
    limitDays: number;
    status: 'pending' | 'active' | 'done' | 'skipped';
    /** 审批权限 the step needs (科室负责人 / 分管领导 / 主要领导), or none. */
    authority?: 'section' | 'deputy' | 'chief' | null;
    /** What the signed-in person may do on this step now (claimStep, finishStep, …). */
    actions: string[];
    assignee: { id: string; name: string } | null;
    /** AB岗: taken while this person was away; they are back, so the holder may hand it back (交还). */
    handBackTo?: { id: string; name: string } | null;
    activatedAt: number | null;
    doneAt: number | null;
    /** 环节时限 */
    deadline: string | null;
    /** 待定: the step deadline touches a year without a published national schedule. */
    deadlineProvisional?: boolean;
    light: Light | null;
  }[];
  extraDays?: number;
  outcome?: 'success' | 'failure' | null;
  completedDay?: string | null;
  suspensions?: {
    id: string;
    kind: string;
    kindLabel: string;
    reason: string;
    fromDay: string;
    toDay: string | null;
    by: string;
  }[];
  extensions?: {
    id: string;
    extraDays: number;
    reason: string;
    status: 'requested' | 'approved' | 'refused';
    requestedBy: string;
    requestedAt: number;
    decidedBy: string | null;
    decidedAt: number | null;
    decisionNote: string | null;
    newDeadline: string | null;
    newDeadlineProvisional?: boolean;
  }[];
  verifications?: {
    id: string;
    question: string;
    responseDeadline: string;
    responseDeadlineProvisional?: boolean;
    askedBy: string;
    askedAt: number;
    answer: string | null;
    answeredBy: string | null;
  }[];
  files?: {
    id: string;
    kind: 'result' | 'other';
    name: string;
    contentType: string;
    size: number;
    uploadedBy: string;
    uploadedAt: number;
  }[];
  deliveries?: {
    method: 'collect' | 'mail';
    collectedBy: string | null;
    docTypeLabel: string | null;
    docNumber: string | null;
    carrier: string | null;
    trackingNumber: string | null;
    at: number;
    by: string;
  }[];
  routingSlips: { at: number; handedOverBy: string; departmentId: string | null; stepId: string | null }[];
  documents: CaseDocument[];
  events: CaseEvent[];
  allowedActions: string[];
}

export interface CaseQuery {
  hallId?: string;
  status?: string;
  itemId?: string;
  departmentId?: string;
  windowId?: string;
  personId?: string;
  from?: string;
  to?: string;
  urgency?: Urgency;
  q?: string;
  page: number;
  pageSize: number;
}

export function useCases(query: CaseQuery) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: () => api.get<ListResult<CaseSummary> & { totalCapped?: boolean }>('/api/cases', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: () => api.get<CaseDetail>(`/api/cases/${id}`),
    enabled: !!id,
  });
}

export const documentPdfUrl = (caseId: string, docId: string) => `/api/cases/${caseId}/documents/${docId}/pdf`;

/** The routes the server offers (from its OpenAPI document), so screens show only what already works. */
export function useApiPaths() {
  return useQuery({
    queryKey: ['openapi', 'paths'],
    queryFn: async () => {
      const doc = await api.get<{ paths?: Record<string, unknown> }>('/api/openapi.json');
      return new Set(Object.keys(doc.paths ?? {}));
    },
    staleTime: 10 * 60_000,
  });
}

export function useApiHas(path: string): boolean {
  return useApiPaths().data?.has(path) ?? false;
}

/** Any case action answers with the fresh detail; it primes the cache and refreshes the lists. */
export function useCaseAction(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { path: string; body?: unknown; id?: string }) =>
      api.post<CaseDetail>(`/api/cases/${v.id ?? id}/${v.path}`, v.body ?? {}),
    onSuccess: (d) => {
      if (d && typeof d === 'object' && 'allowedActions' in d) qc.setQueryData(['cases', 'detail', d.id], d);
      else qc.invalidateQueries({ queryKey: ['cases', 'detail', id] });
      return qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export interface InboxItem {
  /** AB岗: held by someone I act for now (B代A): their name. */
  coverFor?: string | null;
  stepId: string;
  caseId: string;
  caseNo: string | null;
  itemName: string;
  applicantName: string;
  state: string;
  urgency: Urgency;
  stepName: string;
  stepOrder: number;
  role: string;
  departmentId: string | null;
  assignee: { id: string; name: string } | null;
  activatedAt: number | null;
  stepDeadline: string | null;
  stepLight: Light | null;
  stepDeadlineProvisional?: boolean;
  caseDeadline: string | null;
  caseLight: Light | null;
  caseDeadlineProvisional?: boolean;
}

export interface InboxQuery {
  departmentId?: string;
  unassigned?: 'true' | 'false';
  urgency?: Urgency;
  light?: Light;
  q?: string;
}

/** 部门待办 (needs a department) and 我的待办. */
export function useInbox(which: 'department' | 'mine', query: InboxQuery, enabled = true) {
  return useQuery({
    queryKey: ['cases', 'list', 'inbox', which, query],
    queryFn: () => api.get<ListResult<InboxItem>>(`/api/backoffice/inbox/${which}`, { ...query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** 交接滞留: steps unclaimed for more than N working days (routers and supervisors). */
export function useStuckSteps(enabled: boolean, workingDays = 1) {
  return useQuery({
    queryKey: ['cases', 'list', 'stuck', workingDays],
    queryFn: () =>
      api.get<ListResult<InboxItem & { waitedWorkingDays: number }>>('/api/backoffice/stuck', { workingDays }),
    enabled,
  });
}

export interface Colleague {
  id: string;
  name: string;
  username: string;
  /** The posts they hold. */
  roles: string[];
}

/** Staff of a department, for assigning or handing over one of its steps. */
export function useColleagues(departmentId: string | null) {
  return useQuery({
    queryKey: ['backoffice', 'colleagues', departmentId],
    queryFn: () => api.get<ListResult<Colleague>>('/api/backoffice/colleagues', { departmentId: departmentId ?? '' }),
    enabled: !!departmentId,
    staleTime: 60_000,
  });
}
