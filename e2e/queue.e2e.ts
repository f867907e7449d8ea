import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO_PASSWORD, logIn, openBrowser } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let hallId: string;
let windowId: string;
let padPath: string;

/** Signs in over HTTP (outside the browser) and returns the session cookie. */
async function apiSession(username: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

beforeAll(async () => {
  browser = await openBrowser();
  const halls = (await (await fetch(`${baseUrl()}/api/public/halls`)).json()) as {
    items: { id: string; name: string }[];
  };
  hallId = halls.items.find((h) => h.name === '青川县政务服务中心')!.id;
  // The window supervisor sets up window 5's rating pad, as the hall does once per tablet.
  const cookie = await apiSession('supervisor');
  const windows = (await (
    await fetch(`${baseUrl()}/api/queue/windows?hallId=${hallId}`, { headers: { cookie } })
  ).json()) as { items: { id: string; number: number }[] };
  windowId = windows.items.find((w) => w.number === 5)!.id;
  const issued = await fetch(`${baseUrl()}/api/rating/pads/${windowId}/token`, { method: 'POST', headers: { cookie } });
  expect(issued.status).toBe(201);
  padPath = ((await issued.json()) as { padPath: string }).padPath;
  await clearWindowFive();
});
/**
 * Window 5 as the clerk finds it in the morning: closed, with nobody left waiting for it. Earlier files share this
 * server and may leave a ticket waiting or called; those are called and marked 过号 (a no-show leaves the pad idle).
 */
async function clearWindowFive() {
  const cookie = await apiSession('clerk');
  const headers = { 'content-type': 'application/json', cookie };
  const post = (path: string) => fetch(`${baseUrl()}${path}`, { method: 'POST', headers, body: '{}' });
  const windowNow = async () =>
    (await (await fetch(`${baseUrl()}/api/queue/windows/${windowId}`, { headers })).json()) as {
      state: string;
      current: { id: string; status: string } | null;
    };
  let w = await windowNow();
  if (w.state === 'closed') expect((await post(`/api/queue/windows/${windowId}/open`)).status).toBeLessThan(300);
  for (let i = 0; i < 50; i++) {
    w = await windowNow();
    if (w.current?.status === 'called') await post(`/api/queue/tickets/${w.current.id}/no-show`);
    else if (w.current) {
      await post(`/api/queue/tickets/${w.current.id}/start`);
      const finished = await fetch(`${baseUrl()}/api/queue/tickets/${w.current.id}/finish`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ outcomeKind: 'none' }),
      });
      expect(finished.status).toBeLessThan(300);
    }
    const next = (await (await post(`/api/queue/windows/${windowId}/call-next`)).json()) as { ticket: unknown };
    if (!next.ticket) break;
  }
  expect((await post(`/api/queue/windows/${windowId}/close`)).status).toBeLessThan(300);
}
afterAll(async () => {
  await clearWindowFive();
  await browser?.close();
});

