import { describe, expect, it } from 'vitest';
import {
  applySupplement,
  type ChecklistMaterial,
  checkMaterials,
  type MaterialMark,
  markProblem,
} from './checklist.ts';

const list: ChecklistMaterial[] = [
  { key: 'form', name: '申请书', requirement: 'required', essential: true },
  { key: 'lease', name: '租赁合同', requirement: 'required', essential: false },
  { key: 'poa', name: '授权委托书', requirement: 'conditional', essential: false },
  { key: 'photo', name: '照片', requirement: 'optional', essential: false },
];
const got = (key: string): MaterialMark => ({ key, status: 'received', copies: 1, pages: 2, reason: '' });
const mark = (key: string, status: MaterialMark['status'], reason = ''): MaterialMark => ({
  key,
  status,
  copies: 0,
  pages: 0,
  reason,
});

describe('materials check', () => {
  it('is complete when every required and applicable conditional material is received', () => {
    const r = checkMaterials(list, [
      got('form'),
      got('lease'),
      mark('poa', 'not_applicable'),
      mark('photo', 'missing'),
    ]);
    expect(r).toEqual({ shortfalls: [], complete: true, deferrable: false });
  });

  it('lists every shortfall at once, with incorrect ones and their reasons', () => {
    const r = checkMaterials(list, [
      mark('form', 'incorrect', '未签字'),
      mark('lease', 'missing'),
      mark('poa', 'missing'),
      got('photo'),
    ]);
    expect(r.shortfalls.map((s) => [s.key, s.status])).toEqual([
      ['form', 'incorrect'],
      ['lease', 'missing'],
      ['poa', 'missing'],
    ]);
    expect(r.shortfalls[0]!.reason).toBe('未签字');
    expect(r.deferrable).toBe(false);
  });

  it('allows deferral only when every shortfall is non-essential', () => {
    expect(
      checkMaterials(list, [got('form'), mark('lease', 'missing'), mark('poa', 'not_applicable'), got('photo')])
        .deferrable,
    ).toBe(true);
    expect(
      checkMaterials(list, [mark('form', 'missing'), got('lease'), mark('poa', 'not_applicable'), got('photo')])
        .deferrable,
    ).toBe(false);
  });

  it('refuses unusable marks, naming the field', () => {
    expect(markProblem(list, [got('form'), got('lease'), got('poa')])).toMatchObject({ field: 'materials' });
    expect(markProblem(list, [mark('form', 'not_applicable'), got('lease'), got('poa'), got('photo')])).toMatchObject({
      field: 'materials.0.status',
    });
    expect(markProblem(list, [got('form'), got('form')])).toMatchObject({ field: 'materials.1.key' });
    expect(markProblem(list, [got('x')])).toMatchObject({ field: 'materials.0.key' });
    expect(markProblem(list, [got('form'), mark('lease', 'incorrect'), got('poa'), got('photo')])).toMatchObject({
      field: 'materials.1.reason',
    });
    expect(markProblem(list, [{ ...got('form'), pages: 0 }, got('lease'), got('poa'), got('photo')])).toMatchObject({
      field: 'materials.0.pages',
    });
    expect(markProblem(list, [got('form'), got('lease'), got('poa'), mark('photo', 'not_applicable')])).toBeNull();
  });

  it('copies the marks forward on a supplement and changes only the supplied ones', () => {
    const before = [got('form'), mark('lease', 'incorrect', '过期'), mark('poa', 'missing'), mark('photo', 'missing')];
    const after = applySupplement(before, [{ key: 'lease', copies: 1, pages: 3 }]);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toEqual({ key: 'lease', status: 'received', copies: 1, pages: 3, reason: '' });
    expect(checkMaterials(list, after).shortfalls.map((s) => s.key)).toEqual(['poa']);
  });
});
