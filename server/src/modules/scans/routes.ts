import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { idempotentMultipart } from '../../platform/idempotency.ts';
import { idParams } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** The one file part named `file`, read whole up to the configured limit; anything else is a 400 naming `file`. */
async function readFilePart(req: FastifyRequest, maxBytes: number): Promise<{ fileName: string; bytes: Buffer }> {
  const noFile = () =>
    invalid('file', '请选择要上传的文件（表单字段 file）', 'Choose a file to upload (form field "file")');
  if (!req.isMultipart()) throw noFile();
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 4 } }).catch(() => undefined);
  if (part?.fieldname !== 'file') throw noFile();
  try {
    return { fileName: part.filename ?? '', bytes: await part.toBuffer() };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        `文件超过 ${mb} MB 的上限，请压缩或分页扫描后再上传`,
        `The file is larger than ${mb} MB`,
        'file',
      );
    }
    throw invalid('file', '文件未能完整上传，请重试', 'The file did not arrive whole; try again');
  }
}

export function scanRoutes(app: FastifyInstance, ctx: AppContext) {
  // Multipart parsing exists only inside this plugin: no other route accepts uploads this way.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.scanMaxBytes, files: 1, fields: 4 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['材料扫描件 scans'];

    r.get(
      '/api/cases/:id/scans',
      { config: { access: 'case.read' }, schema: { tags, params: idParams, response: { 200: s.caseScansSchema } } },
      async (req) => service.listScans(ctx, actorOf(req), req.params.id),
    );
    r.post(
      '/api/cases/:id/materials/:materialKey/scans',
      {
        config: { access: 'reception.register', acceptsMultipart: true },
        schema: {
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
          tags,
          params: s.scanParams,
          querystring: s.contentQuery,
          response: { 200: z.any().describe('the scan, with its content type') },
        },
      },
      async (req, reply) => {
        const download = req.query.download === '1';
        const f = await service.scanContent(ctx, actorOf(req), req.params.id, req.params.scanId, download);
        return reply
          .type(f.contentType)
          .header(
            'content-disposition',
            `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(f.bytes);
      },
    );
  });
}
