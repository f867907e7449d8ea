import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { apiOf, signIn } from './support/session.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(async () => {
  resetServerTime();
  await browser?.close();
});

/** 10:00 Beijing time on a day. */
const morning = (day: string) => `${day}T02:00:00Z`;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A clerk accepts a case for a published committed item of two days or more; returns its number and deadline. */
async function acceptedByClerk(): Promise<{ caseNo: string; deadline: string }> {
  await signIn(page, 'clerk');
  const c = await acceptedCase(page, '监察测试', { item: (i) => i.promisedDays >= 2 });
  return { caseNo: c.caseNo, deadline: c.deadline };
}

/** The supervisor opens the board afresh (moving the clock by days ends idle sessions) and reads the case's light. */
async function lightOnBoard(caseNo: string): Promise<string> {
  await signIn(page, 'supervisor');
  await page.getByRole('menuitem', { name: /电子监察/ }).click();
  await page.getByRole('menuitem', { name: '监察看板' }).click();
  const row = page.getByTestId('sup-cases').getByRole('row').filter({ hasText: caseNo });
  await row.waitFor();
  return (await row.getByText(/^(黄灯|红灯)$/).textContent()) ?? '';
}

describe('electronic supervision', () => {
  it('shows a case turning yellow on its deadline day and red the day after', async () => {
    setServerTime(morning('2026-03-02'));
    const { caseNo, deadline } = await acceptedByClerk();
    expect(deadline > '2026-03-02').toBe(true);

    setServerTime(morning('2026-03-02'));
    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /电子监察/ }).click();
    await page.getByRole('menuitem', { name: '监察看板' }).click();
    await page.getByText('今天：2026-03-02').waitFor();
    expect(await page.getByTestId('sup-cases').getByRole('row').filter({ hasText: caseNo }).count()).toBe(0);

    setServerTime(morning(deadline));
    expect(await lightOnBoard(caseNo)).toBe('黄灯');
    await page.getByText(`今天：${deadline}`).waitFor();

    setServerTime(morning(nextDay(deadline)));
    expect(await lightOnBoard(caseNo)).toBe('红灯');
    await page.getByTestId('sup-cases').getByRole('link', { name: caseNo }).click();
    await page.waitForURL(/\/cases\/[^/]+$/);
  });

  it('keeps a red case on the board when its clock is then suspended, marked 暂停', async () => {
    setServerTime(morning('2026-03-02'));
    const { caseNo, deadline } = await acceptedByClerk();
    setServerTime(morning(nextDay(deadline)));
    expect(await lightOnBoard(caseNo)).toBe('红灯');
    const api = apiOf(page);
    const me = await api('GET', '/api/auth/me');
    const found = (await api('GET', `/api/cases?hallId=${me.halls[0].id}&q=${encodeURIComponent(caseNo)}`)).items[0];
    await api('POST', `/api/cases/${found.id}/suspend`, { kind: 'testing', reason: '送检，等待检测报告' });

    expect(await lightOnBoard(caseNo)).toBe('红灯');
    const row = page.getByTestId('sup-cases').getByRole('row').filter({ hasText: caseNo });
    await row.getByText('暂停', { exact: true }).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/board-suspended-red.png`, fullPage: true });
  });
});