describe('the hall floor', () => {
  it('kiosk takes a ticket, the window calls it, the display shows it within a second, the pad rates it', async () => {
    const open = async (path: string): Promise<Page> => {
      const p = await browser.context.newPage();
      await p.goto(`${baseUrl()}${path}`);
      return p;
    };
    const display = await open(`/display/${hallId}`);
    await display.getByTestId('display-window-5').waitFor();
    const pad = await open(padPath);
    await pad.getByText('欢迎您！服务结束后请为我们的服务评价').waitFor();
    expect(pad.url()).not.toContain('#');

    const kiosk = await open(`/kiosk/${hallId}`);
    await kiosk.getByRole('button', { name: /婚姻登记/ }).click();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    expect(number).toMatch(/^D\d{3}$/);
    await kiosk.getByText(/您前面还有 \d+ 人/).waitFor();

    const clerk = await browser.context.newPage();
    await logIn(clerk, 'clerk');
    await clerk.getByRole('menuitem', { name: /窗口叫号/ }).click();
    await clerk.getByLabel('窗口', { exact: true }).click();
    await clerk.locator('.ant-select-dropdown:visible').getByText('5 号 婚姻登记专窗').click();
    await clerk.getByRole('button', { name: '开启窗口' }).click();
    await clerk.getByTestId('window-state').getByText('开放').waitFor();
    const called = Date.now();
    await clerk.getByRole('button', { name: '叫下一号' }).click();
    await display.getByTestId('display-latest').getByText(`请 ${number} 号到 5 号窗口办理`).waitFor({ timeout: 1000 });
    expect(Date.now() - called).toBeLessThan(1000);
    await display.getByTestId('display-window-5').getByText(number).waitFor({ timeout: 1000 });
    await clerk.getByTestId('window-current').getByText(number).waitFor();

    await clerk.getByRole('button', { name: '开始办理' }).click();
    await clerk.getByRole('button', { name: '办结' }).click();
    await clerk
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();

    await pad.getByText(`请为 ${number} 号的本次服务评价`).waitFor();
    await pad.getByText('服务人员：张伟').waitFor();
    await pad.getByRole('button', { name: '满意', exact: true }).click();
    await pad.getByLabel('意见或建议').fill('办事很快，谢谢');
    await pad.getByRole('button', { name: /提交评价/ }).click();
    await pad.getByText('感谢您的评价！').waitFor();

    const state = await fetch(`${baseUrl()}/api/public/pads/${windowId}`, {
      headers: { 'x-pad-token': padPath.split('#')[1]! },
    });
    expect(((await state.json()) as { pending: unknown }).pending).toBeNull();
  });

  it('puts a bad review on the feedback officer’s call-back list, and records the call-back', async () => {
    const cookie = await apiSession('clerk');
    const post = async (path: string, body: unknown = {}, headers: Record<string, string> = { cookie }) => {
      const res = await fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    const categories = (await (await fetch(`${baseUrl()}/api/public/halls/${hallId}/queue/categories`)).json()) as {
      items: { id: string; prefix: string }[];
    };
    const ticket = await post(`/api/public/halls/${hallId}/queue/tickets`, {
      categoryId: categories.items.find((c) => c.prefix === 'D')!.id,
    });
    const called = (await post(`/api/queue/windows/${windowId}/call-next`)).ticket as { id: string };
    expect(called.id).toBe(ticket.id);
    await post(`/api/queue/tickets/${called.id}/start`);
    await post(`/api/queue/tickets/${called.id}/finish`, { outcomeKind: 'none' });
    await post(
      `/api/public/pads/${windowId}/ratings`,
      { ticketId: called.id, level: 'very_dissatisfied', comment: '窗口人员态度生硬' },
      { 'x-pad-token': padPath.split('#')[1]! },
    );

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await logIn(page, 'feedback');
    await page.getByRole('menuitem', { name: /差评回访/ }).click();
    const row = page.getByRole('row').filter({ hasText: String(ticket.number) });
    await row.getByText('非常不满意').waitFor();
    await row.getByText(/窗口人员态度生硬/).waitFor();
    await row.getByRole('button', { name: '记录回访' }).click();
    await page.getByLabel('回访情况').fill('已电话致歉，说明将加强窗口服务规范培训');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await row.waitFor({ state: 'detached' });
  });

  it('shows the window supervisor how the day’s tickets ended, as the server counts them', async () => {
    const cookie = await apiSession('supervisor');
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const expected = (await (
      await fetch(`${baseUrl()}/api/queue/day-summary?hallId=${hallId}&day=${day}`, { headers: { cookie } })
    ).json()) as Record<string, number>;
    expect(expected.issued).toBeGreaterThan(0);
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await logIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /排队叫号设置/ }).click();
    const figure = (title: string) =>
      page
        .locator('.ant-statistic')
        .filter({ has: page.getByText(title, { exact: true }) })
        .locator('.ant-statistic-content-value');
    await figure('取号').getByText(String(expected.issued), { exact: true }).waitFor();
    expect(await figure('已办结').textContent()).toBe(String(expected.done));
    expect(await figure('未办结').textContent()).toBe(String(expected.unfinished));
  });
});
