import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams } from '../../platform/schemas.ts';
import { caseDetailSchema } from '../cases/schema.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function resultRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['办结送达 results'];
  const detail = { 200: caseDetailSchema };

  r.post(
    '/api/cases/:id/files',
    {
      config: { access: 'case.complete' },
      // base64 of a 5 MB file with room for the JSON around it
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        summary: '上传办件文件 Upload a case file',
        tags,
        params: idParams,
        body: s.uploadInput,
        response: { 201: s.fileSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.uploadFile(ctx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/cases/:id/files/:fileId',
    {
      config: { access: 'case.read', auditRead: 'result_file' },
      schema: {
        summary: '下载办件文件 Download a case file',
        tags,
        params: s.fileParams,
        response: { 200: z.any().describe('the file, with its content type') },
      },
    },
    async (req, reply) => {
      const f = await service.fileContent(ctx, actorOf(req), req.params.id, req.params.fileId);
      return reply
        .type(f.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.bytes);
    },
  );
  r.post(
    '/api/cases/:id/complete',
    {
      config: { access: 'case.complete' },
      schema: { summary: '办结 Complete a case', tags, params: idParams, body: s.completeInput, response: detail },
    },
    async (req) => service.completeCase(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/notify',
    {
      config: { access: 'case.collect' },
      schema: {
        summary: '通知领取结果 Notify the applicant to collect',
        tags,
        params: idParams,
        body: s.notifyInput,
        response: detail,
      },
    },
    async (req) => service.notifyResult(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/collect',
    {
      config: { access: 'case.collect' },
      schema: {
        summary: '窗口领取 Result collected at the window',
        tags,
        params: idParams,
        body: s.collectInput,
        response: detail,
      },
    },
    async (req) => service.registerCollection(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/mail',
    {
      config: { access: 'case.collect' },
      schema: { summary: '邮寄送达 Result sent by post', tags, params: idParams, body: s.mailInput, response: detail },
    },
    async (req) => service.registerMailing(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/cases/:id/archive',
    {
      config: { access: 'case.archive' },
      schema: {
        summary: '归档 Archive a case',
        tags,
        params: idParams,
        body: s.archiveInput,
        response: { 200: s.archiveSchema },
      },
    },
    async (req) => service.archiveCase(ctx, actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/api/cases/:id/archive',
    {
      config: { access: 'case.read' },
      schema: { summary: "办件档案 A case's archive", tags, params: idParams, response: { 200: s.archiveSchema } },
    },
    async (req) => service.archiveRecord(ctx, actorOf(req), req.params.id),
  );
}
