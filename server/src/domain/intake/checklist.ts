/**
 * The materials check at reception (R3.4): the clerk marks every material of the item's checklist, and the
 * marks decide which outcomes the clerk may choose (R3.5, R3.8). Pure: no I/O.
 */

export interface ChecklistMaterial {
  key: string;
  name: string;
  requirement: 'required' | 'conditional' | 'optional';
  /** An essential material may never be deferred (容缺). */
  essential: boolean;
}

export type MarkStatus = 'received' | 'missing' | 'incorrect' | 'not_applicable';

export interface MaterialMark {
  key: string;
  status: MarkStatus;
  copies: number;
  pages: number;
  /** Why a material is incorrect, in words the applicant understands. */
  reason: string;
}

export interface Problem {
  field: string;
  zh: string;
  en: string;
}

export interface Shortfall {
  key: string;
  name: string;
  status: 'missing' | 'incorrect';
  essential: boolean;
  reason: string;
}

export interface ChecklistResult {
  /** Required (and applicable conditional) materials that are missing or incorrect. */
  shortfalls: Shortfall[];
  complete: boolean;
  /** Every shortfall is non-essential, so 容缺受理 is possible. */
  deferrable: boolean;
}

/**
 * Is every material marked exactly once and consistently? Names the first bad field as `materials.N.x`.
 * Returns null when the marks are usable.
 */
export function markProblem(checklist: readonly ChecklistMaterial[], marks: readonly MaterialMark[]): Problem | null {
  const known = new Map(checklist.map((m) => [m.key, m]));
  const seen = new Set<string>();
  for (const [i, mark] of marks.entries()) {
    const m = known.get(mark.key);
    if (!m)
      return {
        field: `materials.${i}.key`,
        zh: `材料“${mark.key}”不在本事项的材料清单中`,
        en: `Material ${mark.key} is not on the checklist`,
      };
    if (seen.has(mark.key))
      return { field: `materials.${i}.key`, zh: `材料“${m.name}”重复登记`, en: `Material ${m.name} is marked twice` };
    seen.add(mark.key);
    if (mark.status === 'not_applicable' && m.requirement === 'required') {
      return {
        field: `materials.${i}.status`,
        zh: `“${m.name}”为必需材料，不能标记为不适用`,
        en: `${m.name} is required and always applies`,
      };
    }
    if (mark.status === 'received' && (mark.copies < 1 || mark.pages < 1)) {
      return {
        field: `materials.${i}.pages`,
        zh: `请填写“${m.name}”的份数和页数`,
        en: `Enter copies and pages of ${m.name}`,
      };
    }
    if (mark.status === 'incorrect' && mark.reason.trim() === '') {
      return {
        field: `materials.${i}.reason`,
        zh: `请说明“${m.name}”不符合要求的原因`,
        en: `Say why ${m.name} is incorrect`,
      };
    }
  }
  const unmarked = checklist.find((m) => !seen.has(m.key));
  if (unmarked) {
    return {
      field: 'materials',
      zh: `材料清单中的“${unmarked.name}”尚未核对`,
      en: `${unmarked.name} has not been checked`,
    };
  }
  return null;
}

/** What the marks mean for the outcome: the shortfalls in checklist order. */
export function checkMaterials(
  checklist: readonly ChecklistMaterial[],
  marks: readonly MaterialMark[],
): ChecklistResult {
  const byKey = new Map(marks.map((m) => [m.key, m]));
  const shortfalls: Shortfall[] = [];
  for (const m of checklist) {
    if (m.requirement === 'optional') continue;
    const mark = byKey.get(m.key);
    const status = mark?.status ?? 'missing';
    if (status === 'received' || (status === 'not_applicable' && m.requirement === 'conditional')) continue;
    shortfalls.push({
      key: m.key,
      name: m.name,
      status: status === 'incorrect' ? 'incorrect' : 'missing',
      essential: m.essential,
      reason: mark?.reason ?? '',
    });
  }
  return {
    shortfalls,
    complete: shortfalls.length === 0,
    deferrable: shortfalls.length > 0 && shortfalls.every((s) => !s.essential),
  };
}

/** Marks after a supplement: the named materials are now received; everything else is copied forward. */
export function applySupplement(
  marks: readonly MaterialMark[],
  supplied: readonly { key: string; copies: number; pages: number }[],
): MaterialMark[] {
  const by = new Map(supplied.map((s) => [s.key, s]));
  return marks.map((m) => {
    const s = by.get(m.key);
    return s ? { key: m.key, status: 'received', copies: s.copies, pages: s.pages, reason: '' } : { ...m };
  });
}
