import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['事项目录 catalogue'];
  const detail = { 200: s.itemDetailSchema };

  r.get(
    '/api/catalog/items',
    {
      config: { access: 'catalog.read' },
      schema: { tags, querystring: s.itemQuery, response: { 200: listOf(s.itemSummarySchema) } },
    },
    async (req) => service.listItems(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.get(
    '/api/catalog/items/:id',
    { config: { access: 'catalog.read' }, schema: { tags, params: idParams, response: detail } },
    async (req) => service.itemDetail(ctx, actorOf(req), req.params.id),
  );
  r.get(
    '/api/catalog/items/:id/versions/:version',
    {
      config: { access: 'catalog.read' },
      schema: { tags, params: s.versionParams, response: { 200: s.itemVersionSchema } },
    },
    async (req) => service.itemVersion(ctx, actorOf(req), req.params.id, req.params.version),
  );
  r.post(
    '/api/catalog/items',
    {
      config: { access: 'catalog.manage' },
      schema: { tags, body: s.itemCreateInput, response: { 201: s.itemDetailSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.createItem(ctx, actorOf(req), req.body)),
  );
  r.put(
    '/api/catalog/items/:id/draft',
    {
      config: { access: 'catalog.manage' },
      schema: { tags, params: idParams, body: z.object({ content: s.itemContentSchema }), response: detail },
    },
    async (req) => service.saveDraft(ctx, actorOf(req), req.params.id, req.body.content),
  );
  r.post(
    '/api/catalog/items/:id/publish',
    { config: { access: 'catalog.manage' }, schema: { tags, params: idParams, response: detail } },
    async (req) => service.publishItem(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/catalog/items/:id/retire',
    { config: { access: 'catalog.manage' }, schema: { tags, params: idParams, response: detail } },
    async (req) => service.retireItem(ctx, actorOf(req), req.params.id),
  );
}
