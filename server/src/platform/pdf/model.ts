/**
 * A printed document as data: the builders of each document produce this model, the kit lays it out on A4.
 * Keeping the model separate lets tests read exactly what a document says (the PDF stores glyph ids).
 */

export interface Column {
  title: string;
  /** Share of the text width; the shares of a table's columns add up to 1. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; indent?: boolean }
  /** Label–value pairs, two pairs per row, in a ruled grid. */
  | { kind: 'fields'; rows: { label: string; value: string; wide?: boolean }[] }
  | { kind: 'table'; columns: Column[]; rows: string[][] }
  /** A picture (a QR code) with a caption beside it. */
  | { kind: 'image'; png: Buffer; size: number; caption: string[] }
  | { kind: 'signatures'; lines: { label: string; name?: string; date?: string }[] }
  | { kind: 'spacer'; height: number };

export interface DocumentModel {
  /** The issuing hall, printed as the letterhead. */
  hallName: string;
  title: string;
  /** The document's own number (编号). */
  number: string;
  blocks: Block[];
  /** Small print at the foot of every page (address, phone, how to check progress). */
  footer: string;
}

/** Every piece of text the document shows, in reading order: for search, tests and accessibility. */
export function modelText(m: DocumentModel): string {
  const parts: string[] = [m.hallName, m.title, m.number];
  for (const b of m.blocks) {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        parts.push(b.text);
        break;
      case 'fields':
        for (const r of b.rows) parts.push(r.label, r.value);
        break;
      case 'table':
        parts.push(...b.columns.map((c) => c.title), ...b.rows.flat());
        break;
      case 'image':
        parts.push(...b.caption);
        break;
      case 'signatures':
        for (const l of b.lines) parts.push(l.label, l.name ?? '', l.date ?? '');
        break;
      case 'spacer':
        break;
    }
  }
  parts.push(m.footer);
  return parts.filter((p) => p !== '').join('\n');
}
