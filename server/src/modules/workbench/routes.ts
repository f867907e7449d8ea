import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http.ts';
import * as s from './schema.ts';
import * as service from './service.ts';

export function workbenchRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Every member of staff has a home page; the sections follow the roles held.
  r.get(
    '/api/home/workbench',
    {
      config: { access: 'user' },
      schema: { summary: '工作台 My workbench', tags: ['工作台 workbench'], response: { 200: s.workbenchSchema } },
    },
    async (req) => service.workbench(ctx, actorOf(req)),
  );
}
