import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idempotentMultipart } from '../../platform/idempotency.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import { readFilePart, sendAttachment } from '../../platform/multipart.ts';
import { removeMaterialFile, uploadMaterialFile } from './material-files-service.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  /** The hall scope of a staff download: the version must be one the caller may read. */
  const itemVersionFor = (req: Parameters<typeof actorOf>[0], id: string, version: number) =>
    service.itemVersion(ctx, actorOf(req), id, version);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['事项目录 catalogue'];
  const detail = { 200: s.itemDetailSchema };

  r.get(
    '/api/catalog/items',
    {
      config: { access: 'catalog.read' },
      schema: {
        summary: '事项列表 List catalogue items',
        tags,
        querystring: s.itemQuery,
        response: { 200: listOf(s.itemSummarySchema) },
      },
    },
    async (req) => service.listItems(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.get(
    '/api/catalog/items/:id',
    {
      config: { access: 'catalog.read' },
      schema: { summary: '事项详情 Catalogue item detail', tags, params: idParams, response: detail },
    },
    async (req) => service.itemDetail(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/catalog/items/:id/versions/:version',
    {
      config: { access: 'catalog.read' },
      schema: {
        summary: "事项历史版本 A catalogue item's past version",
        tags,
        params: s.versionParams,
        response: { 200: s.itemVersionSchema },
      },
    },
    async (req) => service.itemVersion(ctx, actorOf(req), req.params.id, req.params.version),
  );
  r.post(
    '/api/catalog/items',
    {
      config: { access: 'catalog.manage' },
      schema: {
        summary: '新建事项 Create a catalogue item',
        tags,
        body: s.itemCreateInput,
        response: { 201: s.itemDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createItem(ctx, actorOf(req), req.body)),
  );
  r.put(
    '/api/catalog/items/:id/draft',
    {
      config: { access: 'catalog.manage' },
      schema: {
        summary: '保存事项草稿 Save a catalogue item draft',
        tags,
        params: idParams,
        body: z.object({ content: s.itemContentSchema }),
        response: detail,
      },
    },
    async (req) => service.saveDraft(ctx, actorOf(req), req.params.id, req.body.content),
  );
  r.post(
    '/api/catalog/items/:id/publish',
    {
      config: { access: 'catalog.manage' },
      schema: { summary: '发布事项 Publish a catalogue item', tags, params: idParams, response: detail },
    },
    async (req) => service.publishItem(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/catalog/items/:id/retire',
    {
      config: { access: 'catalog.manage' },
      schema: { summary: '停用事项 Retire a catalogue item', tags, params: idParams, response: detail },
    },
    async (req) => service.retireItem(ctx, actorOf(req), req.params.id),
  );

  // 空白表格 and 填写样例 of a material: uploaded onto the draft (opened when there is none), published with it.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.scanMaxBytes, files: 1, fields: 4 } });
    const u = scope.withTypeProvider<ZodTypeProvider>();
    u.put(
      '/api/catalog/items/:id/materials/:materialKey/files/:kind',
      {
        config: { access: 'catalog.manage', acceptsMultipart: true },
        schema: {
          summary: "上传材料样表 Upload a material's sample file",
          tags,
          consumes: ['multipart/form-data'],
          params: s.materialFileParams,
          description: 'multipart/form-data with one part `file`: PDF, Word, Excel, WPS, OFD or a JPEG/PNG picture',
          response: { 200: s.materialFilesResult },
        },
      },
      async (req, reply) => {
        const file = await readFilePart(req, ctx.config.scanMaxBytes);
        const { id, materialKey, kind } = req.params;
        return idempotentMultipart(req, reply, [{ name: 'file', ...file }], () =>
          uploadMaterialFile(ctx, actorOf(req), id, materialKey, kind, file),
        );
      },
    );
  });
  r.delete(
    '/api/catalog/items/:id/materials/:materialKey/files/:kind',
    {
      config: { access: 'catalog.manage' },
      schema: {
        summary: "删除材料样表 Remove a material's sample file",
        tags,
        params: s.materialFileParams,
        response: { 200: s.materialFilesResult },
      },
    },
    async (req) => removeMaterialFile(ctx, actorOf(req), req.params.id, req.params.materialKey, req.params.kind),
  );
  r.get(
    '/api/catalog/items/:id/versions/:version/materials/:materialKey/files/:kind',
    {
      config: { access: 'catalog.read' },
      schema: {
        summary: "下载材料样表 Download a material's sample file",
        tags,
        params: s.versionFileParams,
        response: { 200: z.any().describe('the file') },
      },
    },
    async (req, reply) => {
      const { id, version, materialKey, kind } = req.params;
      await itemVersionFor(req, id, version);
      const f = await service.materialFileContent(ctx, id, version, materialKey, kind);
      return sendAttachment(reply, f, 'private, no-store');
    },
  );
}
