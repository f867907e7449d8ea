/**
 * A small A4 document kit on pdfkit with the Noto Sans Hans fonts: letterhead with the hall's name, title,
 * document number, ruled field grids and tables that break across pages, signature lines and a footer with
 * page numbers. Builders describe a document as a DocumentModel; layOutPdf lays it out, in the PDF worker
 * (kit.ts), never on the server's request thread.
 */
import PDFDocument from 'pdfkit';
import { registerHansFonts } from './fonts.ts';
import type { Block, DocumentModel } from './model.ts';

const MARGIN = { top: 58, bottom: 64, side: 62 };
const BODY = 10.5;
const CELL_PAD = 4;
const LINE_GAP = 2;

type Doc = PDFKit.PDFDocument;

export interface RenderOptions {
  /** Uncompressed content streams (readable in tests); the default compresses. */
  compress?: boolean;
  /** The document's creation time, so a re-print of the same record is the same file. */
  createdAt?: Date;
  /** Drawn faintly across every page (an electronic viewing: who looked, and when). */
  watermark?: string;
  /** A picture (an image scan, PNG or JPEG) placed after the blocks, scaled to the rest of the page or a new one. */
  picture?: Buffer;
  /** Pictures of a document's pages (a rasterised PDF), each on an A4 page of its own after the blocks. */
  pages?: Buffer[];
}

export async function layOutPdf(model: DocumentModel, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    compress: opts.compress ?? true,
    bufferPages: true,
    info: {
      Title: `${model.title} ${model.number}`,
      Author: model.hallName,
      CreationDate: opts.createdAt ?? new Date(0),
    },
  });
  registerHansFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  letterhead(doc, model);
  model.blocks.forEach((b, i) => {
    // A heading stays with the start of what it introduces.
    if (b.kind === 'heading') ensure(doc, 34 + leadHeight(model.blocks[i + 1]));
    block(doc, b);
  });
  if (opts.picture) picture(doc, opts.picture);
  for (const page of opts.pages ?? []) {
    doc.addPage();
    picture(doc, page);
  }
  footers(doc, model);
  if (opts.watermark) watermarks(doc, opts.watermark);
  doc.end();
  return done;
}

/** About how much of a block must fit under its heading. */
function leadHeight(b: Block | undefined): number {
  if (!b) return 0;
  if (b.kind === 'image') return b.size + 10;
  if (b.kind === 'table' || b.kind === 'fields') return 56;
  if (b.kind === 'signatures') return 64;
  return 36;
}

const width = (doc: Doc) => doc.page.width - MARGIN.side * 2;
const bottom = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** Starts a new page when `need` points do not fit on this one. */
function ensure(doc: Doc, need: number): void {
  if (doc.y + need > bottom(doc)) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function letterhead(doc: Doc, m: DocumentModel): void {
  const left = MARGIN.side;
  doc
    .font('bold')
    .fontSize(14)
    .fillColor('#000')
    .text(m.hallName, left, MARGIN.top - 20, { width: width(doc), align: 'center' });
  const y = doc.y + 4;
  doc
    .moveTo(left, y)
    .lineTo(left + width(doc), y)
    .lineWidth(1.5)
    .strokeColor('#b00000')
    .stroke();
  doc
    .moveTo(left, y + 3)
    .lineTo(left + width(doc), y + 3)
    .lineWidth(0.5)
    .stroke();
  doc.strokeColor('#000');
  doc
    .font('bold')
    .fontSize(20)
    .text(m.title, left, y + 14, { width: width(doc), align: 'center', characterSpacing: 2 });
  doc
    .font('regular')
    .fontSize(BODY)
    .text(`编号：${m.number}`, left, doc.y + 4, { width: width(doc), align: 'right' });
  doc.moveDown(0.5);
}

function block(doc: Doc, b: Block): void {
  const left = MARGIN.side;
  switch (b.kind) {
    case 'heading':
      ensure(doc, 40);
      doc.moveDown(0.4);
      doc
        .font('bold')
        .fontSize(12)
        .text(b.text, left, doc.y, { width: width(doc) });
      doc.moveDown(0.3);
      return;
    case 'paragraph': {
      doc.font(b.bold ? 'bold' : 'regular').fontSize(BODY);
      const opts = { width: width(doc), lineGap: 3, indent: b.indent ? BODY * 2 : 0 };
      ensure(doc, Math.min(doc.heightOfString(b.text, opts), 60));
      doc.text(b.text, left, doc.y, opts);
      doc.moveDown(0.3);
      return;
    }
    case 'fields':
      fields(doc, b.rows);
      return;
    case 'table':
      table(
        doc,
        b.columns.map((c) => ({ ...c, w: c.width * width(doc) })),
        b.rows,
      );
      return;
    case 'image': {
      ensure(doc, b.size + 10);
      const top = doc.y + 4;
      doc.image(b.png, left, top, { width: b.size, height: b.size });
      doc.font('regular').fontSize(BODY);
      let y = top + 6;
      for (const line of b.caption) {
        doc.text(line, left + b.size + 14, y, { width: width(doc) - b.size - 14, lineGap: 2 });
        y = doc.y + 2;
      }
      doc.y = Math.max(top + b.size, y) + 6;
      return;
    }
    case 'signatures':
      signatures(doc, b.lines);
      return;
    case 'spacer':
      doc.y += b.height;
      return;
  }
}

/** Measures a cell's text height at the body size. */
function cellHeight(doc: Doc, text: string, w: number, font: 'regular' | 'bold'): number {
  doc.font(font).fontSize(BODY);
  return doc.heightOfString(text || ' ', { width: w - CELL_PAD * 2, lineGap: LINE_GAP }) + CELL_PAD * 2;
}

function drawCell(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  w: number,
  h: number,
  o: { font: 'regular' | 'bold'; fill?: string; align?: 'left' | 'center' | 'right' },
) {
  if (o.fill) doc.rect(x, y, w, h).fillColor(o.fill).fill();
  doc.rect(x, y, w, h).lineWidth(0.6).strokeColor('#444').stroke();
  doc
    .fillColor('#000')
    .font(o.font)
    .fontSize(BODY)
    .text(text, x + CELL_PAD, y + CELL_PAD, { width: w - CELL_PAD * 2, align: o.align ?? 'left', lineGap: LINE_GAP });
}

/** Two label–value pairs per row; a wide pair takes the whole row. */
function fields(doc: Doc, rows: { label: string; value: string; wide?: boolean }[]): void {
  const total = width(doc);
  const labelW = 104;
  const lines: { label: string; value: string }[][] = [];
  for (let i = 0; i < rows.length; ) {
    const a = rows[i]!;
    const b = rows[i + 1];
    if (a.wide || !b || b.wide) {
      lines.push([a]);
      i += 1;
    } else {
      lines.push([a, b]);
      i += 2;
    }
  }
  for (const line of lines) {
    const pairW = total / line.length;
    const h = Math.max(
      ...line.map((p) =>
        Math.max(cellHeight(doc, p.label, labelW, 'bold'), cellHeight(doc, p.value, pairW - labelW, 'regular')),
      ),
    );
    ensure(doc, h);
    const y = doc.y;
    line.forEach((p, i) => {
      const x = MARGIN.side + i * pairW;
      drawCell(doc, p.label, x, y, labelW, h, { font: 'bold', fill: '#f1f1f1' });
      drawCell(doc, p.value, x + labelW, y, pairW - labelW, h, { font: 'regular' });
    });
    doc.y = y + h;
  }
  doc.y += 10;
}

function table(
  doc: Doc,
  cols: { title: string; w: number; align?: 'left' | 'center' | 'right' }[],
  rows: string[][],
): void {
  const header = () => {
    const h = Math.max(...cols.map((c) => cellHeight(doc, c.title, c.w, 'bold')));
    ensure(doc, h + 24);
    const y = doc.y;
    let x = MARGIN.side;
    for (const c of cols) {
      drawCell(doc, c.title, x, y, c.w, h, { font: 'bold', fill: '#e8e8e8', align: 'center' });
      x += c.w;
    }
    doc.y = y + h;
  };
  header();
  for (const row of rows) {
    const h = Math.max(...cols.map((c, i) => cellHeight(doc, row[i] ?? '', c.w, 'regular')));
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      doc.y = MARGIN.top;
      header(); // the header repeats on every page of a long table
    }
    const y = doc.y;
    let x = MARGIN.side;
    cols.forEach((c, i) => {
      drawCell(doc, row[i] ?? '', x, y, c.w, h, { font: 'regular', align: c.align });
      x += c.w;
    });
    doc.y = y + h;
  }
  doc.y += 10;
}

