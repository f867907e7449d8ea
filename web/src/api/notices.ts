import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

export type NoticeList = Answer<'/api/notices'>;
/** One notice to an applicant (通知记录), with every try and its answer; the recipient is masked. */
export type Notice = Item<NoticeList>;
export type NoticeTry = Notice['tries'][number];
export type NoticeChannel = Notice['channel'];
export type NoticeState = Notice['state'];
/** The list's filters; the page always has a number and size in the screen's state. */
export type NoticeQuery = QueryOf<'/api/notices'> & { page: number; pageSize: number };
export type NoticeChannels = Answer<'/api/notices/channels'>;
export type NoticeTemplate = Item<Answer<'/api/notice-templates/{hallId}'>>;
export type TemplateText = Body<'/api/notice-templates/{hallId}/{event}', 'put'>;
export type TemplatePreview = Answer<'/api/notice-templates/{hallId}/{event}/preview', 'post'>;

export function useNotices(query: NoticeQuery) {
  return useQuery({
    queryKey: ['notices', query],
    queryFn: () => api.get<NoticeList>('/api/notices', { ...query }),
  });
}

export function useNoticeChannels() {
  return useQuery({
    queryKey: ['notices', 'channels'],
    queryFn: () => api.get<NoticeChannels>('/api/notices/channels'),
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
    mutationFn: (v: Body<'/api/notices/{id}/resend', 'post'> & { id: string }) =>
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
    mutationFn: (v: TemplateText & { event: string }) =>
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
    mutationFn: (v: TemplateText & { event: string }) =>
      api.post<TemplatePreview>(`${templatePath(hallId!, v.event)}/preview`, {
        subject: v.subject,
        body: v.body,
      }),
  });
}

/** 领取提醒: after how many working days without collection the applicant is reminded (the whole deployment). */
export type NoticeSettings = Answer<'/api/notices/settings'>;

export function useNoticeSettings() {
  return useQuery({
    queryKey: ['notice-settings'],
    queryFn: () => api.get<NoticeSettings>('/api/notices/settings'),
  });
}

export function useSaveNoticeSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: Body<'/api/notices/settings', 'put'>) => api.put<NoticeSettings>('/api/notices/settings', v),
    onSuccess: (saved) => qc.setQueryData(['notice-settings'], saved),
  });
}
