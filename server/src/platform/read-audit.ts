import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from './audit.ts';
import type { AppContext } from './context.ts';
import { clientIp } from './http.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers with personal data or a document (a PDF, a result file, an export): each successful read
     * is audited as `<auditRead>.read`, its target the `:id` of the address and the other parameters in detail.
     */
    auditRead?: string;
  }
}

function readEntry(req: FastifyRequest, targetType: string) {
  const params = { ...((req.params as Record<string, string> | undefined) ?? {}) };
  const targetId = params.id ?? null;
  delete params.id;
  const actor = req.actor;
  return {
    userId: actor?.userId ?? null,
    username: actor?.username ?? null,
    action: `${targetType}.read`,
    targetType,
    targetId,
    outcome: 'success' as const,
    ip: clientIp(req),
    detail: { route: `${req.method} ${req.routeOptions.url}`, ...params },
  };
}

/**
 * Reads of personal data and documents are in the audit log. The record is written before the answer leaves,
 * so a read that cannot be recorded is not served.
 */
export function installReadAudit(app: FastifyInstance, ctx: AppContext) {
  app.addHook('onSend', async (req, reply, payload) => {
    const targetType = req.routeOptions.config?.auditRead;
    if (!targetType || reply.statusCode >= 300) return payload;
    await recordAudit(ctx.db, { at: ctx.clock.now(), ...readEntry(req, targetType) });
    return payload;
  });
}
