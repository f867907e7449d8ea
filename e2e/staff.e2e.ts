import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { resetServerTime } from './support/clock.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  resetServerTime();
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'staff');

const tab = async (name: string) => {
  await page.goto(`${baseUrl()}/staff`);
  await page.getByRole('tab', { name }).click();
};

describe('window staff: roster, leave and AB cover', () => {
  it('the supervisor builds next week’s roster; a leave approved by the station head puts A’s case in B’s inbox', {
    timeout: 180_000,
  }, async () => {
    // The supervisor: staff files, then next week's roster with one more window session staffed.
    await signIn(page, 'supervisor');
    await tab('人员档案');
    await page.getByRole('cell', { name: '杨帆' }).first().waitFor();
    await shot(page, 'staff-files');
    await page.getByRole('tab', { name: '排班' }).click();
    await page.getByRole('button', { name: '下一周' }).click();
    const gapsBefore = Number((await page.getByText(/空岗 \d+ 个/).innerText()).match(/\d+/)![0]);
    await page.locator('.ant-table-cell .ant-select').first().click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '张伟' })
      .first()
      .click();
    await page.getByText(`空岗 ${gapsBefore - 1} 个`).waitFor();
    await page.getByRole('button', { name: '保存排班' }).click();
    await page.getByText('排班已保存').waitFor();
    await shot(page, 'staff-roster');

    // A case of 市场监管 reaches the on-site check (现场核查), which the handler 杨帆 claims.
    await signIn(page, 'clerk');
    const c = await acceptedCase(page, 'AB岗测试', {
      content: (content) => content.steps.some((s: any) => s.role === 'handler' && s.name === '现场核查'),
    });
    await signIn(page, 'reviewer');
    let api = apiOf(page);
    const review = c.steps.find((s: any) => s.status === 'active' && s.role === 'reviewer');
    await api('POST', `/api/cases/${c.id}/steps/${review.id}/claim`);
    const passed = await api('POST', `/api/cases/${c.id}/review/pass`, { note: '材料齐全' });
    const check = passed.steps.find((s: any) => s.status === 'active' && s.role === 'handler');
    await signIn(page, 'handler');
    api = apiOf(page);
    await api('POST', `/api/cases/${c.id}/steps/${check.id}/claim`);

    // 杨帆 asks for leave naming 邹敏 as B.
    await tab('请假');
    await page.getByLabel('假别').waitFor();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 8 * 3_600_000 + 6 * 86_400_000).toISOString().slice(0, 10);
    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill(today);
    await page.getByPlaceholder('结束日期').fill(later);
    await page.getByPlaceholder('结束日期').press('Enter');
    await page.getByLabel('B 岗').fill('邹敏');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '邹敏' }).click();
    await page.getByLabel('原因').fill('探亲');
    await page.getByLabel('请假期间联系方式').fill('13800010009');
    await page.getByRole('button', { name: '提交请假申请' }).click();
    await page.getByText('已提交，等待 B 岗人员确认').waitFor();
    const row = () => page.getByRole('row').filter({ hasText: '探亲' }).first();
    await row().getByText('待 B 岗确认').waitFor();
    expect(await row().innerText()).toContain('138****0009');

    // 邹敏 confirms; the station head approves.
    await signIn(page, 'sc_handler');
    await tab('请假');
    await row().getByRole('button', { name: '确认顶岗' }).click();
    await page.getByText('已确认顶岗').waitFor();
    await signIn(page, 'head');
    await tab('请假');
    await row()
      .getByRole('button', { name: '批 准', exact: true })
      .or(row().getByRole('button', { name: '批准', exact: true }))
      .click();
    await page.getByRole('dialog').getByRole('textbox').fill('同意，工作由邹敏代理');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已审批').waitFor();
    await row().getByText('已批准').waitFor();
    await shot(page, 'staff-leave');

    // 邹敏's inbox: the banner and 杨帆's case marked 代杨帆.
    await signIn(page, 'sc_handler');
    await page.goto(`${baseUrl()}/inbox`);
    await page.getByText('您正在代 杨帆 处理工作').waitFor();
    const mine = page.getByRole('row').filter({ hasText: c.caseNo });
    await mine.getByText('代杨帆').waitFor();
    await shot(page, 'staff-inbox-cover');

    // The supervisor's attendance sheet and its Excel export.
    await signIn(page, 'supervisor');
    await tab('考勤');
    await page.getByText(/本月工作日 \d+ 天/).waitFor();
    const href = await page.getByRole('link', { name: /导出考勤表/ }).getAttribute('href');
    const sheet = await page.request.get(`${baseUrl()}${href}`);
    expect(sheet.status()).toBe(200);
    expect(decodeURIComponent(sheet.headers()['content-disposition'] ?? '')).toMatch(/考勤表-\d{4}-\d{2}\.xlsx/);
    await shot(page, 'staff-attendance');
    await page.getByRole('tab', { name: 'AB岗' }).click();
    await page.getByRole('cell', { name: '邹敏' }).first().waitFor();
    await shot(page, 'staff-pairs');
    // Cancel the leave so later files see the handler at work.
    await signIn(page, 'handler');
    await tab('请假');
    await row().getByRole('button', { name: '撤回' }).click();
  });
});
