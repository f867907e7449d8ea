import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import { idParams, listOf, pageWindow } from '../../platform/schemas.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function webhookRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['事件推送 webhooks'];
  const access = 'webhook.manage' as const;

  r.get(
    '/api/webhooks/event-types',
    {
      config: { access },
      schema: { summary: '可推送的事件 Event types that can be pushed', tags, response: { 200: s.eventTypesSchema } },
    },
    async () => service.eventTypes(),
  );
  r.get(
    '/api/webhooks/endpoints',
    {
      config: { access },
      schema: { summary: '推送地址列表 List webhook endpoints', tags, response: { 200: listOf(s.endpointSchema) } },
    },
    async (req) => service.listEndpoints(ctx, actorOf(req)),
  );
  r.post(
    '/api/webhooks/endpoints',
    {
      config: { access },
      schema: {
        summary: '添加推送地址 Add a webhook endpoint',
        tags,
        body: s.endpointBody,
        response: { 201: s.endpointWithSecretSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createEndpoint(ctx, actorOf(req), req.body)),
  );
  r.put(
    '/api/webhooks/endpoints/:id',
    {
      config: { access },
      schema: {
        summary: '修改推送地址 Edit a webhook endpoint',
        tags,
        params: idParams,
        body: s.endpointBody,
        response: { 200: s.endpointSchema },
      },
    },
    async (req) => service.updateEndpoint(ctx, actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/webhooks/endpoints/:id/rotate-secret',
    {
      config: { access },
      schema: {
        summary: '更换签名密钥 Rotate the signing secret of an endpoint',
        tags,
        params: idParams,
        response: { 200: s.endpointWithSecretSchema },
      },
    },
    async (req) => service.rotateSecret(ctx, actorOf(req), req.params.id),
  );
  r.post(
    '/api/webhooks/endpoints/:id/test',
    {
      config: { access },
      schema: {
        summary: '发送测试事件 Send a test event',
        tags,
        params: idParams,
        response: { 201: s.deliverySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await service.sendTestEvent(ctx, actorOf(req), req.params.id)),
  );
  r.get(
    '/api/webhooks/deliveries',
    {
      config: { access },
      schema: {
        summary: '推送记录 Delivery log',
        tags,
        querystring: s.deliveryQuery,
        response: { 200: listOf(s.deliverySchema) },
      },
    },
    async (req) => service.listDeliveries(ctx, actorOf(req), { ...req.query, ...pageWindow(req.query) }),
  );
  r.post(
    '/api/webhooks/deliveries/:id/resend',
    {
      config: { access },
      schema: { summary: '重新发送 Resend a delivery', tags, params: idParams, response: { 200: s.deliverySchema } },
    },
    async (req) => service.resendDelivery(ctx, actorOf(req), req.params.id),
  );
}
