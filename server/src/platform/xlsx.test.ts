/** The Excel writer: read its workbooks back with exceljs and check what Excel and WPS will show. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, workbook, xlsx } from './xlsx.ts';

async function read(buf: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return book;
}

describe('platform/xlsx', () => {
  it('writes typed cells under a bold frozen header with an autofilter and fitted widths', async () => {
    const buf = await workbook([
      {
        name: '办件清单',
        columns: [
          { header: '编号', type: 'text' },
          { header: '事项名称', type: 'text' },
          { header: '件数', type: 'integer' },
          { header: '金额(元)', type: 'money' },
          { header: '受理日期', type: 'date' },
          { header: '时间', type: 'datetime' },
          { header: '按时率', type: 'percent' },
          { header: '证件号码', type: 'text' },
        ],
        rows: [
          [
            'A1',
            '企业投资项目备案（内资）变更登记及相关材料审核',
            3,
            12345,
            '2026-05-06',
            Date.UTC(2026, 4, 6, 1, 2, 3),
            0.953,
            '110101********1234',
          ],
          ['A2', '短', 12, 5, '', null, null, '320102'],
        ],
      },
      { name: '汇总', columns: ['窗口', '笔数'], rows: [['1号窗口', 7]] },
    ]);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const book = await read(buf);
    expect(book.worksheets.map((w) => w.name)).toEqual(['办件清单', '汇总']);
    const ws = book.getWorksheet('办件清单')!;
    // The header stays in view and filters.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '编号',
      '事项名称',
      '件数',
      '金额(元)',
      '受理日期',
      '时间',
      '按时率',
      '证件号码',
    ]);
    // A long Chinese column is wider than a short one.
    expect(ws.getColumn(2).width!).toBeGreaterThan(ws.getColumn(1).width!);
    // 23 CJK characters take 46 columns, with a margin.
    expect(ws.getColumn(2).width!).toBeGreaterThanOrEqual(46);
    const r = ws.getRow(2);
    expect(r.getCell(3).value).toBe(3);
    expect(r.getCell(4).value).toBe(123.45);
    expect(r.getCell(4).numFmt).toBe('#,##0.00');
    const day = r.getCell(5).value;
    expect(day).toBeInstanceOf(Date);
    expect((day as Date).toISOString()).toBe('2026-05-06T00:00:00.000Z');
    expect(r.getCell(5).numFmt).toBe('yyyy-mm-dd');
    // China time: 01:02:03 UTC is 09:02:03 in the hall.
    expect((r.getCell(6).value as Date).toISOString()).toBe('2026-05-06T09:02:03.000Z');
    expect(r.getCell(6).numFmt).toContain('hh:mm');
    expect(r.getCell(7).value).toBe(0.953);
    expect(r.getCell(7).numFmt).toBe('0.0%');
    // A masked or numeric-looking personal number stays text.
    expect(r.getCell(8).value).toBe('110101********1234');
    expect(ws.getRow(3).getCell(8).value).toBe('320102');
    // Empty values leave the cell empty.
    expect(ws.getRow(3).getCell(5).value).toBeNull();
    expect(ws.getRow(3).getCell(6).value).toBeNull();
  });

  it('keeps the old one-sheet call: numbers as numbers, the rest as text, control characters dropped', async () => {
    const buf = await xlsx('通知记录', ['内容', '次数'], [['a\u0001b\u0007c\n第二行', 2]]);
    const ws = (await read(buf)).worksheets[0]!;
    expect(ws.name).toBe('通知记录');
    expect(ws.getRow(2).getCell(1).value).toBe('abc\n第二行');
    expect(ws.getRow(2).getCell(2).value).toBe(2);
    expect(typeof ws.getRow(2).getCell(2).value).toBe('number');
  });

  it('leaves a number that is not finite empty, and writes a Date in a number column as a date-time', async () => {
    const at = new Date(Date.UTC(2026, 4, 6, 9, 30));
    const buf = await xlsx(
      't',
      [{ header: '数', type: 'decimal' }],
      [[Number.NaN], [Number.POSITIVE_INFINITY], [at], [1.5]],
    );
    const ws = (await read(buf)).worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBeNull();
    expect(ws.getRow(3).getCell(1).value).toBeNull();
    expect((ws.getRow(4).getCell(1).value as Date).toISOString()).toBe(at.toISOString());
    expect(ws.getRow(5).getCell(1).value).toBe(1.5);
    expect(ws.getRow(5).getCell(1).numFmt).toBe('0.00');
  });

  it('counts a CJK character as two columns, and fits a column to its widest line', () => {
    expect(displayWidth('窗口A')).toBe(5);
    expect(displayWidth('１号，（全角）')).toBe(14);
    expect(displayWidth('abc\n办件编号')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique', async () => {
    const long = '很长的名字'.repeat(10);
    const buf = await workbook([
      { name: '日报 2026/05/06', columns: ['a'], rows: [] },
      { name: long, columns: ['a'], rows: [] },
      { name: long, columns: ['a'], rows: [] },
    ]);
    const names = (await read(buf)).worksheets.map((w) => w.name);
    expect(names[0]).toBe('日报 2026 05 06');
    expect(names.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(names).size).toBe(3);
  });

  it('round-trips any text and number values (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.string({ maxLength: 30 }), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 1e8 })),
          {
            maxLength: 8,
          },
        ),
        async (rows) => {
          const buf = await workbook([
            {
              name: 't',
              columns: [
                { header: '文字', type: 'text' },
                { header: '整数', type: 'integer' },
                { header: '金额', type: 'money' },
              ],
              rows,
            },
          ]);
          const ws = (await read(buf)).worksheets[0]!;
          rows.forEach(([s, n, fen], i) => {
            const row = ws.getRow(i + 2);
            // biome-ignore lint/suspicious/noControlCharactersInRegex: what the writer drops
            const kept = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
            expect(row.getCell(1).value ?? '').toBe(kept);
            expect(row.getCell(2).value).toBe(n);
            expect(row.getCell(3).value).toBeCloseTo(fen / 100, 6);
          });
          // exceljs leaves out a width of 9, its default.
          for (let c = 1; c <= 3; c++) expect(ws.getColumn(c).width ?? 9).toBeLessThanOrEqual(60);
        },
      ),
      { numRuns: 25 },
    );
  });
});
