import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type NoticeChannel = 'sms' | 'email' | 'inapp';
export type NoticeState = 'pending' | 'sent' | 'failed' | 'unconfigured' | 'opted_out';

export interface NoticeTry {
  at: number;
  channel: string;
  ok: boolean;
  answer: string;
  durationMs: number;
}

/** One notice to an applicant (通知记录), with every try and its answer; the recipient is masked. */
export interface Notice {
  id: string;
  hallId: string;
  caseId: string | null;
  caseNo: string | null;
  event: string;
  eventLabel: string;
  legal: boolean;
  channel: NoticeChannel;
  channelLabel: string;
  recipient: string;
  subject: string;
  body: string;
  state: NoticeState;
  stateLabel: string;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  tries: NoticeTry[];
}

export interface NoticeQuery {
  page: number;
  pageSize: number;
  hallId?: string;
  state?: NoticeState;
  channel?: NoticeChannel;
  event?: string;
  caseNo?: string;
  from?: string;
  to?: string;
}

export interface NoticeTemplate {
  event: string;
  label: string;
  legal: boolean;
  variables: string[];
  subject: string;
  body: string;
  custom: boolean;
  updatedAt: number | null;
}

export function useNotices(query: NoticeQuery) {
  return useQuery({
    queryKey: ['notices', query],
    queryFn: () => api.get<{ items: Notice[]; total: number }>('/api/notices', { ...query }),
  });
}

export function useNoticeChannels() {
  return useQuery({
    queryKey: ['notices', 'channels'],
    queryFn: () =>
      api.get<{ sms: { configured: boolean; provider: string | null }; email: { configured: boolean } }>(
        '/api/notices/channels',
      ),
  });
}

export function useCaseNotices(caseId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['notices', 'case', caseId],
    queryFn: () => api.get<Notice[]>(`/api/cases/${encodeURIComponent(caseId!)}/notices`),
    enabled: !!caseId && enabled,
  });
}

export function useResendNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; channel?: NoticeChannel }) =>
      api.post<Notice>(`/api/notices/${encodeURIComponent(v.id)}/resend`, v.channel ? { channel: v.channel } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices'] }),
  });
}

export function useNoticeTemplates(hallId: string | undefined) {
  return useQuery({
    queryKey: ['notice-templates', hallId],
    queryFn: () => api.get<NoticeTemplate[]>(`/api/notice-templates/${encodeURIComponent(hallId!)}`),
    enabled: !!hallId,
  });
}

const templatePath = (hallId: string, event: string) =>
  `/api/notice-templates/${encodeURIComponent(hallId)}/${encodeURIComponent(event)}`;

export function useSaveTemplate(hallId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { event: string; subject: string; body: string }) =>
      api.put<NoticeTemplate>(templatePath(hallId!, v.event), { subject: v.subject, body: v.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notice-templates', hallId] }),
  });
}

export function useResetTemplate(hallId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (event: string) => api.del<NoticeTemplate>(templatePath(hallId!, event)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notice-templates', hallId] }),
  });
}

export function usePreviewTemplate(hallId: string | undefined) {
  return useMutation({
    mutationFn: (v: { event: string; subject: string; body: string }) =>
      api.post<{ subject: string; body: string }>(`${templatePath(hallId!, v.event)}/preview`, {
        subject: v.subject,
        body: v.body,
      }),
  });
}

/** 领取提醒: after how many working days without collection the applicant is reminded (the whole deployment). */
export interface NoticeSettings {
  collectionReminderDays: number;
}

export function useNoticeSettings() {
  return useQuery({
    queryKey: ['notice-settings'],
    queryFn: () => api.get<NoticeSettings>('/api/notices/settings'),
  });
}

export function useSaveNoticeSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: NoticeSettings) => api.put<NoticeSettings>('/api/notices/settings', v),
    onSuccess: (saved) => qc.setQueryData(['notice-settings'], saved),
  });
}
