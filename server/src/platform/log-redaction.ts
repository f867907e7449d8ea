import type { FastifyRequest } from 'fastify';

/** Header and body fields that hold a secret; pino replaces them wherever a log line carries them. */
export const logRedaction = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-pad-token"]',
    'headers.cookie',
    'headers.authorization',
    'headers["x-pad-token"]',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.token',
    '*.lookupCode',
  ],
  censor: '[redacted]',
};

/**
 * A request address with every query value replaced: query strings carry lookup secrets (the last digits of a
 * phone, a pad token, a consultation's lookup code) and searched names and numbers.
 */
export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=***`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

/** What a request log line says of the request: never its query values, headers or body. */
export function requestSerializer(req: FastifyRequest) {
  return { method: req.method, url: redactedUrl(req.url), remoteAddress: req.ip };
}
