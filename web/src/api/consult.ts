import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

export type ConsultList = Answer<'/api/consultations'>;
export type ConsultSummary = Item<ConsultList>;
export type ConsultDetail = Answer<'/api/consultations/{id}'>;
export type ConsultChannel = ConsultSummary['channel'];
export type ConsultStatus = ConsultSummary['status'];
export type Light = ConsultSummary['light'];
/** The list's filters; the page always has a number and size in the screen's state. */
export type ConsultQuery = QueryOf<'/api/consultations'> & { page: number; pageSize: number };
export type RegisterConsultInput = Body<'/api/consultations', 'post'>;
export type HandlingStaffList = Answer<'/api/consultations/staff'>;
export type ConsultContact = Answer<'/api/consultations/{id}/contact'>;
export type IssuedNotice = Answer<'/api/consultations/{id}/notices', 'post'>;
export type PromiseInput = Body<'/api/consultations/{id}/promise', 'post'>;
export type ReferInput = Body<'/api/consultations/{id}/refer', 'post'>;
export type OnlineConsultInput = Body<'/api/public/consultations', 'post'>;
export type OnlineConsultReceipt = Answer<'/api/public/consultations', 'post'>;
export type PublicConsultStatus = Answer<'/api/public/consultations/lookup'>;

export function useConsultations(query: ConsultQuery) {
  return useQuery({
    queryKey: ['consult', 'list', query],
    queryFn: () => api.get<ConsultList>('/api/consultations', { ...query }),
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
    queryFn: () => api.get<HandlingStaffList>('/api/consultations/staff', { hallId }),
    enabled: !!hallId,
  });
}

export const revealContact = (id: string) => api.get<ConsultContact>(`/api/consultations/${id}/contact`);

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
    answer: useAction<Body<'/api/consultations/{id}/answer', 'post'>>(id, 'answer'),
    promise: useAction<PromiseInput>(id, 'promise'),
    refer: useAction<ReferInput>(id, 'refer'),
    coordinate: useAction<Body<'/api/consultations/{id}/coordinate', 'post'>>(id, 'coordinate'),
    handover: useAction<Body<'/api/consultations/{id}/handover', 'post'>>(id, 'handover'),
    setItem: useAction<Body<'/api/consultations/{id}/item', 'put'>>(id, 'item', 'put'),
    departmentAnswer: useMutation({
      mutationFn: (v: { rowId: string; answer: string }) =>
        api.post<ConsultDetail>(`/api/consultations/${id}/departments/${v.rowId}/answer`, { answer: v.answer }),
      onSuccess: done,
    }),
    issueNotice: useMutation({
      mutationFn: () => api.post<IssuedNotice>(`/api/consultations/${id}/notices`),
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
export const submitOnlineConsultation = (v: OnlineConsultInput) =>
  api.post<OnlineConsultReceipt>('/api/public/consultations', v, { noAuthRedirect: true });

export const lookupConsultation = (number: string, code: string) =>
  api.get<PublicConsultStatus>('/api/public/consultations/lookup', { number, code });
