import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';

/**
 * The content security policy of every answer. Ant Design writes its styles into <style> elements at run time
 * (CSS-in-JS), so inline styles are allowed; scripts come only from this server's own files. No page is ever
 * shown inside a frame (PDFs and tickets open in a tab of their own), so framing is refused everywhere.
 */
export function contentSecurityPolicy(secure: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Over plain HTTP (a hall's own network) an upgrade would break every request.
    'upgrade-insecure-requests': secure ? [] : null,
  };
}

/** Security headers on every answer (helmet); HSTS only when the site is served over HTTPS. */
export async function installSecurityHeaders(app: FastifyInstance, config: Pick<Config, 'secureCookies'>) {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config.secureCookies) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
