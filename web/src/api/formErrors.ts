import type { FormInstance } from 'antd';
import { isApiError } from './client';

type NamePath = (string | number)[];

/** 'content.materials[0].name' / 'materials.0.name' → ['materials', 0, 'name'] */
export function fieldToPath(field: string, strip: string[] = ['content', 'body']): NamePath {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  while (parts.length > 1 && typeof parts[0] === 'string' && strip.includes(parts[0])) parts.shift();
  return parts;
}

function hasPath(obj: unknown, path: NamePath): boolean {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return false;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Puts a server VALIDATION/CONFLICT error on the matching form item.
 * `aliases` maps server field names to form names (e.g. feeFen → feeYuan).
 * Returns true when the error was shown on a field; otherwise the caller shows a toast.
 */
export function applyFieldError(form: FormInstance, err: unknown, aliases: Record<string, string> = {}): boolean {
  if (!isApiError(err) || !err.field) return false;
  const path = fieldToPath(err.field).map((p) => (typeof p === 'string' && aliases[p] ? aliases[p] : p));
  if (!hasPath(form.getFieldsValue(), path)) return false;
  form.setFields([{ name: path, errors: [err.message] }]);
  form.scrollToField(path, { block: 'center' });
  return true;
}
