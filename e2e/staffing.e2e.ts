/**
 * 人员配置预测 in the browser: tickets issued at 14:00 on a day two weeks back make next week's same weekday-hour need
 * windows; nobody is rostered for that afternoon next week, so the supervisor opening 排班 sees the heat map with the
 * hour flagged short, and saving the hall's target answers with a message. The target is put back afterwards.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';
import { apiOf, screenshotOnFailure, shot, signIn, signInRequest } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let hallId: string;
let targetBefore: unknown;
/** A working day of next week with an afternoon session, and the same weekday two weeks earlier. */
let day: string;

const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => chinaDay(Date.parse(`${d}T00:00:00+08:00`) + n * DAY);
const mondayOf = (d: string) => addDays(d, 1 - (new Date(`${d}T00:00:00Z`).getUTCDay() || 7));

beforeAll(async () => {
  resetServerTime();
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const api = apiOf(page);
  const halls = (await api('GET', '/api/public/halls')).items as { id: string; name: string }[];
  hallId = halls.find((h) => h.name === '青川县政务服务中心')!.id;
  await signInRequest(page.request, 'supervisor');
  targetBefore = await api('GET', `/api/stats/staffing/target?hallId=${hallId}`);
  const nextWeek = addDays(mondayOf(chinaDay(Date.now())), 7);
  const plan = await api('GET', `/api/staff/roster?hallId=${hallId}&week=${nextWeek}`);
  const open = plan.days.filter((d: any) => d.working && d.sessions.some((s: any) => s.session === 'pm'));
  day = open.at(-1).day;
  const categoryId = (await api('GET', `/api/queue/categories?hallId=${hallId}`)).items[0].id;
  // Two weeks back, 14:00–14:55: twelve arrivals (three an hour over the four weeks averaged).
  const past = addDays(day, -14);
  setServerTime(`${past}T14:00:00+08:00`);
  await page.context().clearCookies();
  await signInRequest(page.request, 'clerk');
  for (let i = 0; i < 12; i++) {
    setServerTime(`${past}T14:${String(i * 5).padStart(2, '0')}:00+08:00`);
    await api('POST', '/api/queue/tickets', { hallId, categoryId });
  }
  resetServerTime();
  await page.context().clearCookies();
});
// The files that follow share this server: the hall's target goes back to what it was.
afterAll(async () => {
  resetServerTime();
  if (browser && targetBefore) {
    await page.context().clearCookies();
    await signInRequest(page.request, 'supervisor');
    const res = await page.request.put(`${baseUrl()}/api/stats/staffing/target`, {
      data: { hallId, ...(targetBefore as object) },
    });
    expect(res.ok()).toBe(true);
  }
  await browser?.close();
});
screenshotOnFailure(() => page, 'staffing');

describe('staffing forecast beside the roster', () => {
  it('the supervisor opens next week’s roster and sees the short afternoon flagged on the heat map', {
    timeout: 120_000,
  }, async () => {
    await signIn(page, 'supervisor');
    await page.goto(`${baseUrl()}/staff`);
    await page.getByRole('tab', { name: '排班' }).click();
    await page.getByRole('button', { name: '下一周' }).click();
    await page.getByText('窗口需求预测（按小时）').waitFor();
    const cell = page.getByTestId(`staffing-${day}-14`);
    await cell.waitFor();
    expect(await cell.getAttribute('data-short')).toBe('yes');
    expect(await cell.innerText()).toMatch(/^需 [1-9]\d* \/ 排 0$/);
    await page.getByText(/本周有 \d+ 个时段在岗窗口少于所需/).waitFor();
    await cell.hover();
    await page.getByText(/预计到达 \d+(\.\d+)? 人\/小时/).waitFor();
    await shot(page, 'staffing-heatmap');

    // A stricter target is saved with a visible answer, and the map follows it.
    await page.getByLabel('targetServiceLevel').fill('95');
    await page.getByRole('button', { name: '保存目标' }).click();
    await page.getByText('服务目标已保存，预测已按新目标重算').waitFor();
    await page.getByText('依据').first().waitFor();
    expect(await page.getByTestId(`staffing-${day}-14`).getAttribute('data-short')).toBe('yes');
  });
});
