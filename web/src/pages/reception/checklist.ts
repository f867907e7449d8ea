import type { CaseMaterial, MaterialStatus } from '../../api/cases';
import type { Mark } from '../../api/reception';
import type { Material } from '../../api/types';

export interface Row extends Mark {
  name: string;
  requirement: Material['requirement'];
  condition: string;
  essential: boolean;
  defaultCopies: number;
}

/**
 * One row per material of the item's published checklist. A required material starts as "received, the usual
 * copies" and a conditional or optional one as "not applicable": the clerk only touches what differs.
 */
export function rowsFor(materials: readonly Material[]): Row[] {
  return materials.map((m) => ({
    key: m.key,
    name: m.name,
    requirement: m.requirement,
    condition: m.condition,
    essential: m.essential,
    defaultCopies: Math.max(1, m.copies),
    status: (m.requirement === 'required' ? 'received' : 'not_applicable') as MaterialStatus,
    copies: m.requirement === 'required' ? Math.max(1, m.copies) : 0,
    pages: m.requirement === 'required' ? 1 : 0,
    reason: '',
  }));
}

export interface Shortfall {
  key: string;
  name: string;
  status: 'missing' | 'incorrect';
  essential: boolean;
  reason: string;
}

/** The same reading of the marks as the server's (domain/intake): it only decides which buttons light up. */
export function shortfallsOf(
  rows: readonly Pick<CaseMaterial, 'key' | 'name' | 'requirement' | 'essential' | 'status' | 'reason'>[],
) {
  const shortfalls: Shortfall[] = [];
  for (const r of rows) {
    if (r.requirement === 'optional') continue;
    if (r.status === 'received' || (r.status === 'not_applicable' && r.requirement === 'conditional')) continue;
    shortfalls.push({
      key: r.key,
      name: r.name,
      status: r.status === 'incorrect' ? 'incorrect' : 'missing',
      essential: r.essential,
      reason: r.reason,
    });
  }
  return {
    shortfalls,
    complete: shortfalls.length === 0,
    deferrable: shortfalls.length > 0 && shortfalls.every((s) => !s.essential),
  };
}

/** What still stops the clerk from sending the marks (copies and pages, reasons), or null. */
export function incompleteRow(rows: readonly Row[]): Row | null {
  return (
    rows.find(
      (r) =>
        (r.status === 'received' && (r.copies < 1 || r.pages < 1)) || (r.status === 'incorrect' && !r.reason.trim()),
    ) ?? null
  );
}
