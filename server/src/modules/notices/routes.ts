import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function noticeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['通知 notices'];
  service.setNoticeBaseUrl(ctx.config.publicBaseUrl);

  r.get(
    '/api/notices',
    {
      config: { access: 'notice.view', auditRead: 'notice_log' },
      schema: {
        summary: '通知记录 List notices',
        tags,
        querystring: s.noticeQuery,
        response: { 200: listOf(s.noticeSchema) },
      },
    },
    async (req) => service.listNotices(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.get(
    '/api/notices/export',
    {
      config: { access: 'notice.view', auditRead: 'notice_log_export' },
      schema: {
        summary: '导出通知记录 Export notices',
        tags,
        querystring: s.noticeQuery,
        response: { 200: z.any().describe('.xlsx workbook') },
      },
    },
    async (req, reply) => {
      const { xlsx, fileName } = await service.exportNotices(ctx, actorOf(req), req.query);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(xlsx);
    },
  );
  r.get(
    '/api/notices/channels',
    {
      config: { access: 'notice.view' },
      schema: { summary: '通知渠道 Notice channels', tags, response: { 200: s.channelStatusSchema } },
    },
    async () => ({
      sms: { configured: ctx.config.notices.smsProvider !== null, provider: ctx.config.notices.smsProvider },
      email: { configured: ctx.config.notices.smtpUrl !== null },
    }),
  );
  r.get(
    '/api/notices/settings',
    {
      config: { access: 'notice.view' },
      schema: { summary: '通知设置 Notice settings', tags, response: { 200: s.noticeSettingsSchema } },
    },
    async () => service.noticeSettings(ctx),
  );
  r.put(
    '/api/notices/settings',
    {
      config: { access: 'notice.manage' },
      schema: {
        summary: '修改通知设置 Update notice settings',
        tags,
        body: s.noticeSettingsSchema,
        response: { 200: s.noticeSettingsSchema },
      },
    },
    async (req) => service.saveNoticeSettings(ctx, actorOf(req), req.body),
  );
  r.post(
    '/api/notices/:id/resend',
    {
      config: { access: 'notice.manage' },
      schema: {
        summary: '重发通知 Resend a notice',
        tags,
        params: idParams,
        body: s.resendInput,
        response: { 200: s.noticeSchema },
      },
    },
    async (req) => service.resendNotice(ctx, actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/api/notice-templates/:hallId',
    {
      config: { access: 'notice.view' },
      schema: {
        summary: "通知模板 A hall's notice templates",
        tags,
        params: s.hallParams,
        response: { 200: z.array(s.templateSchema) },
      },
    },
    async (req) => service.listTemplates(ctx, actorOf(req), req.params.hallId),
  );
  r.put(
    '/api/notice-templates/:hallId/:event',
    {
      config: { access: 'notice.manage' },
      schema: {
        summary: '修改通知模板 Set a notice template',
        tags,
        params: s.templateParams,
        body: s.templateInput,
        response: { 200: s.templateSchema },
      },
    },
    async (req) => service.saveTemplate(ctx, actorOf(req), req.params.hallId, req.params.event, req.body),
  );
  r.delete(
    '/api/notice-templates/:hallId/:event',
    {
      config: { access: 'notice.manage' },
      schema: {
        summary: '恢复默认模板 Restore the default template',
        tags,
        params: s.templateParams,
        response: { 200: s.templateSchema },
      },
    },
    async (req) => service.resetTemplate(ctx, actorOf(req), req.params.hallId, req.params.event),
  );
  r.post(
    '/api/notice-templates/:hallId/:event/preview',
    {
      config: { access: 'notice.view' },
      schema: {
        summary: '预览通知模板 Preview a notice template',
        tags,
        params: s.templateParams,
        body: s.templateInput,
        response: { 200: s.previewSchema },
      },
    },
    async (req) => service.previewTemplate(ctx, actorOf(req), req.params.hallId, req.params.event, req.body),
  );
}
