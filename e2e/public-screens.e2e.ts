import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import {
  countyHallId,
  DESK,
  DISPLAY,
  expectTablesFit,
  KIOSK,
  expectNoSidewaysScroll as noSidewaysScroll,
} from './support/screens.ts';
import { apiOf, screenshotOnFailure, shot, signIn, signInRequest } from './support/session.ts';

/** The phones the receipt's and the ticket's QR codes are opened on: the narrowest, the common, the large. */
const PHONES = [360, 390, 414].map((width) => ({ width, height: 800 }));

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let hallId: string;
let ticketId: string;
let guideItemId: string;

type HallSettings = Record<string, unknown> & { kioskIdleSeconds: number; displayNotices: string[] };

/** The hall's floor settings as the supervisor saves them in 叫号设置 (over the API: the form is not under test). */
async function saveHallSettings(change: Partial<HallSettings>): Promise<void> {
  const request = browser.context.request;
  await signInRequest(request, 'supervisor');
  const url = `${baseUrl()}/api/queue/halls/${hallId}/settings`;
  const current = (await (await request.get(url)).json()) as HallSettings;
  const saved = await request.put(url, { data: { ...current, ...change } });
  expect(saved.status(), await saved.text()).toBe(200);
}

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  hallId = await countyHallId(baseUrl());
  const categories = (await (await fetch(`${baseUrl()}/api/public/halls/${hallId}/queue/categories`)).json()) as {
    items: { id: string }[];
  };
  const taken = await fetch(`${baseUrl()}/api/public/halls/${hallId}/queue/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ categoryId: categories.items[0]!.id, priority: 'normal' }),
  });
  ticketId = ((await taken.json()) as { id: string }).id;
  const guide = (await (await fetch(`${baseUrl()}/api/public/guide?hallId=${hallId}&q=GA-001`)).json()) as {
    items: { id: string; code: string }[];
  };
  guideItemId = guide.items.find((i) => i.code === 'GA-001')!.id;
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'public-screens');

const expectNoSidewaysScroll = () => noSidewaysScroll(page);

/** The red header is on screen, whole, with its hall name and links inside the screen's width and legible. */
async function expectHeaderReadable(width: number) {
  const header = page.locator('.ow-public-header');
  await header.waitFor();
  const box = (await header.boundingBox())!;
  expect(box.y).toBeLessThanOrEqual(0.5);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(await header.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'header text clipped').toBe(true);
  for (const name of ['在线咨询', '工作人员登录']) {
    const link = (await header.getByRole('link', { name }).boundingBox())!;
    expect(link.x + link.width, name).toBeLessThanOrEqual(width);
  }
  const hallSize = await header
    .locator('.ow-public-hall')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(hallSize).toBeGreaterThanOrEqual(16);
}

describe('every public page on a phone (360, 390 and 414 px)', () => {
  const pages = [
    { name: 'guide', path: () => '/guide', ready: () => page.getByRole('link', { name: '居住证申领' }).first() },
    {
      name: 'guide-detail',
      path: () => `/guide/${guideItemId}`,
      ready: () => page.getByRole('heading', { name: '申请材料' }),
    },
    { name: 'consult', path: () => '/guide/consult', ready: () => page.getByLabel('咨询内容') },
    { name: 'progress', path: () => '/progress', ready: () => page.getByLabel('办件编号') },
    { name: 'ticket', path: () => `/queue/ticket/${ticketId}`, ready: () => page.getByTestId('ticket-number') },
  ];

  for (const phone of PHONES) {
    it(`at ${phone.width} px nothing scrolls sideways and the header reads whole`, async () => {
      await page.setViewportSize(phone);
      for (const p of pages) {
        await page.goto(`${baseUrl()}${p.path()}`);
        await p.ready().waitFor();
        await expectHeaderReadable(phone.width);
        await expectNoSidewaysScroll();
        await shot(page, `public-${p.name}-${phone.width}`);
      }
      // The ticket page names the hall in the header, like the guide does.
      await expect(page.locator('.ow-public-hall').textContent()).resolves.toBe('青川县政务服务中心');
    });
  }
});

describe('blank forms and samples (空白表格、填写样例)', () => {
  it('the maintainer uploads a form in the item editor; once published the guide offers it under its Chinese name', async () => {
    await page.setViewportSize(DESK);
    await signIn(page, 'head');
    await page.goto(`${baseUrl()}/catalog/${guideItemId}`);
    const table = page.getByTestId('materials-table');
    // The fifth material of 居住证申领 is its 登记表, which the hall has as a blank form.
    const row = table.locator('tbody tr.ant-table-row').nth(4);
    await expect(row.getByLabel('材料名称').inputValue()).resolves.toBe('居住证申领登记表');
    // The materials table fits the desk: every column without sideways scrolling.
    await expectTablesFit(table, 'the materials table scrolls sideways at 1440 px');
    await shot(page, 'public-item-materials-1440');

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    // The file chooser's input (hidden behind the 上传 button) of the row's blank form.
    await row
      .locator('input[type="file"][aria-label="空白表格 上传"]')
      .setInputFiles({ name: '居住证申领登记表.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByText('已上传“居住证申领登记表.pdf”，发布后对公众生效').waitFor();
    await row.getByRole('link', { name: /居住证申领登记表\.pdf/ }).waitFor();
    await shot(page, 'public-item-uploaded-1440');

    // Not public until published.
    const before = await page.request.get(`${baseUrl()}/api/public/guide/${guideItemId}`);
    expect(((await before.json()) as { materialFiles: unknown[] }).materialFiles).toEqual([]);
    await apiOf(page)('POST', `/api/catalog/items/${guideItemId}/publish`);

    await page.context().clearCookies();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/guide/${guideItemId}`);
    const link = page.getByRole('link', { name: '空白表格' });
    await link.waitFor();
    await expectNoSidewaysScroll();
    await shot(page, 'public-guide-forms-390');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('居住证申领登记表.pdf');
    const saved = await download.path();
    expect(saved).toBeTruthy();
  });
});

