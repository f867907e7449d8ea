import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import {
  DESK,
  DISPLAY,
  KIOSK,
  expectNoSidewaysScroll as screenExpectNoSidewaysScroll,
  expectTablesFit as tablesFit,
  countyHallId,
} from './support/screens.ts';
import { screenshotOnFailure, shot, signIn, signInRequest } from './support/session.ts';

const PHONE = { width: 390, height: 844 };

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let hallId: string;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  hallId = await countyHallId(baseUrl());
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'screens');

/** Opens the page at the screen's size and waits for `text`. */
async function open(path: string, size: { width: number; height: number }, text: string | RegExp) {
  await page.setViewportSize(size);
  await page.goto(`${baseUrl()}${path}`);
  await page.getByText(text).first().waitFor();
}

const expectNoSidewaysScroll = () => screenExpectNoSidewaysScroll(page);

const fontSize = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

describe('the hall floor at its screens', () => {
  it('the upright kiosk (1080×1920) offers every queue in large type, in 长者模式 too', async () => {
    await open(`/kiosk/${hallId}`, KIOSK, '请选择办理业务');
    await page.getByRole('button', { name: /D · 婚姻登记/ }).waitFor();
    await page.getByText('绿色通道及预约号请到导办台领取').waitFor();
    for (const label of ['普通', '老年人优先', '残疾人优先']) await page.getByRole('button', { name: label }).waitFor();
    expect(await fontSize('.ow-kiosk-card .name')).toBeGreaterThanOrEqual(36);
    // Touch targets a finger can hit.
    const priority = await page.getByRole('button', { name: '老年人优先' }).boundingBox();
    expect(priority!.height).toBeGreaterThanOrEqual(56);
    await expectNoSidewaysScroll();
    await shot(page, 'screens-kiosk');
    await page.getByRole('switch', { name: '长者模式' }).click();
    await page.locator('.ow-elder').waitFor();
    expect(await fontSize('.ow-kiosk-card .name')).toBeGreaterThanOrEqual(44);
    await expectNoSidewaysScroll();
  });

  it('the hall display (1920×1080) shows every window legibly and says when nothing has been called', async () => {
    await open(`/display/${hallId}`, DISPLAY, '叫号信息');
    await page.getByTestId('display-window-1').getByText('1 号窗口').waitFor();
    await page.getByText('等候人数').waitFor();
    await page.getByText('D 婚姻登记', { exact: false }).waitFor();
    // Read from across the hall: the window numbers and names are large.
    expect(await fontSize('.ow-display-window .wn')).toBeGreaterThanOrEqual(30);
    expect(await fontSize('.ow-display-window .nm')).toBeGreaterThanOrEqual(24);
    // The screen is filled, not a strip at the top.
    const windows = await page.locator('.ow-display-windows').boundingBox();
    expect(windows!.y + windows!.height).toBeGreaterThan(DISPLAY.height * 0.8);
    // Before the first call of the day the panel says so instead of standing empty.
    if ((await page.getByTestId('display-latest').count()) === 0)
      await page.getByText('暂无叫号，请留意屏幕和语音提示').waitFor();
    await expectNoSidewaysScroll();
    await shot(page, 'screens-display');
  });
});

describe('the public pages on a phone (390×844)', () => {
  /** The red header shows the hall and its links whole: nothing clipped by its height or the screen's edge. */
  async function expectHeaderWhole() {
    const header = page.locator('.ow-public-header');
    const clipped = await header.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped, 'header text clipped').toBe(false);
    for (const name of ['在线咨询', '工作人员登录']) {
      const box = await header.getByRole('link', { name }).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    }
  }

  it('办事指南: the list, an item’s guide and its materials fit the phone', async () => {
    await open('/guide', PHONE, '办事指南');
    await page.getByRole('columnheader', { name: '办理时限' }).waitFor();
    await page.getByRole('link', { name: '居住证申领' }).waitFor();
    await expectHeaderWhole();
    await expectNoSidewaysScroll();
    await shot(page, 'screens-guide');
    await page.getByRole('link', { name: '居住证申领' }).click();
    await page.getByRole('heading', { name: '申请材料' }).waitFor();
    await page.getByText('办理流程').waitFor();
    await page.getByRole('cell', { name: /居住地住址证明/ }).waitFor();
    await expectHeaderWhole();
    await expectNoSidewaysScroll();
    await shot(page, 'screens-guide-detail');
  });

  it('在线咨询 and the progress lookup fit the phone and answer in Chinese', async () => {
    await open('/guide/consult', PHONE, '提交咨询');
    await page.getByLabel('咨询内容').waitFor();
    await expectHeaderWhole();
    await expectNoSidewaysScroll();
    await shot(page, 'screens-consult');

    await open('/progress', PHONE, '办件进度查询');
    await page.getByLabel('办件编号').fill('QCX-ZWFW-2026-999999');
    await page.getByLabel('手机号码后四位').fill('1234');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('未查到该办件，请核对办件编号和手机号码后四位。').waitFor();
    await expectHeaderWhole();
    await expectNoSidewaysScroll();
    await shot(page, 'screens-progress');
  });

  it('the rating pad of a window greets the applicant without running off the screen', async () => {
    const request = browser.context.request;
    await signInRequest(request, 'supervisor');
    const windows = (await (await request.get(`${baseUrl()}/api/queue/windows?hallId=${hallId}`)).json()) as {
      items: { id: string; number: number }[];
    };
    const window5 = windows.items.find((w) => w.number === 5)!;
    const issued = await request.post(`${baseUrl()}/api/rating/pads/${window5.id}/token`);
    expect(issued.status()).toBe(201);
    const { padPath } = (await issued.json()) as { padPath: string };
    await browser.context.clearCookies();
    await open(padPath, PHONE, '欢迎您！服务结束后请为我们的服务评价');
    await page.getByText('5 号窗口', { exact: false }).first().waitFor();
    await expectNoSidewaysScroll();
    await shot(page, 'screens-pad');
  });
});

describe('the back office at a 1440 px desk', () => {
  /** Every table under `scope` shows all its columns: none scrolls sideways. */
  const expectTablesFit = (scope = page.locator('body')) => tablesFit(scope);

  it('账号管理 and 角色权限 show every column without sideways scrolling', async () => {
    await page.setViewportSize(DESK);
    await signIn(page, 'secadmin');
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByRole('cell', { name: 'auditor', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '最近登录' }).waitFor();
    await expectTablesFit();
    await shot(page, 'screens-users');
    await page.goto(`${baseUrl()}/admin/roles`);
    await page
      .getByRole('cell', { name: /审计管理员/ })
      .first()
      .waitFor();
    await expectTablesFit();
  });

  it('the item editor shows the steps’ 审批权限 column without sideways scrolling', async () => {
    await page.setViewportSize(DESK);
    await signIn(page, 'head');
    const items = (await (await page.request.get(`${baseUrl()}/api/catalog/items?hallId=${hallId}&q=ZR-002`)).json())
      .items as { id: string; code: string }[];
    await page.goto(`${baseUrl()}/catalog/${items.find((i) => i.code === 'ZR-002')!.id}`);
    const steps = page.getByTestId('steps-table');
    await steps.getByRole('columnheader', { name: '审批权限' }).waitFor();
    await expectTablesFit(steps);
    await shot(page, 'screens-item-steps');
  });
});
