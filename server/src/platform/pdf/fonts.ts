import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

let files: { regular: Buffer; bold: Buffer } | null = null;

/**
 * The Noto Sans Hans regular and bold font files (8 MB each), read once per thread: given a path, pdfkit reads
 * the files again for every document, 17 MB of garbage per page printed.
 */
export function hansFonts(): { regular: Buffer; bold: Buffer } {
  files ??= {
    regular: readFileSync(path.join(fontDir, 'NotoSansHans-Regular.otf')),
    bold: readFileSync(path.join(fontDir, 'NotoSansHans-Bold.otf')),
  };
  return files;
}
