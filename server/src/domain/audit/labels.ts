/**
 * What an audit record says, in the words of the hall: 「档案 · 借阅 · 批准」 instead of `archive.loan.approved`.
 * Auditors read and filter the log without knowing the codes (R19.12). A code is named by an exact entry when one
 * reads better, else word by word from its dotted parts, so a code added later still reads in Chinese as long as
 * its words are known (a test scans the source for every literal code and checks its label has no Latin letters).
 * The tables are in areas.ts, exact-codes.ts, code-words.ts and targets.ts; the reading of a code is here.
 */

import { AUDIT_AREAS } from './areas.ts';
import { WORDS } from './code-words.ts';
import { EXACT } from './exact-codes.ts';
import { AUDIT_TARGETS } from './targets.ts';

export { AUDIT_AREAS, AUDIT_TARGETS };

/** The code in the hall's words; a part with no entry is left as it is (and the source scan test catches it). */
export function auditActionLabel(code: string): string {
  const exact = EXACT[code];
  if (exact) return exact;
  const [area = '', ...rest] = code.split('.');
  const head = AUDIT_AREAS[area] ?? AUDIT_TARGETS[area] ?? WORDS[area] ?? area;
  return rest.length ? `${head} · ${rest.map((w) => WORDS[w] ?? AUDIT_AREAS[w] ?? w).join(' · ')}` : head;
}

export const auditTargetLabel = (type: string | null): string | null =>
  type === null ? null : (AUDIT_TARGETS[type] ?? type);

/**
 * The actions an auditor can pick in the filter, by area: every exact entry plus each area as a whole
 * (filtering by an area matches every code that starts with it).
 */
export function auditActionChoices(): {
  area: string;
  areaLabel: string;
  actions: { code: string; label: string }[];
}[] {
  return Object.entries(AUDIT_AREAS).map(([area, areaLabel]) => ({
    area,
    areaLabel,
    actions: Object.entries(EXACT)
      .filter(([c]) => c === area || c.startsWith(`${area}.`))
      .map(([code, label]) => ({ code, label })),
  }));
}
