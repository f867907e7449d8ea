import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkit';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');

let fonts: { regular: Font; bold: Font } | null = null;

const open = (file: string) => create(readFileSync(path.join(fontDir, file))) as Font;

/**
 * Registers Noto Sans Hans as 'regular' and 'bold' on a document. The two fonts (8 MB files) are opened once per
 * thread and handed to every document: given the file, pdfkit opens the font again for each document and parses its
 * tables anew, which made a one-page report take three times as long (122–148 against 40–49 ms). pdfkit takes an opened
 * fontkit font where its types say a file (PDFFontFactory.open: "typeof src.layout === 'function'").
 */
export function registerHansFonts(doc: PDFKit.PDFDocument): void {
  fonts ??= { regular: open('NotoSansHans-Regular.otf'), bold: open('NotoSansHans-Bold.otf') };
  doc.registerFont('regular', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
}
