import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName, isInvisible, MAX_DISPLAY_NAME, type SniffedType, sniffType } from './files.ts';

const scanTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const bytes = (...b: number[]) => Uint8Array.from(b);

describe('what a file is, by its first bytes', () => {
  it('knows PDF, JPEG and PNG by their signatures and nothing else', () => {
    expect(sniffType(Buffer.from('%PDF-1.4 …'), scanTypes)).toBe('application/pdf');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe1), scanTypes)).toBe('image/jpeg');
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), scanTypes)).toBe('image/png');
    expect(sniffType(Buffer.from('%PDF'), scanTypes)).toBeNull();
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a), scanTypes)).toBeNull();
    expect(sniffType(Buffer.from('GIF89a'), scanTypes)).toBeNull();
    expect(sniffType(bytes(0x50, 0x4b, 3, 4), scanTypes)).toBeNull();
    expect(sniffType(bytes(0x50, 0x4b, 3, 4), ['application/ofd'])).toBe('application/ofd');
    expect(sniffType(bytes(), scanTypes)).toBeNull();
  });

  it('never calls text a scan', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = sniffType(Buffer.from(s), scanTypes);
        return t === null || (t === 'application/pdf' && s.startsWith('%PDF-'));
      }),
    );
  });
});

describe('the name a stored file is shown under', () => {
  it('drops folders, control and direction characters, and adds the extension the content has', () => {
    expect(displayName('C:\\Users\\me\\扫描件 01.pdf', 'application/pdf', '材料')).toBe('扫描件 01.pdf');
    expect(displayName('../../etc/passwd', 'image/png', '材料')).toBe('passwd.png');
    expect(displayName('photo\u202egpj.exe', 'image/jpeg', '材料')).toBe('photogpj.exe.jpg');
    expect(displayName('IMG_1.JPEG', 'image/jpeg', '材料')).toBe('IMG_1.JPEG');
    expect(displayName('', 'image/png', '身份证复印件')).toBe('身份证复印件.png');
    expect(displayName('...', 'application/pdf', '申请书')).toBe('申请书.pdf');
  });

  it('for any input is a single short name with the right extension', () => {
    const types: SniffedType[] = ['application/pdf', 'image/jpeg', 'image/png'];
    // Names built from what matters (separators, dots, controls, direction marks, wide characters) and long runs.
    const piece = fc.oneof(
      fc.constantFrom(
        '/',
        '\\',
        '.',
        '..',
        ' ',
        '\t',
        '\u0000',
        '\u001f',
        '\u007f',
        '\u0085',
        '\u202e',
        '\u2066',
        '\ufeff',
      ),
      fc.constantFrom('.pdf', '.PNG', '.jpeg'),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('扫描件', '𠮷', 'a'.repeat(90), '长'.repeat(120)),
    );
    const names = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(names, fc.constantFrom(...types), (raw, type) => {
        const name = displayName(raw, type, '材料');
        const lower = name.toLowerCase();
        const rightExtension =
          type === 'image/jpeg'
            ? lower.endsWith('.jpg') || lower.endsWith('.jpeg')
            : lower.endsWith(type === 'image/png' ? '.png' : '.pdf');
        const visible = ![...name].some((ch) => isInvisible(ch.codePointAt(0) ?? 0));
        return (
          !/[/\\]/.test(name) &&
          visible &&
          [...name].length <= MAX_DISPLAY_NAME &&
          name.length > 0 &&
          !name.startsWith('.') &&
          rightExtension
        );
      }),
      { numRuns: 300 },
    );
  });
});
