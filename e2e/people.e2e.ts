import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { screenshotOnFailure, shot, signIn } from './support/session.ts';

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
screenshotOnFailure(() => page, 'people');

/** Picks an option of an antd select opened by clicking `select` (typing it first where the list is searchable). */
async function pick(select: Locator, option: string, search = true) {
  await select.click();
  if (search) await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).first().click();
}

async function openWindowSix() {
  await page.getByRole('menuitem', { name: /窗口叫号/ }).click();
  await pick(page.getByLabel('窗口', { exact: true }), '6 号 不动产登记专窗', false);
  await page.getByRole('button', { name: '开启窗口' }).click();
}

describe('培训、奖惩与例会 in the browser', () => {
  it('keeps the untrained clerk from the window until the supervisor records the pass; the clerk acknowledges a record', async () => {
    // 1. The new clerk is told on the home page and refused at the window, naming the training.
    await signIn(page, 'new_clerk');
    await page.getByText('尚未通过岗前培训：开启窗口、认领环节前').waitFor();
    await openWindowSix();
    await page.getByText(/尚未通过岗前培训，不能上岗办理业务/).waitFor();
    await shot(page, 'people-refused-at-window');

    // 2. The supervisor plans the pre-post training, adds a session and records attendance and scores.
    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: '培训' }).click();
    await page.getByRole('button', { name: '新建培训计划' }).click();
    const planDialog = page.getByRole('dialog', { name: '新建培训计划' });
    await planDialog.getByLabel('计划名称').fill('新进人员岗前培训（第一期）');
    await planDialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('培训计划已创建').waitFor();
    const planRow = page.getByRole('row').filter({ hasText: '新进人员岗前培训（第一期）' });
    await planRow.getByRole('button', { name: '添加场次' }).click();
    const sessionDialog = page.getByRole('dialog', { name: /添加场次/ });
    await sessionDialog.getByLabel('地点').fill('中心三楼培训室');
    await sessionDialog.getByLabel('授课人').fill('李秀英');
    await sessionDialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('场次已添加').waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '中心三楼培训室' })
      .filter({ hasText: '签到 0 人' })
      .getByRole('button', { name: '登记签到与成绩' })
      .click();
    const results = page.getByRole('dialog', { name: /登记签到与成绩/ });
    await results.getByLabel('孙悦 参加').check();
    await results.getByLabel('孙悦 成绩').fill('85');
    await results.getByLabel('孙悦 证书编号').fill('GQ-2026-018');
    await shot(page, 'people-training-results');
    await results.getByRole('button', { name: '保存' }).click();
    await page.getByText('签到与成绩已登记').waitFor();
    await page.getByText('孙悦：岗前培训已合格').waitFor();
    await page.getByRole('row').filter({ hasText: '签到 1 人，合格 1 人' }).getByText('孙悦 85').waitFor();
    await shot(page, 'people-training');

    // 3. A discipline record for the clerk, and a meeting whose follow-up the clerk owns.
    await page.getByRole('menuitem', { name: '奖惩' }).click();
    await page.getByRole('button', { name: '登记奖惩' }).click();
    const conduct = page.getByRole('dialog', { name: '登记奖惩' });
    await pick(conduct.getByLabel('人员'), '孙悦');
    await conduct.getByLabel('事实经过').fill('培训期间未经请假缺席半天');
    await conduct.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('奖惩记录已登记，待本人签收确认').waitFor();
    await page.getByRole('row').filter({ hasText: '培训期间未经请假缺席半天' }).getByText('待本人签收').waitFor();
    await shot(page, 'people-conduct');

    await page.getByRole('menuitem', { name: '例会' }).click();
    await page.getByRole('button', { name: '记录例会' }).click();
    const meeting = page.getByRole('dialog', { name: '记录例会' });
    await meeting.getByLabel('会议名称').fill('窗口工作例会');
    await pick(meeting.getByLabel('参会人员'), '孙悦');
    // A multiple select stays open: a click on the dialog's title closes its list.
    await meeting.locator('.ant-modal-title').click();
    await meeting.getByLabel('会议纪要').fill('一、通报新进人员培训情况；二、部署不动产登记窗口工作。');
    await meeting.getByRole('button', { name: '添加待办' }).click();
    await meeting.getByLabel('事项').fill('熟悉不动产登记一次性告知单');
    await pick(meeting.locator('.ant-select').filter({ hasText: '责任人' }), '孙悦');
    await meeting.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('例会纪要已保存，待办已派发给责任人').waitFor();
    await page.locator('tr.ant-table-row').filter({ hasText: '熟悉不动产登记一次性告知单' }).last().waitFor();
    await shot(page, 'people-meetings');

    // 4. The clerk acknowledges the record from the home page, sees the follow-up, and opens the window.
    await signIn(page, 'new_clerk');
    const work = page.getByTestId('my-work');
    await work.getByText('熟悉不动产登记一次性告知单').waitFor();
    expect(await page.getByText('尚未通过岗前培训：开启窗口、认领环节前').count()).toBe(0);
    await work
      .getByRole('row')
      .filter({ hasText: '培训期间未经请假缺席半天' })
      .getByRole('button', { name: '签收确认' })
      .click();
    const ack = page.getByRole('dialog', { name: '签收确认' });
    await ack.getByLabel('本人陈述').fill('已知悉，今后按规定请假');
    await shot(page, 'people-acknowledge');
    await ack.getByRole('button', { name: '签收确认' }).click();
    await page.getByText('已签收确认').waitFor();
    await expect.poll(() => work.getByText('培训期间未经请假缺席半天').count()).toBe(0);
    await shot(page, 'people-home');

    await openWindowSix();
    await page.getByTestId('window-state').getByText('开放').waitFor();
    await shot(page, 'people-window-open');
    await page.getByRole('button', { name: '关闭窗口' }).click();
    const confirm = page.getByRole('dialog');
    if (await confirm.count()) await confirm.getByRole('button', { name: /确\s*定/ }).click();

    // The supervisor sees the acknowledgement with the statement.
    await signIn(page, 'supervisor');
    await page.goto(`${baseUrl()}/conduct`);
    await page
      .getByRole('row')
      .filter({ hasText: '培训期间未经请假缺席半天' })
      .getByText('已知悉，今后按规定请假')
      .waitFor();
  });
});
