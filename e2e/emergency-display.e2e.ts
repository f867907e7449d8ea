import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { DISPLAY } from './support/screens.ts';
import { screenshotOnFailure, shot } from './support/session.ts';

// Saving the thresholds reads the hall against them at once; the display hears of it on its event stream.
const SHOWN_WITHIN = 15_000;
const NOTICE = '当前办事群众较多，请耐心等候（测试提示）';

interface Crowding {
  maxWaiting: number;
  maxWaitMinutes: number;
  notice: string;
  showNotice: boolean;
  waiting: number;
}

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let display: Page;
let hallId: string;
let before: Crowding;

const crowding = async () =>
  (await (await page.request.get(`${baseUrl()}/api/emergency/crowding?hallId=${hallId}`)).json()) as Crowding;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, 'supervisor');
  await page.getByRole('menuitem').first().waitFor();
  hallId = ((await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as { halls: { id: string }[] })
    .halls[0]!.id;
  before = await crowding();
  // At least two people waiting, so a threshold of one is passed whatever the other files left in the queue.
  const categories = (await (await page.request.get(`${baseUrl()}/api/public/halls/${hallId}/queue/categories`)).json())
    .items as { id: string }[];
  for (let i = before.waiting; i < 2; i++) {
    const taken = await page.request.post(`${baseUrl()}/api/public/halls/${hallId}/queue/tickets`, {
      data: { categoryId: categories[0]!.id, priority: 'normal' },
    });
    expect(taken.status(), await taken.text()).toBe(201);
  }
});

afterAll(async () => {
  // Back to the thresholds this file found; a hall that had none gets ones no queue reaches (the alarm stays off).
  await page?.request.put(`${baseUrl()}/api/emergency/crowding`, {
    data: {
      hallId,
      maxWaiting: before?.maxWaiting || 10_000,
      maxWaitMinutes: before?.maxWaitMinutes || 600,
      notice: before?.notice ?? NOTICE,
      showNotice: before?.showNotice ?? true,
    },
  });
  await browser?.close();
});
screenshotOnFailure(() => page, 'emergency-display');

async function saveThresholds(maxWaiting: number) {
  await page.getByRole('menuitem', { name: /应急管理/ }).click();
  await page.getByRole('tab', { name: '客流拥挤报警' }).click();
  await page.getByTestId('crowding-state').waitFor();
  await page.getByLabel('等候人数超过').fill(String(maxWaiting));
  await page.getByLabel('最长等候超过（分钟）').fill('600');
  await page.getByLabel('叫号屏提示语').fill(NOTICE);
  const show = page.getByRole('checkbox', { name: '报警时在叫号屏显示提示' });
  if (!(await show.isChecked())) await show.check();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存').first().waitFor();
}

describe('拥挤提示上屏: the hall display shows the crowding notice while the alarm stands', () => {
  it('appears on the display after the hall crosses its threshold, and goes once the hall is calm again', async () => {
    display = await browser.context.newPage();
    await display.setViewportSize(DISPLAY);
    await display.goto(`${baseUrl()}/display/${hallId}`);
    await display.getByTestId('display-clock').waitFor();
    expect(await display.getByTestId('display-crowding-notice').count()).toBe(0);

    await saveThresholds(1);
    const notice = display.getByTestId('display-crowding-notice');
    await notice.waitFor({ timeout: SHOWN_WITHIN });
    expect(await notice.innerText()).toContain(NOTICE);
    await shot(display, 'display-crowding-notice');
    // The supervisor's page says the notice is on screen.
    await page.reload();
    await page.getByRole('tab', { name: '客流拥挤报警' }).click();
    await page.getByTestId('crowding-on-screen').waitFor();
    expect(await page.getByTestId('crowding-state').innerText()).toContain('拥挤中');

    await saveThresholds(10_000);
    await notice.waitFor({ state: 'detached', timeout: SHOWN_WITHIN });
    expect((await crowding()).maxWaiting).toBe(10_000);
  }, 90_000);
});
