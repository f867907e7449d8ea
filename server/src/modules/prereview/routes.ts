import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, clientIp } from '../../platform/http.ts';
import { idempotentMultipart } from '../../platform/idempotency.ts';
import { readFilePart, sendStoredFile } from '../../platform/multipart.ts';
import { throttle } from '../../platform/rate-limit.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import { caseDetailSchema } from '../cases/schema.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

const fileQuery = z.object({ download: z.enum(['0', '1']).optional() });

/** 网上预审: the applicant's public pages (number + lookup code) and the clerk's pre-review desk. */
export function prereviewRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['网上预审 online pre-review'];
  // Ten new applications per address in ten minutes; uploads and lookups are more, but still guard the codes.
  const applyLimit = throttle(10, 10 * 60_000, { zh: '提交', en: 'submissions' });
  const useLimit = throttle(120, 10 * 60_000);
  const publicView = { 200: s.publicApplicationSchema };
  const access = 'reception.register' as const;

  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.scanMaxBytes, files: 1, fields: 4 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/public/prereview',
      {
        config: { access: 'public', rateLimit: applyLimit },
        schema: {
          summary: '提交网上预审 Start an online pre-review',
          tags,
          body: s.applyInput,
          response: { 201: s.publicApplicationSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await service.apply(ctx, req.body, clientIp(req))),
    );
    r.get(
      '/api/public/prereview/:number',
      {
        config: { access: 'public', rateLimit: useLimit },
        schema: {
          summary: "预审进度 A pre-review's progress",
          tags,
          params: s.publicParams,
          querystring: s.codeQuery,
          response: publicView,
        },
      },
      async (req) => service.publicView(ctx, await service.openPublic(ctx, req.params.number, req.query.code)),
    );
    r.post(
      '/api/public/prereview/:number/materials/:materialKey/files',
      {
        config: { access: 'public', rateLimit: useLimit, acceptsMultipart: true },
        schema: {
          summary: '上传预审材料 Upload a pre-review file',
          tags,
          consumes: ['multipart/form-data'],
          params: s.publicUploadParams,
          querystring: s.codeQuery,
          description: 'multipart/form-data with one part `file` (PDF, JPEG or PNG by content)',
          response: publicView,
        },
      },
      async (req, reply) => {
        const file = await readFilePart(req, ctx.config.scanMaxBytes);
        const { number, materialKey } = req.params;
        return idempotentMultipart(req, reply, [{ name: 'file', ...file }], async () =>
          reply.send(await service.uploadPublic(ctx, number, req.query.code, materialKey, file, clientIp(req))),
        );
      },
    );
    r.delete(
      '/api/public/prereview/:number/files/:uploadId',
      {
        config: { access: 'public', rateLimit: useLimit },
        schema: {
          summary: '删除预审材料 Remove a pre-review file',
          tags,
          params: s.publicFileParams,
          querystring: s.codeQuery,
          response: publicView,
        },
      },
      async (req) => service.removePublic(ctx, req.params.number, req.query.code, req.params.uploadId, clientIp(req)),
    );
    r.get(
      '/api/public/prereview/:number/files/:uploadId',
      {
        config: { access: 'public', rateLimit: useLimit },
        schema: {
          summary: '下载预审材料 Download a pre-review file',
          tags,
          params: s.publicFileParams,
          querystring: s.codeQuery.merge(fileQuery),
        },
      },
      async (req, reply) =>
        sendStoredFile(
          reply,
          await service.publicFile(ctx, req.params.number, req.query.code, req.params.uploadId),
          req.query.download === '1',
        ),
    );
    r.post(
      '/api/public/prereview/:number/submit',
      {
        config: { access: 'public', rateLimit: useLimit },
        schema: {
          summary: '提交预审 Submit a pre-review',
          tags,
          params: s.publicParams,
          querystring: s.codeQuery,
          response: publicView,
        },
      },
      async (req) => service.submitPublic(ctx, req.params.number, req.query.code, clientIp(req)),
    );

    r.get(
      '/api/prereview',
      {
        config: { access },
        schema: {
          summary: '预审列表 List pre-reviews',
          tags,
          querystring: s.listQuery,
          response: { 200: listOf(s.summarySchema) },
        },
      },
      async (req) => service.listApplications(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
    );
    r.get(
      '/api/prereview/:id',
      {
        config: { access },
        schema: { summary: '预审详情 Pre-review detail', tags, params: idParams, response: { 200: s.detailSchema } },
      },
      async (req) => service.applicationDetail(ctx, actorOf(req), req.params.id),
    );
    r.get(
      '/api/prereview/:id/files/:uploadId',
      {
        config: { access },
        schema: {
          summary: '下载预审材料 Download a pre-review file',
          tags,
          params: s.fileParams,
          querystring: fileQuery,
        },
      },
      async (req, reply) =>
        sendStoredFile(
          reply,
          await service.staffFile(ctx, actorOf(req), req.params.id, req.params.uploadId),
          req.query.download === '1',
        ),
    );
    r.post(
      '/api/prereview/:id/pass',
      {
        config: { access },
        schema: {
          summary: '预审通过 Pass a pre-review',
          tags,
          params: idParams,
          body: s.passInput,
          response: { 200: s.detailSchema },
        },
      },
      async (req) => service.passApplication(ctx, actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/prereview/:id/return',
      {
        config: { access },
        schema: {
          summary: '预审退回补正 Return a pre-review for correction',
          tags,
          params: idParams,
          body: s.returnInput,
          response: { 200: s.detailSchema },
        },
      },
      async (req) => service.returnApplication(ctx, actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/prereview/:id/accept',
      {
        config: { access },
        schema: {
          summary: '预审转受理 Accept a pre-reviewed application',
          tags,
          params: idParams,
          body: s.acceptInput,
          response: { 201: caseDetailSchema },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.acceptApplication(ctx, actorOf(req), req.params.id, req.body)),
    );
  });
}
