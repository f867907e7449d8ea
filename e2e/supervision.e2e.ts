import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod112CheckChar } from '../server/src/domain/identity/index.ts';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
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

async function api<T = any>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res =
    method === 'GET'
      ? await page.request.get(`${baseUrl()}${path}`)
      : await page.request.post(`${baseUrl()}${path}`, { data: data ?? {} });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A clerk accepts a case for a published committed item with every material received; returns its number and deadline. */
async function acceptedCase(): Promise<{ caseNo: string; deadline: string }> {
  await logIn(page, 'clerk');
  await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
  const me = await api('GET', '/api/auth/me');
  const hallId = me.halls[0].id as string;
  const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&status=published&pageSize=100`)).items as any[];
  const item = items.find((i) => i.kind === 'committed' && i.promisedDays >= 2)!;
  const content = (await api('GET', `/api/catalog/items/${item.id}`)).content;
  const body = `51081219850415${String(100 + Math.floor(Math.random() * 800))}`;
  const applicant = await api('POST', '/api/applicants', {
    hallId,
    kind: 'person',
    name: '监察测试',
    docType: 'resident_id',
    docNumber: body + mod112CheckChar(body),
    phone: '13912340000',
    address: '青川县乔庄镇',
  });
  const materials = content.materials.map((m: any) =>
    m.requirement === 'conditional'
      ? { key: m.key, status: 'not_applicable' }
      : { key: m.key, status: 'received', copies: m.copies, pages: 1 },
  );
  const reception = await api('POST', '/api/intake/receptions', {
    itemId: item.id,
    applicantId: applicant.id,
    materials,
  });
  const c = await api('POST', `/api/cases/${reception.id}/accept`);
  return { caseNo: c.caseNo, deadline: c.deadline };
}

/** The supervisor opens the board afresh (moving the clock by days ends idle sessions) and reads the case's light. */
async function lightOnBoard(caseNo: string): Promise<string> {
  await page.context().clearCookies();
  await logIn(page, 'supervisor');
  await page.getByRole('menuitem', { name: /电子监察/ }).click();
  await page.getByRole('menuitem', { name: '监察看板' }).click();
  const row = page.getByTestId('sup-cases').getByRole('row').filter({ hasText: caseNo });
  await row.waitFor();
  return (await row.getByText(/^(黄灯|红灯)$/).textContent()) ?? '';
}

describe('electronic supervision', () => {
  it('shows a case turning yellow on its deadline day and red the day after', async () => {
    setServerTime(morning('2026-03-02'));
    const { caseNo, deadline } = await acceptedCase();
    expect(deadline > '2026-03-02').toBe(true);

    setServerTime(morning('2026-03-02'));
    await page.context().clearCookies();
    await logIn(page, 'supervisor');
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
    await page.context().clearCookies();
    const { caseNo, deadline } = await acceptedCase();
    setServerTime(morning(nextDay(deadline)));
    expect(await lightOnBoard(caseNo)).toBe('红灯');
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
