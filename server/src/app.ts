import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRoutes } from './modules/accounts/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { guideRoutes } from './modules/guide/routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import type { AppContext } from './platform/context.ts';
import { installAccessControl, installErrorHandler } from './platform/http.ts';
import { installIdempotency } from './platform/idempotency.ts';
import { installMetrics } from './platform/metrics.ts';

/** Builds the HTTP application around an open database; the caller owns listening and closing. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: 2 * 1024 * 1024,
    // Personal data never lands in request logs: only method, route and status.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' }),
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'OneWindow 一窗通办业务管理系统 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ow_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  installErrorHandler(app);
  installAccessControl(app, ctx);
  installIdempotency(app, ctx);
  installMetrics(app);

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await ctx.db.selectFrom('halls').select('id').limit(1).execute();
    return { status: 'ok' };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, ctx);
  orgRoutes(app, ctx);
  accountRoutes(app, ctx);
  auditRoutes(app, ctx);
  catalogRoutes(app, ctx);
  guideRoutes(app, ctx);
  calendarRoutes(app, ctx);

  if (fs.existsSync(path.join(ctx.config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: false });
    // The web app routes on the client: any other page address gets index.html.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}
