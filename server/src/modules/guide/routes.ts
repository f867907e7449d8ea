import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { idParams, listOf, pageQuery, pageWindow } from '../../platform/schemas.ts';
import { sendAttachment } from '../../platform/multipart.ts';
import { categories, itemContentSchema, materialFileParams, materialFileSchema } from '../catalog/schema.ts';
import { guideFor, guideMaterialFile, publicGuide, publicHalls } from './service.ts';
import { intParam } from '../../platform/numeric-params.ts';

const publicHall = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  openingHours: z.string(),
});

const guideEntry = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  kind: z.string(),
  promisedDays: z.number(),
  legalDays: z.number(),
});

const guideDetail = z.object({
  id: z.string(),
  code: z.string(),
  hall: publicHall,
  version: z.number(),
  publishedAt: z.number().nullable(),
  content: itemContentSchema,
  departments: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string() })),
  windows: z.array(z.object({ number: z.number(), name: z.string() })),
  /** Blank forms and samples to download, by material key. */
  materialFiles: z.array(materialFileSchema),
});

/** The public service guide (办事指南, R1.6): published items only, readable without signing in. */
export function guideRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['办事指南 public guide'];

  r.get(
    '/api/public/halls',
    {
      config: { access: 'public' },
      schema: { summary: '公开大厅列表 Public list of halls', tags, response: { 200: listOf(publicHall) } },
    },
    async () => publicHalls(ctx),
  );

  r.get(
    '/api/public/guide',
    {
      config: { access: 'public' },
      schema: {
        summary: '办事指南列表 Service guide list',
        tags,
        querystring: pageQuery.extend({
          hallId: z.string().max(64).optional(),
          q: z.string().trim().max(60).optional(),
          category: z.enum(categories).optional(),
          pageSize: intParam({ min: 1, max: 500 }).default(100),
        }),
        response: { 200: listOf(guideEntry) },
      },
    },
    async (req) => publicGuide(ctx, { ...req.query, ...pageWindow(req.query) }),
  );

  r.get(
    '/api/public/guide/:id',
    {
      config: { access: 'public' },
      schema: { summary: '办事指南详情 Service guide detail', tags, params: idParams, response: { 200: guideDetail } },
    },
    async (req) => guideFor(ctx, req.params.id),
  );

  r.get(
    '/api/public/guide/:id/materials/:materialKey/files/:kind',
    {
      config: { access: 'public' },
      schema: {
        summary: "下载指南材料样表 Download a guide's sample file",
        tags,
        params: materialFileParams,
        response: { 200: z.any().describe('the blank form or sample') },
      },
    },
    async (req, reply) => {
      const f = await guideMaterialFile(ctx, req.params.id, req.params.materialKey, req.params.kind);
      return sendAttachment(reply, f, 'public, max-age=300');
    },
  );
}
