import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());
afterEach(async (c) => {
  if (c.task.result?.state === 'fail') await page.screenshot({ path: '/tmp/ow-fail.png', fullPage: true });
});

describe('当场受理 at the window', () => {
  it('accepts a complete reception with one press: one request, a case number and a printable receipt', async () => {
    await logIn(page, 'clerk');
    await page.getByRole('menuitem', { name: /收件受理/ }).click();
    await page.getByLabel('查找申请人').fill('510822199002143017');
    await page.getByLabel('查找申请人').press('Enter');
    await page.getByText('未找到，请在下方登记。').waitFor();
    await page.getByLabel('姓名').fill('王丽萍');
    await page.getByLabel('手机号码').fill('13912340000');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page
      .getByText(/5108.*3017/)
      .first()
      .waitFor();

    await page.getByLabel('办理事项').click();
    await page.getByLabel('办理事项').fill('食品经营');
    await page.getByTitle(/食品经营许可（新办）/).click();
    await page
      .getByTestId('expected-date')
      .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
      .waitFor();

    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/')) writes.push(new URL(r.url()).pathname);
    });
    // The receipt opens in a new tab for printing.
    const receiptTab = page.context().waitForEvent('page');
    await page.getByRole('button', { name: /^受理/ }).click();
    const title = page.getByText(/已受理，办件编号 [A-Z]+-[A-Z]+-\d{4}-\d{6}/);
    await title.waitFor();
    expect(writes).toEqual(['/api/intake/acceptances']);
    const tab = await receiptTab;
    expect(tab.url()).toMatch(/\/api\/cases\/[^/]+\/documents\/[^/]+\/pdf$/);
    await tab.close();

    const receipt = page.getByRole('link', { name: /打印收件回执单/ });
    const res = await page.request.get(`${baseUrl()}${await receipt.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});
