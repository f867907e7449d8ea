import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { freshIdNumber } from './support/cases.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';
import { screenshotOnFailure, shot, signIn, signInRequest } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page | undefined;
let hallId: string;
let item: { id: string; name: string; categoryId: string };
let windowId: string;
let hallHoursBefore: unknown[] = [];
screenshotOnFailure(() => page, 'appointments');

// Monday 2026-11-30, Beijing time (UTC+8).
const at = (hhmm: string) => `2026-11-30T${String(Number(hhmm.slice(0, 2)) - 8).padStart(2, '0')}:${hhmm.slice(3)}:00Z`;

/** A JSON call as whoever the browser is signed in as (or nobody, for the public routes). */
async function call<T = any>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await browser.context.request.fetch(`${baseUrl()}${path}`, { method, data });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
const signInAs = (username: string) => signInRequest(browser.context.request, username);

async function noHorizontalScroll(p: Page) {
  const { scroll, client } = await p.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Starts and finishes the window's called ticket, then calls the next: its number. */
async function callNext(): Promise<string> {
  const current = (await call('GET', `/api/queue/windows/${windowId}`)).current;
  if (current) {
    await call('POST', `/api/queue/tickets/${current.id}/start`);
    await call('POST', `/api/queue/tickets/${current.id}/finish`, { outcomeKind: 'none' });
  }
  return (await call('POST', `/api/queue/windows/${windowId}/call-next`)).ticket.number;
}

beforeAll(async () => {
  browser = await openBrowser();
  setServerTime(at('08:30'));
  const halls = (await call('GET', '/api/public/halls')).items as { id: string; name: string }[];
  hallId = halls.find((h) => h.name === '青川县政务服务中心')!.id;
  // The supervisor keeps the hall: opening hours and places per slot for every category.
  await signInAs('supervisor');
  hallHoursBefore = (await call('GET', `/api/queue/halls/${hallId}/hours`)).hall.weeklyHours ?? [];
  const weeklyHours = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    sessions: [
      { from: '09:00', to: '12:00' },
      { from: '13:30', to: '17:00' },
    ],
  }));
  await call('PUT', `/api/queue/halls/${hallId}/hours`, { weeklyHours });
  const categories = (await call('GET', `/api/queue/categories?hallId=${hallId}`)).items as {
    id: string;
    name: string;
    windowIds: string[];
  }[];
  await call('PUT', '/api/appointments/capacity', {
    hallId,
    items: categories.map((c) => ({ categoryId: c.id, capacity: 3 })),
  });
  const items = (await call('GET', `/api/public/halls/${hallId}/appointments/items`)).items;
  item = items.find((i: { name: string }) => i.name.includes('结婚')) ?? items[0];
  windowId = categories.find((c) => c.id === item.categoryId)!.windowIds[0]!;
  await browser.context.clearCookies();
});
// The files that follow share this server: leave window and hall as they were found.
afterAll(async () => {
  if (browser && windowId) {
    await signInAs('clerk');
    const current = (await call('GET', `/api/queue/windows/${windowId}`)).current;
    if (current) {
      await call('POST', `/api/queue/tickets/${current.id}/start`);
      await call('POST', `/api/queue/tickets/${current.id}/finish`, { outcomeKind: 'none' });
    }
    await call('POST', `/api/queue/windows/${windowId}/close`);
    await signInAs('supervisor');
    await call('PUT', `/api/queue/halls/${hallId}/hours`, { weeklyHours: hallHoursBefore });
  }
  resetServerTime();
  await browser?.close();
});

