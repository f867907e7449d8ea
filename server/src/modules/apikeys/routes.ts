import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeTree } from '../../domain/api-keys.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

/** 接口密钥: the security administrator issues, rotates, rescopes and revokes the keys of machine clients. */
export function apiKeyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['接口密钥 api keys'];
  const access = 'apikey.manage' as const;

  r.get(
    '/api/api-keys/scopes',
    {
      config: { access },
      schema: {
        summary: '可授予的权限范围 Permissions a key may carry',
        tags,
        response: { 200: listOf(s.scopeGroupSchema) },
      },
    },
    async () => {
      const items = scopeTree().map((g) => ({ ...g, permissions: [...g.permissions] as string[] }));
      return { items, total: items.length };
    },
  );
  r.get(
    '/api/api-keys',
    {
      config: { access },
      schema: { summary: '接口密钥列表 List API keys', tags, response: { 200: listOf(s.keySchema) } },
    },
    async () => service.listKeys(ctx),
  );
  r.get(
    '/api/api-keys/:id',
    {
      config: { access },
      schema: { summary: '接口密钥详情 API key detail', tags, params: idParams, response: { 200: s.keySchema } },
    },
    async (req) => service.viewKey(ctx, req.params.id),
  );
  r.get(
    '/api/api-keys/:id/events',
    {
      config: { access },
      schema: {
        summary: '接口密钥记录 History of an API key',
        tags,
        params: idParams,
        response: { 200: listOf(s.keyEventSchema) },
      },
    },
    async (req) => service.keyEvents(ctx, req.params.id),
  );
  r.post(
    '/api/api-keys',
    {
      config: { access, answerHoldsSecret: true },
      schema: { summary: '签发接口密钥 Issue an API key', tags, body: s.keyInput, response: { 201: s.issuedSchema } },
    },
    async (req, reply) => reply.status(201).send(await service.issueKey(ctx, actorOf(req), req.body)),
  );
  r.post(
    '/api/api-keys/:id/rotate',
    {
      config: { access, answerHoldsSecret: true },
      schema: {
        summary: '轮换接口密钥 Rotate an API key',
        tags,
        params: idParams,
        body: s.rotateInput,
        response: { 200: s.issuedSchema },
      },
    },
    async (req) => service.rotateKey(ctx, actorOf(req), req.params.id, req.body),
  );
  r.patch(
    '/api/api-keys/:id',
    {
      config: { access },
      schema: {
        summary: '调整密钥范围 Change the scope of an API key',
        tags,
        params: idParams,
        body: s.scopePatch,
        response: { 200: s.keySchema },
      },
    },
    async (req) => service.rescopeKey(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/api-keys/:id/revoke',
    {
      config: { access },
      schema: {
        summary: '吊销接口密钥 Revoke an API key',
        tags,
        params: idParams,
        body: s.revokeInput,
        response: { 200: s.keySchema },
      },
    },
    async (req) => service.revokeKey(ctx, actorOf(req), req.params.id, req.body.reason),
  );
}
