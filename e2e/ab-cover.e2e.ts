/**
 * AB岗 in the browser with the demo accounts as the real roles: 杨帆 (handler) goes on approved leave; 邹敏, signed in
 * as herself, sees 杨帆's on-site check on the case page and finishes it, the trail saying 邹敏（代杨帆）; a step given to
 * 杨帆 meanwhile goes to 邹敏, and once 杨帆 is back she hands it back (交还杨帆).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** The leave this file approves; withdrawn in afterAll if the test stopped half-way, so 杨帆 is at work for later files. */
let leaveId: string | null = null;
/** The leaves of the second test, by whose they are; withdrawn in afterAll whatever happened. */
const openLeaves: { username: string; id: string }[] = [];

/** A Wednesday morning: the leaves below are for "today", and a leave on a day off is refused (无需请假). */
const TODAY = '2026-03-04';

beforeAll(async () => {
  setServerTime(`${TODAY}T10:00:00+08:00`);
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  if (leaveId && page) {
    await signIn(page, 'handler');
    await page.request.post(`${baseUrl()}/api/staff/leaves/${leaveId}/cancel`, { data: {} });
  }
  for (const l of openLeaves.splice(0)) {
    await signIn(page, l.username);
    await page.request.post(`${baseUrl()}/api/staff/leaves/${l.id}/cancel`, { data: {} });
  }
  await browser?.close();
  resetServerTime();
});
screenshotOnFailure(() => page, 'ab-cover');

const onSiteCheck = { content: (c: any) => c.steps.some((s: any) => s.role === 'handler' && s.name === '现场核查') };

/** A case of 市场监管 past its review, its on-site check (现场核查) open for the handlers. */
async function atOnSiteCheck(name: string) {
  await signIn(page, 'clerk');
  const c = await acceptedCase(page, name, onSiteCheck);
  await signIn(page, 'reviewer');
  const api = apiOf(page);
  const review = c.steps.find((s: any) => s.status === 'active' && s.role === 'reviewer');
  await api('POST', `/api/cases/${c.id}/steps/${review.id}/claim`);
  const passed = await api('POST', `/api/cases/${c.id}/review/pass`, { note: '材料齐全' });
  return { ...c, check: passed.steps.find((s: any) => s.status === 'active' && s.role === 'handler') };
}