describe('appointments', () => {
  it('a booked applicant checks in within the grace and is called before an earlier walk-in; a late one is not', async () => {
    // On a phone (390 px): item → day → slot → identity → code.
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/booking?hall=${hallId}`);
    await page.getByLabel('办理事项').click();
    await page.locator('.ant-select-dropdown:visible').getByText(item.name, { exact: true }).click();
    await page.getByRole('button', { name: /11-30/ }).click();
    await page.getByRole('button', { name: /09:30-10:00/ }).click();
    await shot(page, 'appointments-phone-slots');
    await noHorizontalScroll(page);
    const idNumber = freshIdNumber();
    await page.getByLabel('姓名').fill('王预约');
    await page.getByLabel('身份证号码').fill(idNumber);
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '提交预约' }).click();
    const code = (await page.getByTestId('booking-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    await page
      .getByText(`${idNumber.slice(0, 3)}`)
      .first()
      .waitFor();
    expect(await page.getByText(idNumber).count()).toBe(0);
    await shot(page, 'appointments-phone-booked');
    await noHorizontalScroll(page);
    // Looked up by its code on the same page.
    await page.getByLabel('输入预约码').fill(code);
    await page
      .getByRole('button', { name: '查 询' })
      .or(page.getByRole('button', { name: '查询' }))
      .click();
    await page.getByRole('button', { name: '取消预约' }).waitFor();
    await shot(page, 'appointments-phone-lookup');
    await noHorizontalScroll(page);

    // A second applicant books 10:00 and will come late.
    const lateId = freshIdNumber();
    await call('POST', `/api/public/halls/${hallId}/appointments`, {
      itemId: item.id,
      day: '2026-11-30',
      slot: '10:00',
      name: '李迟到',
      idNumber: lateId,
      phone: '13912340000',
    });

    // 09:05 a walk-in takes a regular ticket of the same category.
    setServerTime(at('09:05'));
    const walkIn = await call('POST', `/api/public/halls/${hallId}/queue/tickets`, {
      categoryId: item.categoryId,
      priority: 'normal',
    });

    // 09:25 the booked applicant checks in at the kiosk (1080×1920) with the code on the on-screen keypad.
    setServerTime(at('09:25'));
    const kiosk = await browser.context.newPage();
    page = kiosk;
    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    await kiosk.goto(`${baseUrl()}/kiosk/${hallId}`);
    await kiosk.getByRole('button', { name: '预约签到' }).click();
    for (const ch of code)
      await kiosk.locator('.ow-checkin-keys').getByRole('button', { name: ch, exact: true }).click();
    await shot(kiosk, 'appointments-kiosk-checkin');
    await kiosk.getByRole('button', { name: '签到取号' }).click();
    await kiosk.getByText('已签到，您将优先叫号').waitFor();
    const apptNumber = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await shot(kiosk, 'appointments-kiosk-ticket');

    // The window calls: the appointment first, before the walk-in who came twenty minutes earlier.
    await signInAs('clerk');
    // An earlier file may have left the clerk's window open.
    if ((await call('GET', `/api/queue/windows/${windowId}`)).state === 'closed')
      await call('POST', `/api/queue/windows/${windowId}/open`);
    expect(await callNext()).toBe(apptNumber);

    // 10:05 another walk-in; 10:20 the 10:00 applicant checks in by ID number, past the 15 minutes' grace.
    setServerTime(at('10:05'));
    const walkIn2 = await call('POST', `/api/public/halls/${hallId}/queue/tickets`, {
      categoryId: item.categoryId,
      priority: 'normal',
    });
    setServerTime(at('10:20'));
    await kiosk
      .getByRole('button', { name: '完成' })
      .or(kiosk.getByRole('button', { name: '完 成' }))
      .click();
    await kiosk.getByText('身份证号码', { exact: true }).click();
    await kiosk.getByRole('textbox', { name: '身份证号码' }).fill(lateId);
    await kiosk.getByRole('button', { name: '签到取号' }).click();
    await kiosk.getByText(/按普通号排队/).waitFor();
    const lateNumber = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await shot(kiosk, 'appointments-kiosk-late');
    await signInAs('clerk');
    const order = [await callNext(), await callNext(), await callNext()];
    expect(order).toEqual([walkIn.number, walkIn2.number, lateNumber]);
  });

  it('the supervisor sees the day, the no-show rule and the capacity at 1440 px', async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await browser.context.clearCookies();
    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: '预约管理' }).click();
    await page.getByText('王预约').waitFor();
    await page.getByText('已签到').first().waitFor();
    await shot(page, 'appointments-desk-day');
    await page.getByRole('tab', { name: '容量与规则' }).click();
    await page.getByText(/天内爽约 \d+ 次/).waitFor();
    await shot(page, 'appointments-desk-settings');
    await page.getByRole('tab', { name: '电话预约' }).click();
    await page.getByLabel('办理事项').click();
    await page.locator('.ant-select-dropdown:visible').getByText(new RegExp(item.name)).first().click();
    await page.getByRole('button', { name: /11-30/ }).click();
    await page.getByRole('button', { name: /14:00-14:30/ }).click();
    await page.getByLabel('姓名').fill('赵来电');
    await page.getByLabel('身份证号码').fill(freshIdNumber());
    await page.getByLabel('手机号码').fill('13700001111');
    await page.getByRole('button', { name: '提交预约' }).click();
    await page.getByText(/已为来电人预约，预约码/).waitFor();
    await shot(page, 'appointments-desk-phone');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll).toBeLessThanOrEqual(1440);
  });
});
