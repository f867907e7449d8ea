/**
 * 统计分析 (R16.1) as the station head sees it at 1440 px: the figures of this month with charts drawn from data,
 * each chart's table, and the Excel workbook downloaded with one sheet per table. It accepts one case of its own
 * (so the month is not empty whichever file ran before) and changes no shared state (windows, hours, settings).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser.ts';
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
screenshotOnFailure(() => page, 'stats-dashboard');

describe('统计分析 dashboard', () => {
  it('the station head sees this month in charts with their tables and downloads the Excel', async () => {
    await signIn(page, 'clerk');
    const accepted = await acceptedCase(page, '统计样本人');
    await signIn(page, 'head');

    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.waitForURL(/\/stats$/);
    const daily = page.locator('[data-chart="每日受理与办结"]');
    await daily.locator('canvas').first().waitFor();
    // At least the received line and the department and item bars are drawn.
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(3);
    // Drawn with data: the canvas of the daily chart is not blank.
    const painted = await daily
      .locator('canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d')!;
        const { data } = ctx.getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n += 1;
        return n;
      });
    expect(painted).toBeGreaterThan(1000);
    const received = page.locator('.ant-statistic').filter({ hasText: '受理量' }).locator('.ant-statistic-content');
    expect(Number(await received.textContent())).toBeGreaterThanOrEqual(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page
      .locator('main, .ant-layout-content')
      .first()
      .evaluate((e) => e.scrollTo?.(0, 0));
    await page.waitForTimeout(1200); // the charts' entry animation
    await shot(page, 'stats-dashboard');
    await page.screenshot({ path: '/tmp/ow-stats-dashboard.png' });

    // The item chart's table holds the item of the case just accepted.
    const itemCard = page.locator('.ant-card').filter({ hasText: '事项办件量（前 10）' }).last();
    await itemCard.getByText('表格', { exact: true }).click();
    await itemCard.getByRole('cell', { name: accepted.itemName }).first().waitFor();

    // 导出 Excel: a workbook with one sheet per table, typed cells.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    await page.getByText('正在生成 Excel').waitFor();
    expect(file.suggestedFilename()).toMatch(/^统计分析_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await file.path()) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '每日受理办结',
      '按事项',
      '按部门',
      '按窗口',
      '按人员',
      '每日排队',
      '满意度',
      '投诉类别',
    ]);
    const overview = book.getWorksheet('概况')!;
    expect(overview.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    expect(Number(overview.getRow(2).getCell(3).value)).toBeGreaterThanOrEqual(1);

    // Drill-down: the item's table row opens the records behind its figure, the case just accepted among them.
    await itemCard.getByRole('cell', { name: accepted.itemName }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(new RegExp(`受理量 · ${accepted.itemName}：共 \\d+ 条记录`)).waitFor();
    await drawer.getByRole('cell', { name: accepted.caseNo }).waitFor();
    await shot(page, 'stats-drill-down');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('shows the day’s floor live: tickets, the queue, the windows', async () => {
    const floor = page.getByTestId('live-floor');
    await floor.getByText('今日大厅实况').waitFor();
    await floor.getByText(/每 15 秒自动刷新，更新于 \d{2}:\d{2}:\d{2}/).waitFor();
    for (const title of ['今日取号', '当前等候', '最长等候(分钟)', '开放窗口', '正在办理窗口', '今日已办结取号'])
      await floor.locator('.ant-statistic').filter({ hasText: title }).waitFor();
    const issued = floor.locator('.ant-statistic').filter({ hasText: '今日取号' }).locator('.ant-statistic-content');
    expect(Number(await issued.textContent())).toBeGreaterThanOrEqual(0);
    expect(
      await floor
        .locator('.ant-statistic-content')
        .filter({ hasText: /^\d+ \/ \d+$/ })
        .count(),
    ).toBe(1);
  });

  it('shows a clear empty state for a period without records', async () => {
    await page.getByLabel('统计期间').first().click();
    const start = page.locator('.ant-picker-range input').first();
    await start.fill('2020-01-01');
    const end = page.locator('.ant-picker-range input').last();
    await end.fill('2020-01-31');
    await end.press('Enter');
    await page.getByText('该期间没有办件、取号、评价或投诉记录').waitFor();
    expect(await page.locator('[data-chart] canvas').count()).toBe(0);
  });
});
