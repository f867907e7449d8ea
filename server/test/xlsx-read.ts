/** Reads an exported workbook back the way Excel does: sheets by name, rows as typed values keyed by header. */
import ExcelJS from 'exceljs';

export interface ReadSheet {
  name: string;
  sheet: ExcelJS.Worksheet;
  header: string[];
  /** Each data row as header → typed value (string, number, Date); empty cells are absent. */
  rows: Record<string, unknown>[];
}

export async function readWorkbook(buf: Buffer): Promise<ReadSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return book.worksheets.map((sheet) => {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: Record<string, unknown>[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const o: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const v = sheet.getRow(r).getCell(i + 1).value;
        if (v !== null && v !== undefined) o[h] = v;
      });
      rows.push(o);
    }
    return { name: sheet.name, sheet, header, rows };
  });
}
