import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, logIn, openBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/session.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let hallId: string;

beforeAll(async () => {
  // A Monday morning, so "today" has sessions whatever day the tests run.
  setServerTime('2026-03-02T10:00:00+08:00');
  browser = await openBrowser();
  page = await browser.context.newPage();
  const halls = (await (await fetch(`${baseUrl()}/api/public/halls`)).json()) as {
    items: { id: string; name: string }[];
  };
  hallId = halls.items.find((h) => h.name === '青川县政务服务中心')!.id;
});
afterAll(async () => {
  // Leave the hall without a closing time, so the files that follow are not swept mid-test nor refused tickets.
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const headers = { 'content-type': 'application/json', cookie };
  await fetch(`${baseUrl()}/api/queue/halls/${hallId}/hours`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ weeklyHours: [] }),
  });
  // The windows' own timetables would otherwise decide the closing (and stop the kiosk in the evening).
  const windows = (await (await fetch(`${baseUrl()}/api/queue/windows?hallId=${hallId}`, { headers })).json()) as {
    items: { id: string; weeklyHours: unknown[] | null }[];
  };
  for (const w of windows.items.filter((x) => x.weeklyHours !== null)) {
    const cleared = await fetch(`${baseUrl()}/api/queue/windows/${w.id}/settings`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ weeklyHours: null }),
    });
    expect(cleared.status).toBe(200);
  }
  resetServerTime();
  await browser?.close();
});
screenshotOnFailure(() => page, 'hours');

const dialog = () => page.getByRole('dialog');
const save = async () =>
  dialog()
    .getByRole('button', { name: /保\s*存/ })
    .click();

describe('opening hours of windows and the hall', () => {
  it('lets the window supervisor set a window’s sessions per weekday, with the server’s field error in place', async () => {
    await logIn(page, 'supervisor');
    await page.getByText('工作台').first().waitFor();
    await page.goto(`${baseUrl()}/admin/windows`);
    const row = page.getByRole('row').filter({ hasText: '婚姻登记专窗' });
    await row.getByText('未设置').waitFor();
    await row.getByRole('button', { name: '办公时间' }).click();
    await dialog().getByText('5 婚姻登记专窗 办公时间（按星期）').waitFor();
    await dialog()
      .getByRole('button', { name: /按常规填入/ })
      .click();
    expect(await dialog().getByLabel('周一上午开始').inputValue()).toBe('09:00');
    expect(await dialog().getByLabel('周五下午结束').inputValue()).toBe('17:00');
    // Wednesday afternoon made to start inside the morning: the server names that very field.
    await dialog().getByLabel('周三下午开始').fill('11:00');
    // Saturday morning added.
    await dialog().getByRole('button', { name: '周六增加时段' }).click();
    await dialog().getByLabel('周六上午开始').fill('09:00');
    await dialog().getByLabel('周六上午结束').fill('12:00');
    await save();
    await dialog().getByText('周三第 2 个时段与上一时段重叠或顺序颠倒').waitFor();
    await dialog().getByLabel('周三下午开始').fill('13:30');
    await save();
    await dialog().waitFor({ state: 'hidden' });
    await row.getByText('周一至周五 09:00-12:00、13:30-17:00；周六 09:00-12:00').waitFor();
    // The hall has no timetable of its own yet: its latest window decides today's closing.
    await page
      .getByTestId('hall-hours')
      .getByText('今日 17:00 停止叫号，未叫号的号自动作废（依据：各窗口办公时间）')
      .waitFor();
  });

  it('lets the station head set the hall’s own hours, which then decide the closing', async () => {
    await page.context().clearCookies();
    await logIn(page, 'head');
    await page.getByText('工作台').first().waitFor();
    await page.goto(`${baseUrl()}/admin/windows`);
    await page.getByRole('button', { name: '大厅办公时间' }).click();
    await dialog().getByText('大厅办公时间（按星期）').waitFor();
    await dialog()
      .getByRole('button', { name: /按常规填入/ })
      .click();
    await dialog().getByLabel('周一下午结束').fill('17:30');
    await dialog().getByLabel('周一下午开始').fill('1330');
    await save();
    await dialog().getByText('周一的时间应为“时:分”，如 09:00').waitFor();
    await dialog().getByLabel('周一下午开始').fill('13:30');
    await save();
    await dialog().waitFor({ state: 'hidden' });
    const info = page.getByTestId('hall-hours');
    await info.getByText('大厅办公时间：周一 09:00-12:00、13:30-17:30；周二至周五 09:00-12:00、13:30-17:00').waitFor();
    await info.getByText('今日 17:30 停止叫号，未叫号的号自动作废（依据：大厅办公时间）').waitFor();
  });
});
