import { describe, expect, it } from 'vitest';
import { itemProblems, processDays } from './catalogue.ts';
import { maskIdNumber, maskPhone } from './masking.ts';
import { characterClasses, defaultPasswordPolicy, passwordWeakness } from './password-policy.ts';
import { breaksSeparationOfDuties, permissionsOf, roleDefinition } from './roles.ts';

describe('roles', () => {
  it("grants the union of the roles' permissions and nothing else", () => {
    const union = new Set([...roleDefinition('clerk').permissions, ...roleDefinition('auditadmin').permissions]);
    expect([...permissionsOf(['clerk', 'auditadmin'])].sort()).toEqual([...union].sort());
    expect(permissionsOf(['clerk']).has('catalog.read')).toBe(true);
    expect(permissionsOf(['clerk']).has('account.manage')).toBe(false);
    expect(permissionsOf(['auditadmin']).has('audit.verify')).toBe(true);
    expect(permissionsOf(['unknown-role']).size).toBe(0);
    expect(permissionsOf([]).size).toBe(0);
  });
  it('spots two administrator powers in one hand', () => {
    expect(breaksSeparationOfDuties(['sysadmin', 'clerk'])).toBe(false);
    expect(breaksSeparationOfDuties(['sysadmin', 'secadmin'])).toBe(true);
    expect(breaksSeparationOfDuties(['auditadmin', 'secadmin', 'clerk'])).toBe(true);
  });
});

describe('password policy', () => {
  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('Abc1')).toBe(3);
    expect(characterClasses('Ab1!')).toBe(4);
  });
  it('needs the length and the classes', () => {
    expect(passwordWeakness('Ab1!', defaultPasswordPolicy)).not.toBeNull();
    expect(passwordWeakness('abcdefgh1', defaultPasswordPolicy)).not.toBeNull();
    expect(passwordWeakness('Abcdefg1', defaultPasswordPolicy)).toBeNull();
  });
});

describe('masking', () => {
  it('keeps only the ends of personal numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('110105199003071234')).toBe('1101**********1234');
    expect(maskPhone(null)).toBeNull();
  });
});

describe('catalogue rules', () => {
  const base = {
    kind: 'committed' as const,
    legalDays: 10,
    promisedDays: 5,
    materials: [{ key: 'm1', requirement: 'required', condition: '' }],
    steps: [
      { key: 'a', order: 1, limitDays: 1 },
      { key: 'b', order: 2, limitDays: 3 },
      { key: 'c', order: 2, limitDays: 2 },
      { key: 'd', order: 3, limitDays: 1 },
    ],
  };
  it('counts parallel steps once, by the longest', () => {
    expect(processDays(base.steps)).toBe(5);
  });
  it('accepts a consistent item and names the field of an inconsistent one', () => {
    expect(itemProblems(base)).toBeNull();
    expect(itemProblems({ ...base, promisedDays: 11 })?.field).toBe('content.promisedDays');
    expect(itemProblems({ ...base, promisedDays: 4 })?.field).toBe('content.steps');
    expect(itemProblems({ ...base, kind: 'instant' })?.field).toBe('content.promisedDays');
    expect(
      itemProblems({ ...base, materials: [{ key: 'm1', requirement: 'conditional', condition: ' ' }] })?.field,
    ).toBe('content.materials.0.condition');
  });
});
