import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openBrowser } from './support/browser.ts';
import { acceptedCase, chooseItem, freshIdNumber, registerAtWindow } from './support/cases.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'offline-reception');

describe('离线收件: the reception screen keeps working while the server cannot be reached', () => {
  it('queues a reception offline, shows it as pending, and sends it exactly once when back online', async () => {
    await logIn(page, 'clerk');
    const name = `离线${Date.now() % 100000}`;
    await registerAtWindow(page, { idNumber: freshIdNumber(), name, phone: '13912340000' });
    await chooseItem(page, '食品经营', /食品经营许可（新办）/);

    const sent: string[] = [];
    page.on('requestfinished', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/intake/receptions') sent.push(r.url());
    });
    await browser.context.setOffline(true);
    await page.getByText('网络已断开').waitFor();
    await page.getByRole('button', { name: /离线登记/ }).click();
    await page.getByText('已离线保存').waitFor();
    const pending = page.getByTestId('offline-pending');
    await expect.poll(() => pending.innerText(), { timeout: 10_000 }).toBe('待上传 1 件');
    await shot(page, 'offline-reception-pending');
    expect(sent).toEqual([]);

    await browser.context.setOffline(false);
    await expect.poll(() => pending.innerText(), { timeout: 15_000 }).toBe('离线收件已全部上传');
    await page.getByText(/已上传离线收件 1 件/).waitFor();
    await shot(page, 'offline-reception-sent');

    // The server holds the reception once, even if the page sends the queue again.
    const api = apiOf(page);
    const found = await api('GET', `/api/cases?q=${encodeURIComponent(name)}`);
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ state: 'received', applicantName: name });
    await page.reload();
    await pending.waitFor();
    expect(await pending.innerText()).toBe('离线收件已全部上传');
    expect((await api('GET', `/api/cases?q=${encodeURIComponent(name)}`)).items).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });
});

describe('应急管理 and 收费管理 at 1440 px', () => {
  it('opens an incident and records an action on the emergency page; shows the daily fee report', async () => {
    await browser.context.clearCookies();
    await logIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /应急管理/ }).click();
    await page.getByLabel('事件概况').fill('受理系统无法访问（演示）');
    await page.getByRole('button', { name: /启动应急事件/ }).click();
    await page.getByText('受理系统无法访问（演示）').first().waitFor();
    await page.getByPlaceholder('处置记录').first().fill('启用纸质回执');
    await page
      .getByRole('button', { name: /记录处置/ })
      .first()
      .click();
    await page
      .getByText(/：启用纸质回执/)
      .first()
      .waitFor();
    await shot(page, 'emergency-incidents');
    await page.getByRole('tab', { name: '客流拥挤报警' }).click();
    await page.getByTestId('crowding-state').waitFor();
    await shot(page, 'emergency-crowding');
    await page.getByRole('menuitem', { name: /收费管理/ }).click();
    await page.getByText('收费日报').waitFor();
    await page.getByTestId('fee-net-total').waitFor();
    await shot(page, 'fees-daily');
  });
});

describe('收费 on the case page', () => {
  it('records a payment with the fiscal receipt number and shows nothing owed', async () => {
    await signIn(page, 'clerk');
    const c = await acceptedCase(page, '缴费演示', { content: (content: any) => content.feeFen > 0 });
    await page.goto(`${new URL(page.url()).origin}/cases/${c.id}`);
    const owed = page.getByTestId('fee-owed');
    await owed.waitFor();
    const due = (await owed.innerText()).replace(/[^\d.]/g, '');
    await page.getByRole('button', { name: /登记缴费/ }).click();
    await page.getByLabel('金额（元）').fill(due);
    await page.getByLabel('财政电子票据号').fill('CZ2026-0000123');
    await page.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
    await page.getByText('已登记缴费').waitFor();
    await expect.poll(() => owed.innerText()).toBe('0.00 元');
    await shot(page, 'case-fees');
  });
});
