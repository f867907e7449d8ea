import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';
import { signIn } from './support/session.ts';

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

describe('dates in a year whose national schedule is not published', () => {
  it('shows 待定 beside the case deadline and its step deadlines on the case page', async () => {
    setServerTime('2026-12-30T02:00:00Z');
    await signIn(page, 'clerk');
    // An item whose steps after reception each take at least a working day, so from 30 December they end in 2027,
    // whatever order other tests left the catalogue in.
    const c = await acceptedCase(page, '待定测试', {
      item: (i) => i.promisedDays >= 2,
      content: (content) => {
        const firstOrder = Math.min(...content.steps.map((s: any) => s.order).filter((o: number) => o > 1));
        return content.steps.filter((s: any) => s.order === firstOrder).every((s: any) => s.limitDays >= 2);
      },
    });
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
