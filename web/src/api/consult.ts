import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListResult } from './types';

export type ConsultChannel = 'visit' | 'phone' | 'online';
export type ConsultStatus = 'unclaimed' | 'open' | 'promised' | 'coordinating' | 'answered' | 'referred';
export type Light = 'green' | 'yellow' | 'red' | null;

export interface ConsultSummary {
  id: string;
  hallId: string;
  number: string;
  channel: ConsultChannel;
  personName: string;
  contactPhone: string;
  question: string;
  itemId: string | null;
  itemName: string | null;
  status: ConsultStatus;
  firstOwnerId: string | null;
  firstOwnerName: string | null;
  handlerId: string | null;
  handlerName: string | null;
  dueDate: string | null;
  /** 待定: the date touches a year whose national holiday schedule is not published yet. */
  dueProvisional: boolean;
  light: Light;
  registeredDay: string;
  createdAt: number;
  updatedAt: number;
}

export interface ConsultDetail extends ConsultSummary {
  answer: string | null;
  answeredAt: number | null;
  answeredBy: string | null;
  promisedDays: number | null;
  referralText: string | null;
  referralDepartmentId: string | null;
  departments: {
    id: string;
    departmentId: string;
    departmentName: string;
    question: string;
    askedAt: number;
    askedBy: string;
    answer: string | null;
    answeredAt: number | null;
    answeredBy: string | null;
  }[];
  notices: { id: string; number: string; itemVersion: number; issuedAt: number; issuedBy: string }[];
  trail: { at: number; userName: string | null; action: string; detail: Record<string, unknown> | null }[];
  canHandle: boolean;
  /** AB岗: whom I act for on it now (B代A). */
  coverFor?: string | null;
}

export interface ConsultQuery {
  hallId?: string;
  status?: ConsultStatus | 'active';
  channel?: ConsultChannel;
  overdue?: 'true';
  mine?: 'true';
  q?: string;
  page: number;
  pageSize: number;
}

export interface RegisterConsultInput {
  hallId: string;
  channel: 'visit' | 'phone';
  personName: string;
  contactPhone: string;
  question: string;
  itemId?: string | null;
  answer?: string;
}

export function useConsultations(query: ConsultQuery) {
  return useQuery({
    queryKey: ['consult', 'list', query],
    queryFn: () => api.get<ListResult<ConsultSummary>>('/api/consultations', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(id: string | undefined) {
  return useQuery({
    queryKey: ['consult', 'detail', id],
    queryFn: () => api.get<ConsultDetail>(`/api/consultations/${id}`),
    enabled: !!id,
  });
}

export function useHandlingStaff(hallId: string | undefined) {
  return useQuery({
    queryKey: ['consult', 'staff', hallId],
    queryFn: () =>
      api.get<ListResult<{ id: string; displayName: string; roles: string[] }>>('/api/consultations/staff', { hallId }),
    enabled: !!hallId,
  });
}

export const revealContact = (id: string) => api.get<{ contactPhone: string }>(`/api/consultations/${id}/contact`);

export const noticePdfUrl = (id: string, noticeId: string) => `/api/consultations/${id}/notices/${noticeId}/pdf`;

function useDone() {
  const qc = useQueryClient();
  return (d: ConsultDetail) => {
    qc.setQueryData(['consult', 'detail', d.id], d);
    return qc.invalidateQueries({ queryKey: ['consult', 'list'] });
  };
}

function useAction<V>(id: string | undefined, path: string, method: 'post' | 'put' = 'post') {
  const done = useDone();
  return useMutation({
    mutationFn: (v: V) => api[method]<ConsultDetail>(`/api/consultations/${id}/${path}`, v),
    onSuccess: done,
  });
}

/** Every action answers with the fresh detail, which primes the cache. */
export function useConsultActions(id: string | undefined) {
  const qc = useQueryClient();
  const done = useDone();
  return {
    take: useAction<Record<string, never>>(id, 'take'),
    answer: useAction<{ answer: string }>(id, 'answer'),
    promise: useAction<{ days: number; note?: string }>(id, 'promise'),
    refer: useAction<{
      departmentId?: string | null;
      externalBody?: string;
      reason: string;
      guidance?: string;
      toldVia: string;
    }>(id, 'refer'),
    coordinate: useAction<{ departmentIds: string[]; question: string }>(id, 'coordinate'),
    handover: useAction<{ toUserId: string; note: string }>(id, 'handover'),
    setItem: useAction<{ itemId: string | null }>(id, 'item', 'put'),
    departmentAnswer: useMutation({
      mutationFn: (v: { rowId: string; answer: string }) =>
        api.post<ConsultDetail>(`/api/consultations/${id}/departments/${v.rowId}/answer`, { answer: v.answer }),
      onSuccess: done,
    }),
    issueNotice: useMutation({
      mutationFn: () => api.post<{ id: string; number: string }>(`/api/consultations/${id}/notices`),
      onSuccess: () => qc.invalidateQueries({ queryKey: ['consult', 'detail', id] }),
    }),
  };
}

export function useRegisterConsultation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: RegisterConsultInput) => api.post<ConsultDetail>('/api/consultations', v),
    onSuccess: (d) => {
      qc.setQueryData(['consult', 'detail', d.id], d);
      return qc.invalidateQueries({ queryKey: ['consult', 'list'] });
    },
  });
}

/** The public online form: no account; the answer is a number and a lookup code only. */
export const submitOnlineConsultation = (v: {
  hallId: string;
  personName: string;
  contactPhone: string;
  question: string;
  itemId?: string | null;
}) => api.post<{ number: string; lookupCode: string }>('/api/public/consultations', v, { noAuthRedirect: true });

export const lookupConsultation = (number: string, code: string) =>
  api.get<{
    number: string;
    status: ConsultStatus;
    registeredDay: string;
    dueDate: string | null;
    dueProvisional: boolean;
    answer: string | null;
    referralText: string | null;
  }>('/api/public/consultations/lookup', { number, code });
