/**
 * 考核 (R12) at 1440 px: the station head opens this month's person cards, a card with its indicators, the records
 * behind a figure, saves remarks with a spot-check score, and sees weights not totalling 100 refused. It signs nothing
 * (a signed card cannot be unsigned) and puts the remarks back as it found them.
 */
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
screenshotOnFailure(() => page, 'assessment');

describe('考核', () => {
  it('the station head reads a card, drills into a figure, remarks, and the weights must total 100', async () => {
    await signIn(page, 'clerk');
    await acceptedCase(page, '考核样本人');
    await browser.context.clearCookies();
    await signIn(page, 'head');

    await page.getByRole('menuitem', { name: /(^| )考核$/ }).click();
    await page.waitForURL(/\/assessment$/);
    // This month (the picker starts at last month): the case just accepted counts for the clerk.
    await page.getByLabel('考核期间').click();
    await page
      .locator('.ant-picker-cell-today, .ant-picker-cell-in-view.ant-picker-cell-selected + td')
      .first()
      .waitFor();
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await page.getByLabel('考核期间').fill(thisMonth);
    await page.keyboard.press('Enter');
    const row = page.locator('tr').filter({ hasText: '张伟' }).first();
    await row.getByRole('button', { name: '查看' }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '考核表' });
    await drawer.getByText('受理件数').waitFor();
    await shot(page, 'assessment-card');

    // 明细: the records behind 受理件数.
    await drawer.locator('tr').filter({ hasText: '受理件数' }).getByRole('button', { name: /明细/ }).click();
    const records = page.locator('.ant-drawer').filter({ hasText: '受理件数 的记录' });
    await records.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await records.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(1);
    await records.locator('.ant-drawer-close').click();

    // Remarks and spot-check score, then back as they were.
    await drawer.getByLabel('主管意见').fill('服务规范，继续保持');
    await drawer.getByLabel('抽查评分').fill('90');
    await drawer.getByRole('button', { name: '保存意见与抽查评分' }).click();
    await page.getByText('意见与抽查评分已保存').waitFor();
    await page.getByText('意见与抽查评分已保存').waitFor({ state: 'hidden', timeout: 10_000 });
    await drawer.getByLabel('主管意见').fill('');
    await drawer.getByLabel('抽查评分').fill('');
    await drawer.getByRole('button', { name: '保存意见与抽查评分' }).click();
    await page.getByText('意见与抽查评分已保存').waitFor();
    await drawer.locator('.ant-drawer-close').first().click();

    // 指标设置: a weight off by one is refused with the field named; nothing is saved.
    await page.getByRole('tab', { name: '指标设置' }).click();
    await page.getByLabel('training_hours-weight').fill('6');
    await page.getByText('权重合计：101（须为 100）').waitFor();
    await page.getByRole('button', { name: '保存指标' }).click();
    await page.getByText(/权重合计须为 100/).waitFor();
    await page.getByLabel('training_hours-weight').fill('5');
    await page.getByText('权重合计：100（须为 100）').waitFor();
  });
});
