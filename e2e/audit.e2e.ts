import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowser } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());

describe('the audit integrity check', () => {
  it('shows the keyed chain verified and held against the checkpoints written outside the database', async () => {
    await logIn(page, 'auditor');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.getByRole('button', { name: /校验完整性/ }).click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/日志完整性校验通过，共校验 \d+ 条记录/);
    expect(text).toContain('HMAC-SHA256');
    // `serve` pins the head at start, so there is at least one signed checkpoint and the database is not behind it.
    expect(text).toMatch(/库外检查点：\d+ 个签名有效，最新为第 \d+ 号记录/);
    expect(await result.getAttribute('class')).toContain('ant-alert-success');
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/audit-verify.png` });
  });
});

describe("the audit log in the hall's words", () => {
  it('filters by person, area and action from lists, shows names and Chinese actions, and exports what it shows', async () => {
    await browser.context.clearCookies();
    await logIn(page, 'auditor');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    const filter = page.locator('form#audit-filter');
    // The auditor's own sign-in is on the log: pick the person by name, the area and the action by their labels.
    await filter.getByLabel('操作人').fill('郑丽华');
    await page.locator('.ant-select-item-option[title="郑丽华（auditor）"]').click();
    await filter.getByLabel('业务范围').fill('登录');
    await page.locator('.ant-select-item-option[title="登录"]').click();
    await filter.getByLabel('操作', { exact: true }).click();
    await page.locator('.ant-select-item-option[title="登录 · 登录系统"]').click();
    await filter.getByRole('button', { name: /查\s*询/ }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    await expect.poll(() => first.innerText()).toContain('登录 · 登录系统');
    expect(await first.innerText()).toContain('郑丽华');
    for (const text of await rows.allInnerTexts()) expect(text).toContain('登录 · 登录系统');
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/audit-filter.png` });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(download.url()).toContain('username=auditor');
    expect(download.url()).toContain('action=auth.login');
  });
});
