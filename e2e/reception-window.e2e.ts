import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { chooseItem, freshIdNumber, registerAtWindow } from './support/cases.ts';
import { DESK, expectNoSidewaysScroll, expectTablesFit } from './support/screens.ts';
import { screenshotOnFailure, shot, signIn, signInRequest } from './support/session.ts';

// 收件受理 remembers the clerk's window and picks up the ticket being served there (R19.12).
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page | undefined;
let hallId: string;
let window: { id: string; number: number; name: string; state: string };
let categoryId: string;
screenshotOnFailure(() => page, 'reception-window');

/** A JSON call as whoever the browser is signed in as (or nobody, for the public routes). */
async function call<T = any>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res = await browser.context.request.fetch(`${baseUrl()}${path}`, { method, data: data ?? {} });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The window as the clerk found it: closed, nobody left called or waiting for it (过号 for those still called). */
async function clearWindow() {
  const now = async () => call('GET', `/api/queue/windows/${window.id}`);
  if ((await now()).state === 'closed') await call('POST', `/api/queue/windows/${window.id}/open`);
  for (let i = 0; i < 50; i++) {
    const current = (await now()).current as { id: string; status: string } | null;
    if (current?.status === 'called') await call('POST', `/api/queue/tickets/${current.id}/no-show`);
    else if (current) await call('POST', `/api/queue/tickets/${current.id}/finish`, { outcomeKind: 'none' });
    const next = await call('POST', `/api/queue/windows/${window.id}/call-next`);
    if (!next.ticket) break;
  }
  await call('POST', `/api/queue/windows/${window.id}/close`);
}

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await signIn(page, 'clerk');
  hallId = (await call('GET', '/api/auth/me')).halls[0].id;
  const windows = (await call('GET', `/api/queue/windows?hallId=${hallId}`)).items as (typeof window)[];
  const categories = (await call('GET', `/api/queue/categories?hallId=${hallId}`)).items as {
    id: string;
    windowIds: string[];
    active: boolean;
  }[];
  // A window other than 5 (the queue and screens files use it), serving an active category.
  const category = categories.find(
    (c) => c.active && c.windowIds.some((w) => w !== windows.find((x) => x.number === 5)?.id),
  )!;
  categoryId = category.id;
  window = windows.find((w) => w.number !== 5 && category.windowIds.includes(w.id))!;
  // The window as in the morning: closed, nobody called or waiting for it.
  await clearWindow();
});
afterAll(async () => {
  if (browser && window) {
    await signInRequest(browser.context.request, 'clerk');
    await clearWindow();
  }
  await browser?.close();
});

describe('收件受理 at the clerk window', () => {
  it('finds the open window chosen and the ticket shown, and the accepted case keeps its ticket', async () => {
    const p = page!;
    // The clerk opens the window and calls the ticket a kiosk gave out, then starts serving it.
    await call('POST', `/api/queue/windows/${window.id}/open`);
    const taken = await call('POST', `/api/public/halls/${hallId}/queue/tickets`, { categoryId });
    let ticket = (await call('POST', `/api/queue/windows/${window.id}/call-next`)).ticket;
    // Someone left waiting by an earlier file is seen to first (过号), so the call reaches the kiosk's ticket.
    while (ticket && ticket.id !== taken.id) {
      await call('POST', `/api/queue/tickets/${ticket.id}/no-show`);
      ticket = (await call('POST', `/api/queue/windows/${window.id}/call-next`)).ticket;
    }
    expect(ticket.number).toBe(taken.number);
    await call('POST', `/api/queue/tickets/${ticket.id}/start`);

    await registerAtWindow(p, { idNumber: freshIdNumber(), name: '何晓燕', phone: '13812345678' });
    const bar = p.getByTestId('served-ticket');
    await bar.getByText(taken.number).waitFor();
    expect(await bar.innerText()).toContain(taken.categoryName);
    // The window field already holds the clerk's open window.
    await p.getByText(`${window.number}号 ${window.name}`, { exact: true }).first().waitFor();
    await chooseItem(p, '食品经营', /食品经营许可（新办）/);
    await shot(p, 'reception-window-ticket');

    const accepted = p.waitForResponse((r) => r.url().endsWith('/api/intake/acceptances'));
    const receiptTab = p.context().waitForEvent('page');
    await p.getByRole('button', { name: /^受理/ }).click();
    const res = await accepted;
    expect(res.status()).toBe(201);
    expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ windowId: window.id, ticketId: taken.id });
    const c = (await res.json()) as { id: string };
    await (await receiptTab).close();
    await p.getByText(/已受理，办件编号/).waitFor();

    // The case's trail names the ticket, and the ticket names the case.
    await p.goto(`${baseUrl()}/cases/${c.id}`);
    await p.getByText(`取号 ${taken.number}`).waitFor();
    const t = await call('GET', `/api/queue/tickets/${taken.id}`);
    expect(t).toMatchObject({ status: 'serving', outcomeKind: 'case' });

    // Back at 收件受理 after a reload: the window is still the clerk's, from the queue.
    await p.goto(`${baseUrl()}/`);
    await p.getByRole('menuitem', { name: /收件受理/ }).click();
    await p.getByTestId('served-ticket').getByText(taken.number).waitFor();
  });
});

describe('the catalogue editor on a 1440 px desk', () => {
  it("shows the material table's every column without sideways scrolling, each field editable", async () => {
    const p = await browser.context.newPage();
    page = p;
    await p.setViewportSize(DESK);
    await signIn(p, 'head');
    const items = (await call('GET', `/api/catalog/items?hallId=${hallId}&pageSize=100`)).items as {
      id: string;
      name: string;
    }[];
    const item = items.find((i) => i.name.includes('食品经营许可（新办）')) ?? items[0]!;
    await p.goto(`${baseUrl()}/catalog/${item.id}`);
    const table = p.getByTestId('materials-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await table.scrollIntoViewIfNeeded();
    if (process.env.SHOT_PATH) await p.screenshot({ path: process.env.SHOT_PATH });
    await expectTablesFit(table, 'the material table scrolls sideways');
    await expectNoSidewaysScroll(p);
    // Every field of a row is there to edit.
    const row = table.locator('tbody tr.ant-table-row').first();
    for (const label of ['材料名称', '材料形式', '提交要求', '份数', '适用情形', '备注', '不可容缺']) {
      const field = row.getByLabel(label).first();
      expect((await field.isVisible()) && (await field.isEnabled()), label).toBe(true);
    }
    await p.close();
  });
});
