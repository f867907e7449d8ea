import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let phone: Page;
let desk: Page;

beforeAll(async () => {
  browser = await openBrowser();
  phone = await browser.context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  desk = await browser.context.newPage();
  await desk.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});
screenshotOnFailure(() => desk, 'complaints-desk');

describe('投诉举报 from the public form to the written reply and the rating', () => {
  it('a complaint sent from a phone is handled at the desk, answered in writing and rated by the complainant', async () => {
    // The complainant, on a phone, without an account.
    await phone.goto(`${baseUrl()}/complaint`);
    await phone.getByLabel('投诉', { exact: true }).waitFor();
    await phone.getByLabel('服务大厅').click();
    await phone
      .locator('.ant-select-item-option')
      .filter({ hasText: /^青川县政务服务中心$/ })
      .click();
    await phone.getByRole('button', { name: '提交' }).click();
    await phone.getByText('请输入反映事项').waitFor();
    await phone.getByLabel('投诉举报人').fill('周晓燕');
    await phone.getByLabel('联系电话').fill('13900007777');
    await phone.getByLabel('反映事项').fill('上午在5号窗口办理社保业务，工作人员中途离岗二十分钟，无人告知');
    await shot(phone, 'complaint-public-form');
    await phone.getByRole('button', { name: '提交' }).click();
    const receipt = phone.getByTestId('complaint-receipt');
    await receipt.waitFor();
    const text = (await receipt.textContent()) ?? '';
    const m = text.match(/编号 (TS\d+) 和查询码 ([0-9A-F]+)/);
    expect(m, text).not.toBeNull();
    const [, number, code] = m!;
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(phone, 'complaint-public-receipt');

    // The desk: the complaint is on the list with its clock; assign, investigate, reply in writing.
    await signIn(desk, 'supervisor');
    await desk.getByRole('menuitem', { name: '投诉举报' }).click();
    await desk.waitForURL(/\/complaints$/);
    const row = desk.getByRole('row').filter({ hasText: number! });
    await row.getByText('已受理').waitFor();
    await row.getByText('周晓燕').waitFor();
    await shot(desk, 'complaint-desk-list');
    // The per-type reply limits: the supervisor sees and saves them (5 working days is the default kept here).
    await desk.getByRole('button', { name: '答复时限设置' }).click();
    const limits = desk.getByRole('dialog', { name: '答复时限设置' });
    await limits.getByLabel('attitude').fill('5');
    await limits.getByRole('button', { name: '保存' }).click();
    await desk.getByText('答复时限已保存').waitFor();
    await row.getByRole('link', { name: number! }).click();
    await desk.waitForURL(/\/complaints\/.+/);
    await desk.getByText('139****7777').waitFor();

    await desk.getByRole('button', { name: '定性并指派' }).click();
    const assign = desk.getByRole('dialog', { name: '定性并指派' });
    await assign.getByLabel('问题定性').fill('擅自离岗');
    await assign.getByLabel('负责人').click();
    await desk.locator('.ant-select-item-option').first().click();
    await assign.getByRole('button', { name: '定性并指派' }).click();
    await desk.getByText('已指派负责人').waitFor();
    await desk.getByText('调查处理中').first().waitFor();

    await desk.getByRole('button', { name: '记录调查' }).click();
    const note = desk.getByRole('dialog', { name: '记录调查' });
    await note.getByLabel('内容').fill('调取监控，确认该窗口人员 10:05–10:25 离岗');
    await note.getByRole('button', { name: '记录调查' }).click();
    await desk.getByText('已记录').waitFor();
    await desk.getByText('调取监控，确认该窗口人员 10:05–10:25 离岗').waitFor();

    await desk.getByRole('button', { name: '书面答复' }).click();
    const reply = desk.getByRole('dialog', { name: '书面答复' });
    await reply.getByLabel('处理意见').fill('经核实，该工作人员离岗未按规定放置暂停服务牌，已作批评教育。');
    await reply.getByLabel('整改措施').fill('窗口离岗一律放置暂停牌并由AB岗顶岗');
    await reply.getByRole('button', { name: '书面答复' }).click();
    await desk.getByText('已书面答复并通知投诉举报人').waitFor();
    await desk
      .getByRole('link', { name: '打印答复书' })
      .or(desk.getByRole('button', { name: '打印答复书' }))
      .first()
      .waitFor();
    await shot(desk, 'complaint-desk-replied');
    const pdf = await desk.request.get(
      `${baseUrl()}${await desk.getByText('打印答复书').locator('xpath=ancestor::a').getAttribute('href')}`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // The complainant looks it up by number and code, reads the reply and rates the handling.
    await phone.goto(`${baseUrl()}/complaint?number=${number}&code=${code}`);
    await phone.getByText('经核实，该工作人员离岗未按规定放置暂停服务牌，已作批评教育。').waitFor();
    await phone.getByText('已书面答复').first().waitFor();
    const publicPdf = await phone.request.get(
      `${baseUrl()}/api/public/complaints/reply.pdf?number=${number}&code=${code}`,
    );
    expect(publicPdf.status()).toBe(200);
    await phone.getByLabel('满意', { exact: true }).check();
    await shot(phone, 'complaint-public-rating');
    await phone.getByRole('button', { name: '登记满意度' }).click();
    await phone.getByText('感谢您的评价').waitFor();
    await phone.getByText('已办结').waitFor();
    expect(await phone.getByRole('button', { name: '登记满意度' }).count()).toBe(0);

    // A wrong code answers like an unknown number.
    await phone.goto(`${baseUrl()}/complaint?number=${number}&code=00000000`);
    await phone.getByText('编号或查询码不正确').waitFor();

    // The desk sees the rating and the closed state.
    await desk.reload();
    await desk.getByText('已办结').first().waitFor();
    await desk.getByText('满意评价').or(desk.getByText('满意度评价')).first().waitFor();
  });

  it('an objection recorded on the case page is answered in writing by the supervisor and shows on the case', async () => {
    await signIn(desk, 'clerk');
    const c = await acceptedCase(desk, '异议测试');
    await desk.goto(`${baseUrl()}/cases/${c.id}`);
    await desk.getByText('暂无异议').waitFor();
    await desk.getByRole('button', { name: '登记异议' }).click();
    const record = desk.getByRole('dialog', { name: '登记异议' });
    await record.getByRole('button', { name: '登记异议' }).click();
    await record.getByText('请输入异议理由').waitFor();
    await record.getByLabel('异议理由').fill('审核认定营业执照过期，但已提交新证');
    await record.getByRole('button', { name: '登记异议' }).click();
    await desk.getByText(/异议已登记，复核期限/).waitFor();
    await desk.getByText('审核认定营业执照过期，但已提交新证', { exact: false }).first().waitFor();
    await desk.getByText('待复核').first().waitFor();

    await signIn(desk, 'supervisor');
    await desk.getByRole('menuitem', { name: '异议复核' }).click();
    await desk.waitForURL(/\/objections$/);
    const row = desk.getByRole('row').filter({ hasText: c.caseNo });
    await row.getByRole('button', { name: '复核答复' }).click();
    const answer = desk.getByRole('dialog', { name: '复核答复' });
    await answer.getByLabel('复核结论').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: '异议成立，予以纠正' }).click();
    await answer.getByLabel('复核意见').fill('经复核，新营业执照有效，撤销原审核意见');
    await shot(desk, 'objection-answer');
    await answer.getByRole('button', { name: '复核答复' }).click();
    await desk.getByText('已书面答复申请人').waitFor();

    await desk.goto(`${baseUrl()}/cases/${c.id}`);
    await desk
      .getByText(/经复核，新营业执照有效，撤销原审核意见/)
      .first()
      .waitFor();
    await desk.getByText('已答复').first().waitFor();
    await desk.getByText('异议复核答复').first().waitFor();
  });
});
