import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/session.ts';
import { chooseItem, registerAtWindow } from './support/cases.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'accept');

describe('当场受理 at the window', () => {
  it('accepts a complete reception with one press: one request, a case number and a printable receipt', async () => {
    await logIn(page, 'clerk');
    await registerAtWindow(page, { idNumber: '510822199002143017', name: '王丽萍', phone: '13912340000' });
    await chooseItem(page, '食品经营', /食品经营许可（新办）/);

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
