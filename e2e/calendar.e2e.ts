import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'calendar');

/** The expected completion date the reception screen shows for a one-working-day item. */
async function expectedDate(): Promise<string> {
  await page.context().clearCookies();
  await logIn(page, 'clerk');
  await page.getByRole('menuitem', { name: /收件受理/ }).click();
  await page.getByLabel('办理事项').click();
  await page.getByLabel('办理事项').fill('企业名称变更');
  await page.getByTitle(/企业名称变更登记/).click();
  const shown = page.getByTestId('expected-date').filter({ hasText: /\d{4}-\d{2}-\d{2}/ });
  await shown.waitFor();
  return (await shown.textContent()) ?? '';
}

describe('working-day calendar', () => {
  it('moves the deadline the clerk sees when an administrator closes that day', async () => {
    const before = await expectedDate();
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.context().clearCookies();
    await logIn(page, 'sysadmin');
    await page.getByText('工作台').first().waitFor();
    const status = await (await page.request.get(`${baseUrl()}/api/calendar/status`)).json();
    if (status.missingYear)
      await page.getByText(`尚未录入 ${status.missingYear} 年国务院节假日安排`, { exact: false }).waitFor();

    await page.goto(`${baseUrl()}/admin/calendar`);
    await page.getByLabel('服务大厅').click();
    await page.getByTitle('青川县政务服务中心', { exact: true }).click();
    const cell = page.locator(`td[title="${before}"]`);
    await cell.click();
    // a day of the next month first turns the page, then opens
    if (!(await page.getByRole('dialog').isVisible())) {
      await page.locator(`[data-date="${before}"]`).waitFor();
      await cell.click();
    }
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${before} 的设置`).waitFor();
    await dialog.getByLabel('说明').fill('设备检修闭厅');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator(`[data-date="${before}"]`).getByText('本厅设置').waitFor();
    await page.locator(`[data-date="${before}"]`).getByText('设备检修闭厅').waitFor();

    const after = await expectedDate();
    expect(after > before).toBe(true);
  });
});