describe('AB岗: B takes over A’s work while A is on leave', () => {
  it('B sees and does A’s step as B for A, and hands back what she took once A is back', {
    timeout: 180_000,
  }, async () => {
    const held = await atOnSiteCheck('AB岗代办甲');
    const given = await atOnSiteCheck('AB岗代办乙');

    // 杨帆 claims the first check, then asks for leave naming 邹敏; 邹敏 confirms; the station head approves.
    await signIn(page, 'handler');
    let api = apiOf(page);
    await api('POST', `/api/cases/${held.id}/steps/${held.check.id}/claim`);
    const me = await api('GET', '/api/auth/me');
    const hallId = me.halls[0].id;
    const colleagues = (await api('GET', `/api/staff/colleagues?hallId=${hallId}`)).items;
    const zou = colleagues.find((p: any) => p.name === '邹敏');
    const today = TODAY;
    const leave = await api('POST', '/api/staff/leaves', {
      hallId,
      kind: 'trip',
      fromDay: today,
      toDay: today,
      reason: '外出参加业务培训',
      contact: '单位座机',
      bUserId: zou.userId,
    });
    leaveId = leave.id;
    await signIn(page, 'sc_handler');
    await apiOf(page)('POST', `/api/staff/leaves/${leave.id}/confirm`);
    await signIn(page, 'head');
    await apiOf(page)('POST', `/api/staff/leaves/${leave.id}/decide`, { approve: true, note: '同意' });

    // Meanwhile the supervisor gives 杨帆 the second check: it goes to 邹敏, for 杨帆.
    await signIn(page, 'supervisor');
    const assigned = await apiOf(page)('POST', `/api/cases/${given.id}/steps/${given.check.id}/assign`, {
      userId: me.id,
      note: '请杨帆办理',
    });
    expect(assigned.steps.find((s: any) => s.id === given.check.id).assignee.name).toBe('邹敏（代杨帆）');

    // 邹敏, signed in as herself, opens 杨帆's case: the banner, the step's button, and the trail says B for A.
    await signIn(page, 'sc_handler');
    await page.goto(`${baseUrl()}/inbox`);
    await page.getByText('您正在代 杨帆 处理工作').waitFor();
    await page.getByRole('row').filter({ hasText: held.caseNo }).getByText('代杨帆').waitFor();
    await page.goto(`${baseUrl()}/cases/${held.id}`);
    const step = page.getByRole('row').filter({ hasText: '现场核查' }).first();
    await step.getByText('杨帆').waitFor();
    await shot(page, 'ab-cover-b-sees-a-step');
    await step.getByRole('button', { name: '办结“现场核查”' }).click();
    await page.getByTestId(`step-status-${held.check.key}`).filter({ hasText: '已完成' }).waitFor();
    await page
      .locator('.ant-timeline')
      .getByText(/邹敏（代杨帆）/)
      .first()
      .waitFor();
    await shot(page, 'ab-cover-trail-b-for-a');
    // She cannot hand the second one back while 杨帆 is away.
    await page.goto(`${baseUrl()}/cases/${given.id}`);
    await page.getByRole('row').filter({ hasText: '现场核查' }).getByText('邹敏（代杨帆）').first().waitFor();
    expect(await page.getByRole('button', { name: '交还杨帆' }).count()).toBe(0);
    await page.locator('.ant-timeline').getByText('由邹敏（代杨帆）承办').first().waitFor();

    // 杨帆 is back (the leave withdrawn): new work is his again, and 邹敏 hands back what she took.
    await signIn(page, 'handler');
    api = apiOf(page);
    await api('POST', `/api/staff/leaves/${leave.id}/cancel`);
    leaveId = null;
    await signIn(page, 'sc_handler');
    expect((await apiOf(page)('GET', '/api/staff/me/cover')).actingFor).toEqual([]);
    await page.goto(`${baseUrl()}/cases/${given.id}`);
    await page.getByRole('button', { name: '交还杨帆' }).click();
    await page.getByText('已交还杨帆').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '现场核查' })
      .getByRole('cell', { name: '杨帆', exact: true })
      .waitFor();
    await shot(page, 'ab-cover-handed-back');
    await signIn(page, 'handler');
    await page.goto(`${baseUrl()}/inbox`);
    await page.getByRole('row').filter({ hasText: given.caseNo }).first().waitFor();
  });

  it('tells the supervisor at once when B is away too: a red alert in 站内提醒 naming both', {
    timeout: 120_000,
  }, async () => {
    await signIn(page, 'handler');
    const me = await apiOf(page)('GET', '/api/auth/me');
    const hallId = me.halls[0].id;
    const colleagues = (await apiOf(page)('GET', `/api/staff/colleagues?hallId=${hallId}`)).items;
    // The colleague list leaves out the one asking: 杨帆 is himself.
    const idOf = (name: string) => (name === '杨帆' ? me.id : colleagues.find((p: any) => p.name === name).userId);
    const today = TODAY;
    /** `who` asks for today off naming `b`, who confirms; the station head approves. */
    const leave = async (who: string, b: string, bName: string) => {
      await signIn(page, who);
      const l = await apiOf(page)('POST', '/api/staff/leaves', {
        hallId,
        kind: 'personal',
        fromDay: today,
        toDay: today,
        reason: '家中有事',
        contact: '本人手机',
        bUserId: idOf(bName),
      });
      openLeaves.push({ username: who, id: l.id });
      await signIn(page, b);
      await apiOf(page)('POST', `/api/staff/leaves/${l.id}/confirm`);
      await signIn(page, 'head');
      await apiOf(page)('POST', `/api/staff/leaves/${l.id}/decide`, { approve: true, note: '同意' });
    };
    await leave('sc_handler', 'handler', '杨帆');
    await leave('handler', 'sc_handler', '邹敏');

    // The supervisor's alerts, right after the approval (no sweep in between): red, naming A and B.
    await signIn(page, 'supervisor');
    await page.goto(`${baseUrl()}/alerts`);
    await page.getByText('AB岗缺位：杨帆不在岗（请假），B岗邹敏也不在岗，请安排临时顶岗').waitFor();
    await shot(page, 'ab-cover-uncovered-alert');
    await page.getByRole('link', { name: /AB岗缺位：杨帆/ }).click();
    await page.waitForURL(/\/staff/);

    // Both back: the leaves withdrawn, so later files see them at work.
    for (const l of openLeaves.splice(0)) {
      await signIn(page, l.username);
      await apiOf(page)('POST', `/api/staff/leaves/${l.id}/cancel`);
    }
  });
});
