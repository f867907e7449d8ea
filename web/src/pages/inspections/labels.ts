import type { MessageKey, Translate } from '../../i18n';
import { inspectionsZhCN } from '../../i18n/inspections/zh-CN';

/** A name the server sends in Chinese, shown through the dictionary by its code; the server's own text for a code we do not know yet. */
function byCode(t: Translate, key: string, serverText: string): string {
  const text = t(key as MessageKey);
  return text === key ? serverText : text;
}

export const checkLabel = (t: Translate, check: { key: string; label: string }) =>
  byCode(t, `ins.check.${check.key}`, check.label);

export const statusLabel = (t: Translate, status: string, serverText: string) =>
  byCode(t, `ins.status.${status}`, serverText);

export const indicatorName = (t: Translate, i: { key: string; name: string }) =>
  byCode(t, `ins.indicator.${i.key}`, i.name);

export const indicatorFormula = (t: Translate, i: { key: string; formula: string }) =>
  byCode(t, `ins.indicator.${i.key}.formula`, i.formula);

// The board's overdue rows carry the status as its Chinese name only; find its code from our own dictionary.
const statusCodeByName = new Map(
  Object.entries(inspectionsZhCN)
    .filter(([key]) => key.startsWith('ins.status.'))
    .map(([key, name]) => [name as string, key.slice('ins.status.'.length)]),
);

export const statusFromName = (t: Translate, name: string) => {
  const code = statusCodeByName.get(name);
  return code ? statusLabel(t, code, name) : name;
};
