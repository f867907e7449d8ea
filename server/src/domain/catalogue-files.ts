/**
 * What a catalogue maintainer may hang beside a material for the public to download: its blank form (空白表格) and
 * a filled-in sample (填写样例). Forms come as PDF, Word, Excel, WPS or OFD documents or as pictures; the type is read
 * from the content, and the name's extension only tells apart the formats that share a container.
 */
import { visibleBaseName } from './files.ts';

export const materialFileKinds = ['blank_form', 'sample'] as const;
export type MaterialFileKind = (typeof materialFileKinds)[number];

export interface FormFileType {
  contentType: string;
  extension: string;
}

const PDF: FormFileType = { contentType: 'application/pdf', extension: '.pdf' };
const ZIP_FORMATS: Record<string, FormFileType> = {
  '.docx': {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
  },
  '.xlsx': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: '.xlsx' },
  '.ofd': { contentType: 'application/ofd', extension: '.ofd' },
};
const OLE_FORMATS: Record<string, FormFileType> = {
  '.doc': { contentType: 'application/msword', extension: '.doc' },
  '.xls': { contentType: 'application/vnd.ms-excel', extension: '.xls' },
  '.wps': { contentType: 'application/vnd.ms-works', extension: '.wps' },
};

const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const extensionOf = (name: string) => {
  const m = /\.[A-Za-z0-9]{1,5}$/.exec(name.trim());
  return m ? m[0].toLowerCase() : '';
};

/** The file's type by its first bytes (and, inside a zip or OLE container, its extension); null when not a form. */
export function formFileType(bytes: Uint8Array, fileName: string): FormFileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', extension: '.png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: '.jpg' };
  const ext = extensionOf(fileName);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ZIP_FORMATS[ext] ?? null;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE_FORMATS[ext] ?? null;
  return null;
}

/**
 * The name the download carries: the uploaded name without folders or invisible characters, else the material's
 * name and the kind ("居住证申请表（空白表格）.pdf"); always ending in the extension the content has.
 */
export function formFileName(raw: string, type: FormFileType, fallback: string): string {
  let name = visibleBaseName(raw);
  if (name.toLowerCase().endsWith(type.extension) || (type.extension === '.jpg' && /\.jpeg$/i.test(name)))
    name = name.slice(0, name.lastIndexOf('.'));
  name = name.replace(/^[.\s]+/, '').trim();
  const stem = [...(name || fallback)].slice(0, 80).join('');
  return `${stem}${type.extension}`;
}
