import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionChoices, auditActionLabel, auditTargetLabel } from './labels.ts';

const SRC = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every literal audit code in the server: the third argument of byActor, or an `action:` of a dotted code. */
function literalCodes() {
  const codes = new Set<string>();
  const targets = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/byActor\(\s*[^,]+,\s*[^,]+,\s*'([a-z_.]+)',\s*'([a-z_]+)'/g)) {
      codes.add(m[1] as string);
      targets.add(m[2] as string);
    }
    for (const m of text.matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1] as string);
    // A route with auditRead records `<kind>.read` on every read (platform/read-audit.ts).
    for (const m of text.matchAll(/auditRead: '([a-z_]+)'/g)) {
      codes.add(`${m[1]}.read`);
      targets.add(m[1] as string);
    }
  }
  return { codes: [...codes], targets: [...targets] };
}

// Codes built from a template in the source, with every value their variable can take there.
const TEMPLATED = [
  ...['approved', 'rejected'].map((s) => `archive.disposal.${s}`),
  ...['approved', 'rejected'].map((s) => `archive.loan.${s}`),
  ...['approve', 'reject', 'cancel'].map((s) => `account.admin_request.${s}`),
  ...['close', 'return'].map((s) => `rectification.${s}`),
  ...['post', 'window', 'stand_in'].map((s) => `staff.pair.${s}`),
  ...['in', 'out', 'away', 'back'].map((s) => `staff.clock.${s}`),
  ...['call_back', 'verify', 'plan', 'rectified', 'rerate'].map((s) => `case_rating.task.${s}`),
  ...['answer', 'promise', 'refer', 'coordinate', 'department_answer', 'handover', 'set_item'].map(
    (s) => `consult.${s}`,
  ),
  ...['create', 'upload', 'removeUpload', 'submit', 'pass', 'return', 'accept'].map((s) => `prereview.${s}`),
];

describe('audit labels', () => {
  const { codes, targets } = literalCodes();

  it('finds the codes in the source (the scan itself works)', () => {
    expect(codes).toContain('case.register');
    expect(codes).toContain('archive.disposal.execute');
    expect(codes.length).toBeGreaterThan(150);
    expect(targets).toContain('case');
  });

  it('names every audit code of the server in Chinese, with no code word left', () => {
    const unread = [...codes, ...TEMPLATED].filter((c) => /[a-z]/.test(auditActionLabel(c)));
    expect(unread).toEqual([]);
  });

  it('names every object kind in Chinese', () => {
    expect(targets.filter((t) => /[a-z]/.test(auditTargetLabel(t) ?? ''))).toEqual([]);
  });

  it('reads an exact entry before the word-by-word reading, and keeps an unknown word as it is', () => {
    expect(auditActionLabel('case.register')).toBe('办件 · 收件受理');
    expect(auditActionLabel('archive.loan.approved')).toBe('档案 · 借阅 · 批准');
    expect(auditActionLabel('archive.loan.return')).toBe('档案 · 借阅 · 归还');
    expect(auditActionLabel('rectification.return')).toBe('整改 · 退回重改');
    expect(auditActionLabel('case.zzz')).toBe('办件 · zzz');
  });

  it('offers each area and its named actions for the filter', () => {
    const areas = auditActionChoices();
    const caseArea = areas.find((a) => a.area === 'case');
    expect(caseArea?.areaLabel).toBe('办件');
    expect(caseArea?.actions.map((a) => a.code)).toContain('case.register');
    expect(areas.every((a) => a.actions.every((x) => x.code.startsWith(a.area)))).toBe(true);
  });
});
