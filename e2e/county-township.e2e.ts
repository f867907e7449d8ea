import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mod112CheckChar } from '../server/src/domain/identity/index.ts';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** Set SCREENSHOT_DIR to keep pictures of the screens this test passes through. */
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());
afterEach(async (c) => {
  if (c.task.result?.state === 'fail')
    await page.screenshot({ path: `/tmp/ow-township-fail-${c.task.name.slice(4, 12)}.png`, fullPage: true });
});

async function shot(p: Page, name: string) {
  if (shots) await p.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

async function api<T = any>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res =
    method === 'GET'
      ? await page.request.get(`${baseUrl()}${path}`)
      : await page.request.post(`${baseUrl()}${path}`, { data: data ?? {} });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(username: string) {
  await page.context().clearCookies();
  await logIn(page, username);
  await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
}

const idBody = '51082219560301442';
const idNumber = `${idBody}${mod112CheckChar(idBody)}`;
let caseId = '';
let caseNo = '';

describe('县乡联办: received at the township station, processed by the county, handed over at the station', () => {
  it('the station clerk accepts a county item with 取件地点 at 1440 px', { timeout: 120_000 }, async () => {
    await signIn('town_clerk');
    await page.getByRole('menuitem', { name: /县乡联办/ }).click();
    await page.getByText('本中心可代县政务服务中心收件的事项').waitFor();
    await page.getByLabel('县级事项').click();
    // Only the county items published as receivable at this station are offered.
    const offered = await page.locator('.ant-select-item-option').allInnerTexts();
    expect(offered).toEqual([
      'MZ-002 最低生活保障申请（青川县政务服务中心）',
      'MZ-004 困难残疾人生活补贴和重度残疾人护理补贴申请（青川县政务服务中心）',
    ]);
    await page.getByTitle(/MZ-004/).click();
    await page.getByText('办理单位：青川县政务服务中心').waitFor();
    await page.getByLabel('查找申请人').fill(idNumber);
    await page.getByLabel('查找申请人').press('Enter');
    await page.getByText('未找到，请在下方登记。').waitFor();
    await page.getByLabel('姓名').fill('周桂芳');
    await page.getByLabel('手机号码').fill('13912345566');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page
      .getByText(/5108.*442/)
      .first()
      .waitFor();
    // Post is offered for this item; the applicant collects at the station.
    await page.getByRole('radio', { name: '邮寄送达' }).waitFor();
    await page.getByRole('radio', { name: '本中心领取' }).check();
    await shot(page, 'township-1-reception');
    await page.getByRole('button', { name: '受理并转县级办理' }).click();
    const done = page.locator('.ant-alert-success').filter({ hasText: '已转 青川县政务服务中心 办理' });
    await done.waitFor();
    caseNo = /QCX-ZWFW-\d{4}-\d{6}/.exec(await done.innerText())![0];
    await done.getByRole('link', { name: /打印收件回执/ }).waitFor();
    const row = page.locator('.ant-table-row').filter({ hasText: caseNo });
    await row.getByText('审核中').waitFor();
    await row.getByText('乡镇便民服务中心领取').waitFor();
    await shot(page, 'township-2-accepted');
    caseId = (await api('GET', '/api/township/cases')).items.find((c: any) => c.caseNo === caseNo).caseId;
    // The station cannot open the county's case page itself.
    expect((await page.request.get(`${baseUrl()}/api/cases/${caseId}`)).status()).toBe(404);
  });

  it('the county back office sees 乡镇收件 and works the case by its process', { timeout: 120_000 }, async () => {
    await signIn('mz_reviewer');
    await page.getByRole('menuitem', { name: /待办事项/ }).click();
    const inboxRow = page.locator('.ant-table-row').filter({ hasText: caseNo });
    await inboxRow.getByText('乡镇收件：青川县桥头镇便民服务中心').waitFor();
    await shot(page, 'township-3a-inbox');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await page.getByText('乡镇收件：青川县桥头镇便民服务中心').waitFor();
    await page.getByText(/取件方式：乡镇便民服务中心领取/).waitFor();
    await shot(page, 'township-3-county-case');
    let c = await api('GET', `/api/cases/${caseId}`);
    const step = (name: string) => c.steps.find((s: any) => s.name.startsWith(name));
    await api('POST', `/api/cases/${caseId}/steps/${step('审核').id}/claim`);
    c = await api('POST', `/api/cases/${caseId}/review/pass`, { note: '残疾状况属实' });
    await signIn('mz_leader'); // the item is signed at 分管领导 level
    await api('POST', `/api/cases/${caseId}/steps/${step('审定').id}/claim`);
    await api('POST', `/api/cases/${caseId}/approval/approve`, { note: '同意' });
    await signIn('clerk');
    c = await api('POST', `/api/cases/${caseId}/complete`, { outcome: 'success', summary: '准予发放两项补贴' });
    expect(c.state).toBe('completed');
    // The county window does not hand over a result the applicant collects at the station.
    const refused = await page.request.post(`${baseUrl()}/api/cases/${caseId}/collect`, {
      data: { collectedBy: '周桂芳', docType: 'resident_id', docNumber: idNumber },
    });
    expect(refused.status()).toBe(409);
  });

  it('the station notifies and hands the result over, recorded as the station', { timeout: 120_000 }, async () => {
    await signIn('town_clerk');
    await page.getByRole('menuitem', { name: /县乡联办/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: caseNo });
    await row.getByText('办结', { exact: true }).waitFor();
    await row.getByRole('button', { name: '通知领取' }).click();
    await page.getByText('已通知申请人领取').waitFor();
    await row.getByText('待领取').waitFor();
    await row.getByRole('button', { name: '结果交付' }).click();
    const panel = page.locator('.ant-card-small').filter({ hasText: `结果交付登记（${caseNo}）` });
    await panel.getByLabel('证件号码').fill(idNumber);
    await shot(page, 'township-4-hand-over');
    await panel.getByRole('button', { name: '结果交付' }).click();
    await page.getByText('已登记交付').waitFor();
    await row.getByText('青川县桥头镇便民服务中心 何春燕 已交付').waitFor();
    await row.getByText('已送达').waitFor();
    await shot(page, 'township-5-handed-over');
  });

  it('the public progress page shows both places at 390 px', { timeout: 60_000 }, async () => {
    const p = await page.context().newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(`${baseUrl()}/progress`);
    await p.getByLabel('办件编号').fill(caseNo);
    await p.getByLabel('手机号码后四位').fill('5566');
    await p.getByRole('button', { name: /查\s*询/ }).click();
    const field = (label: string) =>
      p.locator('.ant-descriptions-item').filter({ hasText: label }).locator('.ant-descriptions-item-content');
    await field('收件地点').waitFor();
    expect(await field('收件地点').innerText()).toBe('青川县桥头镇便民服务中心');
    expect(await field('办理地点').innerText()).toBe('青川县政务服务中心');
    expect(await field('取件方式').innerText()).toBe('乡镇便民服务中心领取');
    // Nothing scrolls sideways on a phone.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(p, 'township-6-progress-390');
    await p.close();
  });
});
