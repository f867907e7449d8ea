import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** The staff knowledge base (常见问题解答 / 政策变化, R2.6). */
export function knowledgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['知识库 knowledge base'];
  const detail = { 200: s.entryDetailSchema };

  r.get(
    '/api/knowledge',
    {
      config: { access: 'knowledge.read' },
      schema: {
        summary: '知识库列表 List knowledge articles',
        tags,
        querystring: s.searchQuery,
        response: { 200: listOf(s.entrySchema) },
      },
    },
    async (req) => service.searchKnowledge(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.get(
    '/api/knowledge/suggest',
    {
      config: { access: 'knowledge.read' },
      schema: {
        summary: '推荐知识 Suggest articles for a question',
        tags,
        querystring: s.suggestQuery,
        response: { 200: listOf(s.entrySchema) },
      },
    },
    async (req) => service.suggestKnowledge(ctx, actorOf(req), req.query),
  );
  r.get(
    '/api/knowledge/:id',
    {
      config: { access: 'knowledge.read' },
      schema: { summary: '知识详情 Knowledge article detail', tags, params: idParams, response: detail },
    },
    async (req) => service.entryDetail(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/knowledge',
    {
      config: { access: 'knowledge.manage' },
      schema: {
        summary: '新建知识 Create a knowledge article',
        tags,
        body: s.entryInput,
        response: { 201: s.entryDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createEntry(ctx, actorOf(req), req.body)),
  );
  r.put(
    '/api/knowledge/:id',
    {
      config: { access: 'knowledge.manage' },
      schema: {
        summary: '修改知识 Update a knowledge article',
        tags,
        params: idParams,
        body: s.entryUpdate,
        response: detail,
      },
    },
    async (req) => service.updateEntry(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/knowledge/:id/archive',
    {
      config: { access: 'knowledge.manage' },
      schema: { summary: '下架知识 Archive a knowledge article', tags, params: idParams, response: detail },
    },
    async (req) => service.archiveEntry(ctx, actorOf(req), req.params.id),
  );
}
