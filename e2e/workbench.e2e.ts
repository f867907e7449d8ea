import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

// Reads only, apart from cases the clerk accepts: no window, hours or setting of the shared demo changes.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => page, 'workbench');

/** The count on a workbench tile, read from its Statistic. */
async function tileCount(section: string, label: string): Promise<number> {
  const tile = page.getByRole('region', { name: section }).getByRole('link', { name: new RegExp(`^${label} `) });
  await tile.waitFor();
  const text = (await tile.locator('.ant-statistic-content-value').textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

async function home() {
  await page.goto(`${baseUrl()}/`);
  await page.getByTestId('workbench').waitFor();
}

describe('a workbench per role on the home page', () => {
  it("the clerk's home counts today's received cases, and its tile opens the same list", async () => {
    await signIn(page, 'clerk');
    await acceptedCase(page, '工作台测试');
    await home();
    const count = await tileCount('窗口收件', '今日本人收件');
    expect(count).toBeGreaterThanOrEqual(1);
    const me = await apiOf(page)('GET', '/api/auth/me');
    const wb = await apiOf(page)('GET', '/api/home/workbench');
    const list = await apiOf(page)('GET', `/api/cases?personId=${me.id}&from=${wb.today}&to=${wb.today}&pageSize=100`);
    expect(count).toBe(list.total);
    await shot(page, 'workbench-clerk');

    await page
      .getByRole('region', { name: '窗口收件' })
      .getByRole('link', { name: /^今日本人收件 / })
      .click();
    await page.waitForURL(/\/cases\?/);
    await page.getByText(`共 ${count} 件`).waitFor();
    expect(await page.getByRole('checkbox', { name: '我经办的' }).isChecked()).toBe(true);
  });

  it("the supervisor's home shows the sections with counts, and a tile opens its list", async () => {
    await signIn(page, 'supervisor');
    await home();
    const section = page.getByRole('region', { name: '窗口主管' });
    await section.waitFor();
    const board = await apiOf(page)('GET', '/api/supervision/board');
    const red = board.cases.filter((c: any) => c.level === 'red').length;
    expect(await tileCount('窗口主管', '红灯办件')).toBe(red);
    const alerts = await apiOf(page)('GET', '/api/alerts');
    expect(await tileCount('窗口主管', '未读提醒')).toBe(alerts.unread);
    for (const label of ['黄灯办件', '差评待回访', '未办结投诉', '整改逾期', '待审批请假', '今日AB岗缺位'])
      expect(Number.isInteger(await tileCount('窗口主管', label))).toBe(true);
    await shot(page, 'workbench-supervisor');

    await section.getByRole('link', { name: /^红灯办件 / }).click();
    await page.waitForURL(/\/supervision$/);
    await page.getByTestId('sup-cases').waitFor();
  });

  it('the handler, inspector and head each see their own section', async () => {
    for (const [user, title] of [
      ['handler', '后台承办与审核'],
      ['inspector', '监督检查'],
      ['head', '站长 · 本月大厅概况'],
    ] as const) {
      await signIn(page, user);
      await home();
      await page.getByRole('region', { name: title }).waitFor();
      expect(await page.getByRole('region', { name: '窗口收件' }).count()).toBe(0);
      await shot(page, `workbench-${user}`);
    }
    // The handler's red tile opens 我的待办 filtered to red.
    await signIn(page, 'handler');
    await home();
    const red = await tileCount('后台承办与审核', '红灯待办');
    await page
      .getByRole('region', { name: '后台承办与审核' })
      .getByRole('link', { name: /^红灯待办 / })
      .click();
    await page.waitForURL(/\/inbox\?light=red/);
    const rows = await apiOf(page)('GET', '/api/backoffice/inbox/mine?light=red');
    expect(rows.total).toBe(red);
    // 已超环节时限 opens the same inbox narrowed to steps past their deadline, the filter shown as a closable tag.
    await home();
    const overdue = await tileCount('后台承办与审核', '已超环节时限');
    await page
      .getByRole('region', { name: '后台承办与审核' })
      .getByRole('link', { name: /^已超环节时限 / })
      .click();
    await page.waitForURL(/\/inbox\?due=overdue/);
    await page.locator('.ant-tag', { hasText: '已超环节时限' }).waitFor();
    // The tag shows from the address at once; the rows come with the inbox's answer, so the count is awaited. The
    // open tab's rows are found by role: antd 6 no longer marks the open pane .ant-tabs-tabpane-active, and that
    // selector counted 0 rows whatever the list held.
    const overdueRows = page.getByRole('tabpanel').locator('tbody tr.ant-table-row');
    await expect.poll(() => overdueRows.count(), { timeout: 10_000 }).toBe(overdue);
  });

  it("考核: the supervisor's 待审核 and the head's 待签发 tiles open the card list with that state", async () => {
    for (const [user, label, state, segment] of [
      ['supervisor', '待审核考核表', 'unreviewed', '待审核'],
      ['head', '待签发考核表', 'reviewed', '待签发'],
    ] as const) {
      await signIn(page, user);
      await home();
      const a = (await apiOf(page)('GET', '/api/home/workbench')).assessment;
      const cards = `/api/assessment/cards?hallId=${a.hallId}&period=${a.period}&kind=person&state=${state}`;
      const section = `考核 · ${a.period}`;
      if (user === 'supervisor') {
        // The supervisor remarks one card of the month: it waits for the head's signature.
        const [first] = (await apiOf(page)('GET', cards)).items;
        const key = { hallId: a.hallId, period: a.period, kind: 'person', subjectId: first.subjectId };
        const res = await page.request.put(`${baseUrl()}/api/assessment/card/remarks`, {
          data: { ...key, remarks: '工作台测试', spotScore: 90 },
        });
        expect(res.status(), await res.text()).toBe(200);
        await home();
      }
      const count = await tileCount(section, label);
      expect(count).toBe((await apiOf(page)('GET', cards)).items.length);
      if (user === 'head') expect(count).toBeGreaterThanOrEqual(1);
      await page
        .getByRole('region', { name: section })
        .getByRole('link', { name: new RegExp(`^${label} `) })
        .click();
      await page.waitForURL(new RegExp(`/assessment\\?.*state=${state}`));
      await page.locator('.ant-segmented-item-selected', { hasText: segment }).waitFor();
      expect(await page.getByRole('textbox', { name: '考核期间' }).inputValue()).toBe(a.period);
      const rows = page.locator('.ant-table-tbody > tr.ant-table-row');
      if (count > 0) await rows.first().waitFor();
      else await page.getByText('本期间没有该状态的考核表').waitFor();
      // One page of the table holds 50 cards.
      expect(await rows.count()).toBe(Math.min(count, 50));
      await shot(page, `workbench-assessment-${user}`);
    }
  });

  it("上级交办: the clerk's open and overdue tasks, the overdue tile in red opening the overdue list", async () => {
    await signIn(page, 'clerk');
    const me = await apiOf(page)('GET', '/api/auth/me');
    const today = (await apiOf(page)('GET', '/api/home/workbench')).today as string;
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await signIn(page, 'head');
    const hallId = (await apiOf(page)('GET', '/api/auth/me')).halls[0].id;
    // One task past its due day and one still in time.
    for (const [received, due] of [
      [-10, -1],
      [0, 5],
    ] as const)
      await apiOf(page)('POST', '/api/handed-down-tasks', {
        hallId,
        authority: '市政务服务管理局',
        documentNo: `政服办〔2026〕工作台${received}号`,
        receivedDay: day(received),
        content: `工作台交办事项 ${received}`,
        ownerId: me.id,
        dueDay: day(due),
      });
    await signIn(page, 'clerk');
    await home();
    const open = await tileCount('上级交办', '办理中交办事项');
    const overdue = await tileCount('上级交办', '已逾期交办事项');
    const mine = await apiOf(page)('GET', '/api/handed-down-tasks?mine=1&status=open');
    expect(open).toBe(mine.items.length);
    expect(overdue).toBe(mine.items.filter((t: any) => t.overdue).length);
    expect(overdue).toBeGreaterThanOrEqual(1);
    const value = page
      .getByRole('region', { name: '上级交办' })
      .getByRole('link', { name: /^已逾期交办事项 / })
      .locator('.ant-statistic-content');
    expect(await value.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(207, 19, 34)');
    await shot(page, 'workbench-tasks');
    await page
      .getByRole('region', { name: '上级交办' })
      .getByRole('link', { name: /^已逾期交办事项 / })
      .click();
    await page.waitForURL(/\/my-tasks\?filter=overdue/);
    await page.locator('.ant-segmented-item-selected', { hasText: '已逾期' }).waitFor();
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(overdue);
  });
});
