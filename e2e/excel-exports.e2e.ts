/** Excel exports as a supervisor downloads them in the browser: frozen header, typed cells, a sheet per table. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page, 'excel-exports');

/** Clicks the button, waits for the browser's download and opens the file as Excel would. */
async function download(button: ReturnType<Page['getByRole']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(path) as unknown as ExcelJS.Buffer);
  return { name: file.suggestedFilename(), book };
}

describe('Excel exports (R16)', () => {
  it('the case list and the complaints analysis download as typed workbooks with frozen headers', async () => {
    // A case of today, so the list is not empty whichever file ran before.
    await signIn(page, 'clerk');
    const accepted = await acceptedCase(page, '导出样本人');
    await signIn(page, 'supervisor');

    // 办件清单: one sheet, the header frozen, dates as date cells, the ID number masked text.
    await page.goto(`${baseUrl()}/cases`);
    await page.getByRole('row').filter({ hasText: accepted.caseNo }).first().waitFor();
    const cases = await download(page.getByRole('link', { name: /导出 Excel/ }));
    expect(cases.name).toMatch(/^办件清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const list = cases.book.worksheets[0]!;
    expect(list.name).toBe('办件清单');
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (list.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['办件编号', '事项名称', '申请人', '证件号码']);
    expect(list.getRow(1).getCell(1).font?.bold).toBe(true);
    let mine: ExcelJS.Row | undefined;
    list.eachRow((row) => {
      if (row.getCell(1).value === accepted.caseNo) mine = row;
    });
    expect(mine).toBeDefined();
    expect(mine!.getCell(3).value).toBe('导出样本人');
    expect(String(mine!.getCell(4).value)).toContain('*');
    const acceptedDay = mine!.getCell(header.indexOf('受理日期') + 1);
    expect(acceptedDay.value).toBeInstanceOf(Date);
    expect(acceptedDay.numFmt).toBe('yyyy-mm-dd');
    // The item name column is fitted wider than the short urgency column.
    expect(list.getColumn(2).width ?? 9).toBeGreaterThan(list.getColumn(7).width ?? 9);

    // 投诉分析: the overview and one sheet per table on the page.
    await page.goto(`${baseUrl()}/complaints/analysis`);
    await page.getByText('总数', { exact: true }).waitFor();
    await shot(page, 'excel-complaint-analysis');
    const analysis = await download(page.getByRole('link', { name: /导出 Excel/ }));
    expect(analysis.name).toMatch(/^投诉举报分析-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(analysis.book.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '按类别',
      '按问题定性',
      '按事项',
      '按部门',
      '按窗口',
      '按人员',
      '按月份',
      '整改措施',
    ]);
    const overview = analysis.book.getWorksheet('概况')!;
    expect(typeof overview.getRow(2).getCell(2).value).toBe('number');
    for (const w of analysis.book.worksheets) expect(w.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
