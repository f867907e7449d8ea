/**
 * Numbers that arrive as text (query strings, path segments). Strict on purpose: `Number()` and z.coerce read
 * '' and ' ' as 0, '0x10' as 16, '1e3' as 1000 and '+5' as 5, so a typo would silently become another number.
 * Only plain decimal digits (an optional leading minus) pass; anything else is a 400 naming the field.
 */
import { z } from 'zod';

const WHOLE = /^-?(?:0|[1-9]\d{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?$/;

/** The texts of a refusal; the error handler shows the one of the caller's language. */
export interface OwnMessage {
  zh: string;
  en: string;
}

interface Bounds {
  min?: number;
  max?: number;
}

function parsed(pattern: RegExp, number: z.ZodNumber, message: OwnMessage, bounds: Bounds) {
  let n = number;
  if (bounds.min !== undefined) n = n.min(bounds.min);
  if (bounds.max !== undefined) n = n.max(bounds.max);
  const type = number.format === 'safeint' ? 'integer' : 'number';
  return z
    .string()
    .meta({ type, pattern: pattern.source, minimum: bounds.min, maximum: bounds.max })
    .transform((text, ctx) => {
      if (pattern.test(text)) return Number(text);
      ctx.addIssue({ code: 'custom', message: message.en, params: message, input: text });
      return z.NEVER;
    })
    .pipe(n);
}

/** A whole number given as text: `intParam({ min: 0, max: 3650 })`; add `.default(n)` or `.optional()` as needed. */
export const intParam = (bounds: Bounds = {}) =>
  parsed(
    WHOLE,
    z.number().int(),
    { zh: '应为整数，只能由数字组成', en: 'must be a whole number written in digits' },
    bounds,
  );

/** A decimal number given as text (digits, one optional point, at most six places). */
export const decimalParam = (bounds: Bounds = {}) =>
  parsed(
    DECIMAL,
    z.number(),
    { zh: '应为数字，只能由数字和小数点组成', en: 'must be a number written in digits' },
    bounds,
  );

/** The texts of a refusal raised by this file, for the error handler. */
export function ownMessageOf(issue: { code?: string; params?: unknown } | undefined): OwnMessage | null {
  const p = issue?.code === 'custom' ? (issue.params as Partial<OwnMessage> | undefined) : undefined;
  return p && typeof p.zh === 'string' && typeof p.en === 'string' ? { zh: p.zh, en: p.en } : null;
}
