/**
 * 工作报告 in Chromium at 1440 px: the station head (王志强) generates last month's report, downloads its PDF, records
 * it sent upward and hands a task down to the clerk (张伟); the clerk signs in, finds it among their own and completes
 * it. Shared state: the task is left completed (no open task remains for the clerk); reports and submissions are
 * records of their own kind that no other test reads.
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from './support/browser.ts';
import { screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let desk: Page;

beforeAll(async () => {
  browser = await openBrowser();
  desk = await browser.context.newPage();
  await desk.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => desk, 'reports');

const message = (text: string | RegExp) => desk.locator('.ant-message').getByText(text).first().waitFor();
const content = `报送本月“高效办成一件事”推进情况 ${Date.now()}`;

describe('工作报告, 上报记录 and 上级交办', () => {
  it('the station head generates, downloads and reports upward a monthly report, and hands a task down', async () => {
    await signIn(desk, 'head');
    await desk.getByRole('menuitem', { name: '工作报告' }).click();
    await desk.waitForURL(/\/reports$/);

    // 生成报告: the dialog suggests last month.
    await desk.getByRole('button', { name: '生成报告' }).click();
    const dialog = desk.getByRole('dialog', { name: '生成工作报告' });
    const period = await dialog.getByLabel('期间').inputValue();
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    await dialog.getByRole('button', { name: '生成报告' }).click();
    const done = desk.locator('.ant-message').getByText(/已生成 .*工作情况报告（第\d+版）/);
    await done.waitFor();
    const version = Number(/第(\d+)版/.exec((await done.textContent()) ?? '')![1]);
    const row = desk
      .getByRole('row')
      .filter({ hasText: `第${version}版` })
      .filter({ hasText: '王志强' })
      .first();
    await row.waitFor();
    await shot(desk, 'reports-list');

    // The PDF downloads and is a real PDF with the report's sections.
    const [pdf] = await Promise.all([desk.waitForEvent('download'), row.getByRole('link', { name: 'PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/工作情况报告（第\d+版）\.pdf$/);
    const text = execFileSync('pdftotext', [await pdf.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('七、存在的问题和风险');

    // 登记上报, then the record in 上报记录.
    await row.getByRole('button', { name: '登记上报' }).click();
    const submit = desk.getByRole('dialog');
    await submit.getByLabel('报送单位').fill('市政务服务管理局');
    await submit.getByLabel('文号').fill('政服〔2026〕E2E号');
    await submit.getByRole('button', { name: '登记上报' }).click();
    await message('已登记上报');
    await row.getByText('已上报 1 次').waitFor();
    await desk.getByRole('tab', { name: '上报记录' }).click();
    await desk.getByRole('row').filter({ hasText: '政服〔2026〕E2E号' }).getByText('市政务服务管理局').waitFor();

    // 上级交办: a task for the clerk, due in three working days.
    await desk.getByRole('tab', { name: '上级交办' }).click();
    await desk.getByRole('button', { name: '登记交办事项' }).click();
    const task = desk.getByRole('dialog', { name: '登记上级交办事项' });
    await task.getByLabel('交办单位').fill('市政务服务管理局');
    await task.getByLabel('文号').fill('政服办〔2026〕E2E号');
    await task.getByLabel('交办内容').fill(content);
    // The hall's staff is a long list (virtual scroll): type to narrow it first.
    await task.getByLabel('责任人').click();
    await task.getByLabel('责任人').fill('张伟');
    await desk.locator('.ant-select-item-option[title="张伟"]').click();
    await task.getByLabel('工作日数（按大厅日历，自收文日期起算）').fill('3');
    await task.getByRole('button', { name: '登记交办事项' }).click();
    await message('已登记交办事项，责任人：张伟');
    await desk.getByRole('row').filter({ hasText: content }).getByText('办理中').waitFor();
    await shot(desk, 'reports-tasks');
  });

  it('the clerk finds the task among their own and completes it', async () => {
    await signIn(desk, 'clerk');
    await desk.getByRole('menuitem', { name: '上级交办' }).click();
    await desk.waitForURL(/\/my-tasks$/);
    const row = desk.getByRole('row').filter({ hasText: content });
    await row.getByRole('button', { name: '报告进展' }).click();
    const progress = desk.getByRole('dialog');
    await progress.getByLabel('说明').fill('已收集各窗口数据');
    await progress.getByRole('button', { name: '报告进展' }).click();
    await message('已报告进展');
    await row.getByRole('button', { name: '办结' }).click();
    const complete = desk.getByRole('dialog');
    await complete.getByLabel('说明').fill('已按要求报送');
    await complete.getByRole('button', { name: '办结' }).click();
    await message('已办结');
    // Completed, it leaves the open list.
    await desk.getByRole('row').filter({ hasText: content }).waitFor({ state: 'detached' });
    await desk.getByText('已办结', { exact: true }).first().click();
    await desk
      .getByRole('row')
      .filter({ hasText: content })
      .getByText(/已办结 \d{4}-\d{2}-\d{2}/)
      .waitFor();
  });
});
