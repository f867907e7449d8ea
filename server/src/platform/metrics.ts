import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A scraper with the METRICS_TOKEN bearer token, or a caller on this machine (the address behind any trusted proxy). */
export function mayReadMetrics(req: FastifyRequest, token: string | null): boolean {
  const auth = req.headers.authorization ?? '';
  if (token && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7).trim());
    const want = Buffer.from(token);
    if (given.length === want.length && timingSafeEqual(given, want)) return true;
  }
  return LOOPBACK.has(req.ip);
}

/** Prometheus text at /metrics: process figures plus request durations by route. */
export function installMetrics(app: FastifyInstance, config: Pick<Config, 'metricsToken'>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'onewindow_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!mayReadMetrics(req, config.metricsToken)) {
      throw new AppError(401, 'UNAUTHENTICATED', '读取监控指标需要令牌', 'Reading metrics needs the metrics token');
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