function signatures(doc: Doc, lines: { label: string; name?: string; date?: string }[]): void {
  const colW = width(doc) / Math.max(1, Math.min(lines.length, 2));
  for (let i = 0; i < lines.length; i += 2) {
    ensure(doc, 56);
    const y = doc.y + 10;
    lines.slice(i, i + 2).forEach((l, j) => {
      const x = MARGIN.side + j * colW;
      doc.font('regular').fontSize(BODY).fillColor('#000').text(`${l.label}：`, x, y, { lineBreak: false });
      const lineX = x + doc.widthOfString(`${l.label}：`) + 2;
      doc
        .moveTo(lineX, y + 14)
        .lineTo(x + colW - 24, y + 14)
        .lineWidth(0.6)
        .stroke();
      if (l.name) doc.text(l.name, lineX + 6, y, { lineBreak: false });
      doc.text(`日期：${l.date ?? '        年    月    日'}`, x, y + 24, { lineBreak: false });
    });
    doc.y = y + 42;
  }
}

function footers(doc: Doc, m: DocumentModel): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 18;
    // Writing below the bottom margin would add a page; lift it for the footer only.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .moveTo(MARGIN.side, y - 6)
      .lineTo(doc.page.width - MARGIN.side, y - 6)
      .lineWidth(0.5)
      .strokeColor('#888')
      .stroke();
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor('#444')
      .text(m.footer, MARGIN.side, y, { width: width(doc) - 60, lineBreak: true, height: 30 });
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, doc.page.width - MARGIN.side - 90, y, {
      width: 90,
      align: 'right',
    });
    doc.page.margins.bottom = saved;
  }
}

/** Fits the picture below what is written, or on a page of its own when less than a third of the page is left. */
function picture(doc: Doc, bytes: Buffer): void {
  const bottom = doc.page.height - MARGIN.bottom;
  if (bottom - doc.y < doc.page.height / 3) doc.addPage();
  const top = doc.y + 6;
  doc.image(bytes, MARGIN.side, top, { fit: [width(doc), bottom - top - 6], align: 'center' });
}

/** The viewer's name and time, repeated diagonally over each page in light grey, under nothing and over everything. */
function watermarks(doc: Doc, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.save();
    doc.font('regular').fontSize(16).fillColor('#999999').fillOpacity(0.28);
    for (let y = 120; y < doc.page.height; y += 190) {
      for (let x = -40; x < doc.page.width; x += 300) {
        doc.save();
        doc.rotate(-30, { origin: [x, y] });
        doc.text(text, x, y, { lineBreak: false });
        doc.restore();
      }
    }
    doc.restore();
    doc.fillOpacity(1);
    doc.page.margins.bottom = saved;
  }
}
