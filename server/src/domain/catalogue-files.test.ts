import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formFileName, formFileType } from './catalogue-files.ts';
import { isInvisible } from './files.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('a blank form or sample is what its content says', () => {
  it('PDF and pictures by their first bytes, whatever the name', () => {
    expect(formFileType(new TextEncoder().encode('%PDF-1.7\n'), '表.docx')?.extension).toBe('.pdf');
    expect(formFileType(bytes(0xff, 0xd8, 0xff), 'a.png')?.contentType).toBe('image/jpeg');
  });

  it('Word, Excel and OFD share the zip container: the extension tells them apart', () => {
    expect(formFileType(bytes(...ZIP), '申请表.docx')?.extension).toBe('.docx');
    expect(formFileType(bytes(...ZIP), '申请表.XLSX')?.extension).toBe('.xlsx');
    expect(formFileType(bytes(...OLE), '申请表.doc')?.contentType).toBe('application/msword');
    // A zip that claims to be a PDF, or an unknown zip, is refused.
    expect(formFileType(bytes(...ZIP), '申请表.pdf')).toBeNull();
    expect(formFileType(bytes(...ZIP), 'tool.exe')).toBeNull();
  });

  it('a program or a text file is refused', () => {
    expect(formFileType(bytes(0x4d, 0x5a), '申请表.doc')).toBeNull();
    expect(formFileType(new TextEncoder().encode('<html>'), '申请表.pdf')).toBeNull();
  });
});

describe('the download name', () => {
  const pdf = { contentType: 'application/pdf', extension: '.pdf' };
  it('keeps the Chinese name and ends in the real extension', () => {
    expect(formFileName('C:\\表格\\居住证申请表.pdf', pdf, 'x')).toBe('居住证申请表.pdf');
    expect(formFileName('居住证申请表.doc', pdf, 'x')).toBe('居住证申请表.doc.pdf');
    expect(formFileName('  ', pdf, '居住地住址证明（空白表格）')).toBe('居住地住址证明（空白表格）.pdf');
  });

  it('never carries a folder, a control character or a direction mark, and stays short', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const name = formFileName(raw, pdf, '表格');
        expect(name.endsWith('.pdf')).toBe(true);
        expect(name).not.toMatch(/[/\\]/);
        expect([...name].some((ch) => isInvisible(ch.codePointAt(0) ?? 0))).toBe(false);
        expect([...name].length).toBeLessThanOrEqual(84);
      }),
    );
  });
});
