import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

// NUL and unpaired surrogates are never meaningful text here: PostgreSQL refuses NUL in a text column (a 500
// instead of a 400) and both drivers silently turn a lone surrogate into U+FFFD, so a stored value would differ
// from what was sent. They are refused before validation, naming the field, on every route.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function badText(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

/** The path of the first string (key or value) in `value` that is not clean text, or null. */
function firstBad(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'string') return badText(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = [...path, k];
    if (badText(k)) return at;
    const found = firstBad(v, at, depth + 1);
    if (found) return found;
  }
  return null;
}

export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    for (const part of [req.params, req.query, req.body]) {
      const bad = firstBad(part, []);
      if (bad) {
        const field = bad.join('.') || 'body';
        throw new AppError(
          400,
          'VALIDATION',
          `字段 ${field}：含有不允许的字符（空字符或无效的 Unicode）`,
          `Field ${field}: contains a NUL or invalid Unicode character`,
          field,
        );
      }
    }
  });
}