describe('the kiosk (1080×1920)', () => {
  it('prints the slip in place, without a new tab, and returns to its start screen after the hall’s idle time', async () => {
    await saveHallSettings({ kioskIdleSeconds: 20 });
    const kiosk = await browser.context.newPage();
    try {
      // Every frame's print() is counted instead of opening the print dialog.
      await kiosk.addInitScript(() => {
        window.print = () => {
          const top = window.top as unknown as { __printed?: number };
          top.__printed = (top.__printed ?? 0) + 1;
        };
      });
      await kiosk.clock.install();
      await kiosk.setViewportSize(KIOSK);
      await kiosk.goto(`${baseUrl()}/kiosk/${hallId}`);
      await kiosk.getByText('请选择办理业务').waitFor();
      const pagesBefore = browser.context.pages().length;

      // 长者模式: every touch target is large.
      await kiosk.getByRole('switch', { name: '长者模式' }).click();
      await kiosk.locator('.ow-elder').waitFor();
      for (const button of await kiosk.locator('.ow-kiosk button').all()) {
        const box = (await button.boundingBox())!;
        const name = await button.textContent();
        expect(box.height, `touch target "${name}"`).toBeGreaterThanOrEqual(72);
      }
      const switchBox = (await kiosk.getByRole('switch', { name: '长者模式' }).boundingBox())!;
      expect(switchBox.height).toBeGreaterThanOrEqual(40);
      // The upright screen is used down to its foot.
      const grid = (await kiosk.locator('.ow-kiosk-grid').boundingBox())!;
      expect(grid.y + grid.height).toBeGreaterThan(KIOSK.height * 0.8);
      await shot(kiosk, 'public-kiosk-elder');

      await kiosk.getByRole('button', { name: /D · 婚姻登记/ }).click();
      const number = (await kiosk.getByTestId('ticket-number').textContent())!;
      expect(number).toMatch(/^D\d{3}$/);
      const slip = kiosk.frameLocator('#ow-print-frame');
      await expect(slip.getByTestId('slip-number').textContent()).resolves.toBe(number);
      await expect.poll(() => kiosk.evaluate(() => (window as { __printed?: number }).__printed ?? 0)).toBe(1);
      expect(browser.context.pages().length, 'printing opened a tab').toBe(pagesBefore);
      expect(new URL(kiosk.url()).pathname).toBe(`/kiosk/${hallId}`);
      await shot(kiosk, 'public-kiosk-ticket');

      // Reprint: the same frame again.
      await kiosk.getByRole('button', { name: '重新打印凭条' }).click();
      await expect.poll(() => kiosk.evaluate(() => (window as { __printed?: number }).__printed ?? 0)).toBe(2);
      await expect(kiosk.locator('iframe').count()).resolves.toBe(1);

      // Left alone: at 19 s the ticket is still there, at 20 s the kiosk is back at its start, 长者模式 off.
      await kiosk.clock.fastForward(19_000);
      await kiosk.getByTestId('kiosk-countdown').getByText('1 秒后自动返回首页').waitFor();
      await kiosk.clock.fastForward(1_500);
      await kiosk.getByText('请选择办理业务').waitFor();
      await expect(kiosk.getByTestId('ticket-number').count()).resolves.toBe(0);
      await expect(kiosk.locator('.ow-elder').count()).resolves.toBe(0);
    } finally {
      await kiosk.close();
      await saveHallSettings({ kioskIdleSeconds: 60 });
    }
  });
});

