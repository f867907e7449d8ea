import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a multipart/form-data body (a file upload); every other write takes JSON only. */
    acceptsMultipart?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const crossSite = () =>
  new AppError(403, 'CROSS_SITE_REQUEST', '拒绝来自其他站点的请求', 'A request from another site was refused');

function mediaType(req: FastifyRequest): string | null {
  const raw = req.headers['content-type'];
  if (!raw) return null;
  return raw.split(';')[0]?.trim().toLowerCase() ?? null;
}

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The origins this server answers for: its public address and the address the caller reached it by. */
export function ownOrigins(req: FastifyRequest, config: Pick<Config, 'publicBaseUrl'>): Set<string> {
  const out = new Set<string>();
  try {
    out.add(new URL(config.publicBaseUrl).origin);
  } catch {
    // an unparsable PUBLIC_BASE_URL adds nothing
  }
  // Fastify's host (and protocol) honour X-Forwarded-Host/-Proto only from a trusted proxy.
  const host = req.host;
  if (host) out.add(`${req.protocol}://${host}`.toLowerCase());
  return out;
}

/**
 * Cross-site request forgery: a browser names where a write comes from (`Origin`, `Sec-Fetch-Site`), so a write
 * from any other site — a same-site page on another port included — is refused; and a write's body must be
 * JSON (a form can send text/plain or urlencoded without a preflight), except on routes that declare
 * `acceptsMultipart` for an upload. Clients that are not browsers send neither header and are not affected.
 */
export function installCsrfGuard(app: FastifyInstance, config: Pick<Config, 'publicBaseUrl'>) {
  app.addHook('onRequest', async (req) => {
    if (!WRITE_METHODS.has(req.method)) return;
    // A machine client's API key travels in a header no page can make a browser send; it carries no cookie to forge.
    if (/^bearer\s/i.test(req.headers.authorization ?? '') && !req.headers.cookie) return;
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') throw crossSite();
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !ownOrigins(req, config).has(origin.toLowerCase())) throw crossSite();
    const type = mediaType(req);
    if (type === null && !hasBody(req)) return;
    if (type === 'application/json') return;
    if (type === 'multipart/form-data' && req.routeOptions.config?.acceptsMultipart) return;
    throw new AppError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '请求内容须为 JSON（Content-Type: application/json）',
      'The request body must be JSON (Content-Type: application/json)',
      'Content-Type',
    );
  });
}
