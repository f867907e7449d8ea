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
