import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idempotentMultipart } from '../../platform/idempotency.ts';
import { readFilePart, sendStoredFile } from '../../platform/multipart.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function scanRoutes(app: FastifyInstance, ctx: AppContext) {
  // Multipart parsing exists only inside this plugin scope: routes outside it never accept uploads.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.scanMaxBytes, files: 1, fields: 4 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['材料扫描件 scans'];

    r.get(
      '/api/cases/:id/scans',
      {
        config: { access: 'case.read' },
        schema: { summary: "材料扫描件 A case's scans", tags, params: idParams, response: { 200: s.caseScansSchema } },
      },
      async (req) => service.listScans(ctx, actorOf(req), req.params.id),
    );
    r.post(
      '/api/cases/:id/materials/:materialKey/scans',
      {
        config: { access: 'reception.register', acceptsMultipart: true },
        schema: {
          summary: '上传扫描件 Upload a scan of a material',
          tags,
          consumes: ['multipart/form-data'],
          params: s.uploadParams,
          description:
            'multipart/form-data with one part `file` (PDF, JPEG or PNG by content); 201 new, 200 already attached',
          response: { 200: s.uploadResultSchema, 201: s.uploadResultSchema },
        },
      },
      async (req, reply) => {
        const file = await readFilePart(req, ctx.config.scanMaxBytes);
        // The Idempotency-Key is held against the file itself: another file under the same key is refused.
        return idempotentMultipart(req, reply, [{ name: 'file', ...file }], async () => {
          const scan = await service.uploadScan(ctx, actorOf(req), req.params.id, req.params.materialKey, file);
          return reply.status(scan.duplicate ? 200 : 201).send(scan);
        });
      },
    );
    r.get(
      '/api/cases/:id/scans/:scanId/content',
      {
        config: { access: 'case.read' },
        schema: {
          summary: '下载扫描件 Download a scan',
          tags,
          params: s.scanParams,
          querystring: s.contentQuery,
          response: { 200: z.any().describe('the scan, with its content type') },
        },
      },
      async (req, reply) => {
        const download = req.query.download === '1';
        const f = await service.scanContent(ctx, actorOf(req), req.params.id, req.params.scanId, download);
        return sendStoredFile(reply, f, download);
      },
    );
  });
}
