import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRoutes } from './modules/accounts/routes.ts';
import { apiKeyRoutes } from './modules/apikeys/routes.ts';
import { actorForKey } from './modules/apikeys/service.ts';
import { applicantRoutes } from './modules/applicants/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { backofficeRoutes } from './modules/backoffice/routes.ts';
import { resultRoutes } from './modules/results/routes.ts';
import { timelimitRoutes } from './modules/timelimits/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { consultRoutes } from './modules/consult/routes.ts';
import { guideRoutes } from './modules/guide/routes.ts';
import { intakeRoutes } from './modules/intake/routes.ts';
import { knowledgeRoutes } from './modules/knowledge/routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { queueRoutes } from './modules/queue/routes.ts';
import { ratingRoutes } from './modules/rating/routes.ts';
import { appointmentRoutes } from './modules/appointments/routes.ts';
import { supervisionRoutes } from './modules/supervision/routes.ts';
import { alertUncovered } from './modules/supervision/service.ts';
import { whenCoverChanges } from './modules/staff/service.ts';
import { scanRoutes } from './modules/scans/routes.ts';
import { escalationRoutes } from './modules/escalations/routes.ts';
import { expertRoutes } from './modules/experts/routes.ts';
import { deferralRoutes } from './modules/deferrals/routes.ts';
import { privacyRoutes } from './modules/privacy/routes.ts';
import { townshipRoutes } from './modules/township/routes.ts';
import { trainingRoutes } from './modules/training/routes.ts';
import { conductRoutes } from './modules/conduct/routes.ts';
import { inspectionRoutes } from './modules/inspections/routes.ts';
import { prereviewRoutes } from './modules/prereview/routes.ts';
import { archiveRoutes } from './modules/archives/routes.ts';
import { equipmentRoutes } from './modules/equipment/routes.ts';
import { feeRoutes } from './modules/fees/routes.ts';
import { emergencyRoutes } from './modules/emergency/routes.ts';
import { staffRoutes } from './modules/staff/routes.ts';
import { noticeRoutes } from './modules/notices/routes.ts';
import { webhookRoutes } from './modules/webhooks/routes.ts';
import { complaintRoutes } from './modules/complaints/routes.ts';
import { statsRoutes } from './modules/stats/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { assessmentRoutes } from './modules/assessment/routes.ts';
import { workbenchRoutes } from './modules/workbench/routes.ts';
import type { AppContext } from './platform/context.ts';
import { installAccessControl, installErrorHandler } from './platform/http.ts';
import { installIdempotency } from './platform/idempotency.ts';
import { installInputGuard } from './platform/input-guard.ts';
import { installMetrics } from './platform/metrics.ts';
import { countRequests } from './platform/request-load.ts';
import { installCsrfGuard } from './platform/csrf.ts';
import { installRateLimits } from './platform/rate-limit.ts';
import { installReadAudit } from './platform/read-audit.ts';
import { installSecurityHeaders } from './platform/security-headers.ts';
import { logRedaction, requestSerializer } from './platform/log-redaction.ts';
import { openapiBase, openapiTransform, openapiTransformObject } from './platform/openapi.ts';

/** Builds the HTTP application around an open database; the caller owns listening and closing. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    bodyLimit: 2 * 1024 * 1024,
    // Personal data never lands in request logs: only method, route and status.
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' }),
    trustProxy: ctx.config.trustedProxies.length ? ctx.config.trustedProxies : false,
    // Lookup secrets (phone digits, pad tokens, consultation codes, searched ID numbers) never reach a log line.
    childLoggerFactory: (logger, bindings, opts) =>
      logger.child(bindings, { ...opts, redact: logRedaction, serializers: { req: requestSerializer } }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifyCookie);
  await installSecurityHeaders(app, ctx.config);
  await installRateLimits(app, ctx);
  await app.register(fastifySwagger, {
    openapi: openapiBase,
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  const servesWebApp = fs.existsSync(path.join(ctx.config.webDist, 'index.html'));
  installErrorHandler(app, { servesWebApp, ctx });
  installCsrfGuard(app, ctx.config);
  // A machine client's API key resolves to an actor scoped by the key (接口密钥).
  installAccessControl(app, ctx, { bearer: (presented, ip) => actorForKey(ctx, presented, ip) });
  installReadAudit(app, ctx);
  installInputGuard(app);
  installIdempotency(app, ctx);
  installMetrics(app, ctx.config);
  countRequests(app);

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
  applicantRoutes(app, ctx);
  intakeRoutes(app, ctx);
  caseRoutes(app, ctx);
  backofficeRoutes(app, ctx);
  resultRoutes(app, ctx);
  timelimitRoutes(app, ctx);
  consultRoutes(app, ctx);
  knowledgeRoutes(app, ctx);
  queueRoutes(app, ctx);
  ratingRoutes(app, ctx);
  appointmentRoutes(app, ctx);
  supervisionRoutes(app, ctx);
  // AB岗: the supervisor hears of a person left uncovered as soon as a leave or a 暂离 causes it.
  whenCoverChanges(alertUncovered);
  scanRoutes(app, ctx);
  escalationRoutes(app, ctx);
  expertRoutes(app, ctx);
  deferralRoutes(app, ctx);
  privacyRoutes(app, ctx);
  townshipRoutes(app, ctx);
  trainingRoutes(app, ctx);
  conductRoutes(app, ctx);
  inspectionRoutes(app, ctx);
  prereviewRoutes(app, ctx);
  archiveRoutes(app, ctx);
  equipmentRoutes(app, ctx);
  feeRoutes(app, ctx);
  emergencyRoutes(app, ctx);
  staffRoutes(app, ctx);
  noticeRoutes(app, ctx);
  webhookRoutes(app, ctx);
  complaintRoutes(app, ctx);
  statsRoutes(app, ctx);
  reportRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  workbenchRoutes(app, ctx);
  apiKeyRoutes(app, ctx);

  if (servesWebApp) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, { root: ctx.config.webDist, wildcard: true });
  }
  return app;
}
