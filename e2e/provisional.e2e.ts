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
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  resetServerTime();
  await browser?.close();
});

async function api<T = any>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res =
    method === 'GET'
      ? await page.request.get(`${baseUrl()}${path}`)
      : await page.request.post(`${baseUrl()}${path}`, { data: data ?? {} });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('dates in a year whose national schedule is not published', () => {
  it('shows 待定 beside the case deadline and its step deadlines on the case page', async () => {
    setServerTime('2026-12-30T02:00:00Z');
    await logIn(page, 'clerk');
    await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
    const me = await api('GET', '/api/auth/me');
    const hallId = me.halls[0].id as string;
    const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&status=published&pageSize=100`))
      .items as any[];
    // An item whose steps after reception each take at least a working day, so from 30 December they end in 2027,
    // whatever order other tests left the catalogue in.
    let item: any;
    let content: any;
    for (const candidate of items.filter((i) => i.kind === 'committed' && i.promisedDays >= 2)) {
      const c = (await api('GET', `/api/catalog/items/${candidate.id}`)).content;
      const firstOrder = Math.min(...c.steps.map((s: any) => s.order).filter((o: number) => o > 1));
      if (c.steps.filter((s: any) => s.order === firstOrder).every((s: any) => s.limitDays >= 2)) {
        item = candidate;
        content = c;
        break;
      }
    }
    expect(item, 'an item whose first back-office steps take two working days or more').toBeTruthy();
    const body = `51081219850415${String(100 + Math.floor(Math.random() * 800))}`;
    const applicant = await api('POST', '/api/applicants', {
      hallId,
      kind: 'person',
      name: '待定测试',
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
    expect(c.deadline > '2027-01-01').toBe(true);
    expect(c.deadlineProvisional).toBe(true);

    await page.goto(`${baseUrl()}/cases/${c.id}`);
    await page.getByText(c.caseNo).first().waitFor();
    // The case deadline and every active step whose deadline falls in the unpublished year carry the tag.
    const active = c.steps.filter((s: any) => s.status === 'active' && s.deadline && s.deadlineProvisional);
    expect(active.length).toBeGreaterThan(0);
    await page.getByText('待定').first().waitFor();
    expect(await page.getByText('待定', { exact: true }).count()).toBeGreaterThanOrEqual(1 + active.length);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/case-provisional.png`, fullPage: true });
  });
});
