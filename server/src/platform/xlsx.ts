/**
 * Excel workbooks (.xlsx) on exceljs, as people expect them in Excel and WPS: a bold header row that stays in view
 * (frozen, with an autofilter), column widths fitted to the content (a CJK character counts as two), dates and
 * numbers as typed cells with a number format, one sheet per table of a report.
 *
 * Callers pass values already fit for the eyes of the reader: personal numbers and phones come masked, and a
 * text column always stays text (a masked ID number never turns into a number).
 */
import type ExcelJS from 'exceljs';

/**
 * What a column holds:
 * - `text`: as written; `integer` / `decimal`: a number (two decimals); `percent`: a fraction (0.953 → 95.3%);
 * - `money`: integer fen, shown in yuan (12345 → 123.45); `date`: a 'YYYY-MM-DD' calendar day;
 * - `datetime`: epoch milliseconds, shown in China time (UTC+8), as a real date-time cell;
 * - `auto`: a number as a number, a Date as a date, anything else as text (the plain header-only call).
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'money' | 'date' | 'datetime' | 'auto';

export interface Column {
  header: string;
  type?: ColumnType;
}

export type Cell = string | number | Date | null | undefined;

export interface Sheet {
  name: string;
  columns: (Column | string)[];
  rows: Cell[][];
}

const numFmt: Partial<Record<ColumnType, string>> = {
  integer: '0',
  decimal: '0.00',
  percent: '0.0%',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

const CHINA_OFFSET_MS = 8 * 3_600_000;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** XML 1.0 allows no control characters other than tab, newline and carriage return: they are dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** East Asian wide and full-width characters take two columns of a fixed-width cell. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** How many character columns a text needs: its widest line, CJK counted twice. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/)) {
    let w = 0;
    for (const ch of line) w += WIDE.test(ch) ? 2 : 1;
    widest = Math.max(widest, w);
  }
  return widest;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as the date cell Excel stores (midnight, no time zone). */
function dayCell(day: string): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

const grouped = (n: number) => n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The value written to the cell, and the text it shows (to fit the width). A value of the wrong kind stays text. */
function typed(type: ColumnType, v: Cell): { value: string | number | Date; shown: string; fmt?: string } | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && type !== 'date') return { value: clean(v), shown: clean(v) };
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (v instanceof Date && type !== 'date' && type !== 'text') {
    if (Number.isNaN(v.getTime())) return null;
    return { value: v, shown: '0000-00-00 00:00:00', fmt: numFmt.datetime };
  }
  switch (type) {
    case 'text':
      return { value: String(v), shown: String(v) };
    case 'integer':
    case 'auto':
      return { value: v as number, shown: String(v), fmt: type === 'integer' ? numFmt.integer : undefined };
    case 'decimal':
      return { value: v as number, shown: (v as number).toFixed(2), fmt: numFmt.decimal };
    case 'percent':
      return { value: v as number, shown: `${((v as number) * 100).toFixed(1)}%`, fmt: numFmt.percent };
    case 'money': {
      const yuan = (v as number) / 100;
      return { value: yuan, shown: grouped(yuan), fmt: numFmt.money };
    }
    case 'date': {
      const d = typeof v === 'string' ? dayCell(v) : v instanceof Date ? v : null;
      if (!d) return { value: clean(String(v)), shown: clean(String(v)) };
      return { value: d, shown: '0000-00-00', fmt: numFmt.date };
    }
    case 'datetime': {
      // Excel has no time zones: the cell holds the wall-clock time in China.
      const d = v instanceof Date ? v : new Date((v as number) + CHINA_OFFSET_MS);
      return { value: d, shown: '0000-00-00 00:00:00', fmt: numFmt.datetime };
    }
  }
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    clean(name)
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)}-${i}`;
  taken.add(n.toLowerCase());
  return n;
}

function addSheet(book: ExcelJS.Workbook, s: Sheet, taken: Set<string>) {
  const columns = s.columns.map((c) => (typeof c === 'string' ? { header: c, type: 'auto' as const } : c));
  const ws = book.addWorksheet(sheetName(s.name, taken), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const widths = columns.map((c) => displayWidth(clean(c.header)));
  const header = ws.addRow(columns.map((c) => clean(c.header)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  for (const values of s.rows) {
    const row = ws.addRow([]);
    columns.forEach((col, i) => {
      const t = typed(col.type ?? 'auto', values[i]);
      if (!t) return;
      const cell = row.getCell(i + 1);
      cell.value = t.value;
      if (t.fmt) cell.numFmt = t.fmt;
      widths[i] = Math.max(widths[i]!, displayWidth(t.shown));
    });
  }
  columns.forEach((_, i) => {
    const col = ws.getColumn(i + 1);
    const fitted = widths[i]! + 2;
    col.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, fitted));
    // A text longer than the widest column wraps within it instead of running under its neighbours.
    if (fitted > MAX_WIDTH) col.alignment = { wrapText: true, vertical: 'top' };
  });
  if (columns.length > 0)
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: Math.max(1, s.rows.length + 1), column: columns.length },
    };
}

/** A workbook of one or more sheets, each with its typed columns. */
export async function workbook(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs and its zip library take a quarter of a second to load.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'OneWindow 一窗通办';
  const taken = new Set<string>();
  for (const s of sheets) addSheet(book, s, taken);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The simple case: one sheet. A header given as plain strings writes numbers as numbers and the rest as text. */
export function xlsx(name: string, columns: (Column | string)[], rows: Cell[][]): Promise<Buffer> {
  return workbook([{ name, columns, rows }]);
}