describe('the hall display (1920×1080)', () => {
  it('fills the screen: current calls large, the last calls, waiting per queue, a clock and the notices', async () => {
    // The supervisor writes the notices in 排队叫号设置, one per line.
    await page.setViewportSize(DESK);
    await signIn(page, 'supervisor');
    await page.goto(`${baseUrl()}/queue/setup`);
    const notices_ = page.getByLabel('大屏公告（每行一条）');
    // The hall's current notices have loaded into the box before they are replaced.
    await expect.poll(() => notices_.inputValue()).toContain('请按叫号顺序到对应窗口办理');
    await notices_.fill('今日下午 16:30 起暂停办理婚姻登记业务\n\n请妥善保管随身物品');
    const floor = page.locator('.ant-card').filter({ hasText: '叫号规则' });
    await floor.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    await shot(page, 'public-queue-setup-1440');
    await page.context().clearCookies();
    await page.setViewportSize(DISPLAY);
    await page.goto(`${baseUrl()}/display/${hallId}`);
    await page.getByTestId('display-window-1').waitFor();
    const notices = page.getByTestId('display-notices');
    await notices.getByText('今日下午 16:30 起暂停办理婚姻登记业务', { exact: false }).waitFor();
    // Exactly the two notices written, the blank line left out, the demo's notices replaced.
    await expect(notices.locator('.text').textContent()).resolves.toBe(
      '今日下午 16:30 起暂停办理婚姻登记业务　　请妥善保管随身物品',
    );
    await page
      .getByTestId('display-clock')
      .getByText(/^\d{2}:\d{2}:\d{2}$/)
      .waitFor();
    await page.getByText('D 婚姻登记').waitFor();

    const { scrollWidth, scrollHeight } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(DISPLAY.width);
    expect(scrollHeight, 'the display scrolls').toBeLessThanOrEqual(DISPLAY.height);
    const screen = (await page.locator('.ow-display-screen').boundingBox())!;
    expect(screen.width).toBe(DISPLAY.width);
    expect(screen.height).toBe(DISPLAY.height);
    // The notices stand at the foot of the screen, the windows reach down to them.
    const foot = (await notices.boundingBox())!;
    expect(foot.y + foot.height).toBeGreaterThan(DISPLAY.height - 60);
    const windows = (await page.locator('.ow-display-windows').boundingBox())!;
    expect(windows.y + windows.height).toBeGreaterThan(foot.y - 60);

    // Readable across the hall.
    const size = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.ow-display-clock .time')).toBeGreaterThanOrEqual(40);
    expect(await size('.ow-display-window .cur')).toBeGreaterThanOrEqual(72);
    expect(await size('.ow-display-queues li')).toBeGreaterThanOrEqual(26);
    expect(await size('.ow-display-notices')).toBeGreaterThanOrEqual(28);
    // No text is cut off inside the windows and the queue list.
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('.ow-display-window .wn, .ow-display-window .nm, .ow-display-queues li')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    );
    expect(cut).toEqual([]);
    await shot(page, 'public-display');
  });
});
