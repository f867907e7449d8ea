import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase, myHallId } from './support/cases.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

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
screenshotOnFailure(() => desk, 'inspections');

const message = (text: string) => desk.locator('.ant-message').getByText(text).waitFor();

describe('随机抽查 and 整改通知', () => {
  it('the inspector draws a sample, records a finding, and the rectification goes round to closed', async () => {
    // A case of the catalogue's last committed item, accepted by the clerk (张伟) today.
    await signIn(desk, 'clerk');
    const api = apiOf(desk);
    const hallId = await myHallId(api);
    const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&status=published&pageSize=100`))
      .items as any[];
    const item = items.filter((i) => i.kind === 'committed').at(-1);
    const accepted = await acceptedCase(desk, '抽查样本人', { item: (i) => i.id === item.id });
    expect(accepted.caseNo).toBeTruthy();

    // The inspector draws one case of that item this month and finds the routing record wanting.
    await signIn(desk, 'inspector');
    await desk.getByRole('menuitem', { name: '随机抽查' }).click();
    await desk.waitForURL(/\/inspections$/);
    await desk.getByText('按事项').click();
    const itemPicker = desk.getByRole('combobox', { name: '事项' });
    await itemPicker.click();
    await itemPicker.fill(item.name);
    await desk.locator('.ant-select-item-option').filter({ hasText: item.name }).first().click();
    await desk.getByLabel('抽取件数').fill('1');
    await desk.getByRole('button', { name: '抽取样本' }).click();
    await message('已抽取 1 件');
    const row = desk.getByRole('row').filter({ hasText: '待检查' }).first();
    await row.getByText('张伟').waitFor();
    const caseNo = ((await row.getByRole('link').textContent()) ?? '').trim();
    expect(caseNo).toMatch(/\d/);
    await shot(desk, 'inspections-sample');
    await row.getByRole('button', { name: '登记检查' }).click();
    const check = desk.getByRole('dialog');
    await check.locator('.ant-form-item').filter({ hasText: '流转记录' }).getByText('有问题').click();
    await check.getByLabel('问题说明').fill('流转单缺少后台交接时间');
    await check.getByLabel('整改期限（工作日）').fill('3');
    await check.getByRole('button', { name: '保存检查结果' }).click();
    await message('已登记问题，并向责任人发出整改通知');
    await desk.getByRole('row').filter({ hasText: caseNo }).getByText('发现问题').first().waitFor();

    // The clerk finds the notice in their own list and reports with evidence.
    await signIn(desk, 'clerk');
    await desk.getByRole('menuitem', { name: '整改通知' }).click();
    await desk.waitForURL(/\/rectifications$/);
    const mine = desk.getByRole('row').filter({ hasText: caseNo }).first();
    await mine.getByText('待整改').waitFor();
    await shot(desk, 'inspections-my-notices');
    await mine.getByRole('button', { name: '提交整改报告' }).click();
    const report = desk.getByRole('dialog', { name: '提交整改报告' });
    await report.getByLabel('整改情况').fill('已补登交接时间，并复核本周同类案卷');
    await report.locator('input[type=file]').setInputFiles({
      name: '流转单补正.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('补正后的流转单'),
    });
    await report.getByText('流转单补正.txt').waitFor();
    await report.getByRole('button', { name: '提交' }).click();
    await message('整改报告已提交，等待监督员核验');

    // The inspector verifies and closes it.
    await signIn(desk, 'inspector');
    await desk.getByRole('menuitem', { name: '整改通知' }).click();
    const notice = desk.getByRole('row').filter({ hasText: caseNo }).first();
    await notice.getByText('待核验').waitFor();
    await notice.getByRole('button', { name: '核验' }).click();
    const verify = desk.getByRole('dialog', { name: '核验整改' });
    await verify.getByText('流转单补正.txt').waitFor();
    await verify.getByRole('button', { name: '核验通过并办结' }).click();
    await message('核验通过，整改通知已办结');
    await desk.getByText('已办结', { exact: true }).click();
    await desk
      .getByRole('row')
      .filter({ hasText: caseNo })
      .getByText(/已办结 \d{4}-\d{2}-\d{2}/)
      .waitFor();
    await shot(desk, 'inspections-closed');

    // The month's quality report counts the finding and exports to Excel.
    await desk.getByRole('menuitem', { name: '质量评估报告' }).click();
    await desk.getByRole('cell', { name: '案卷记录完整率' }).waitFor();
    await desk.getByRole('cell', { name: '张伟' }).waitFor();
    const href = await desk.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    const xlsx = await desk.request.get(`${baseUrl()}${href}`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await shot(desk, 'inspections-report');
  });
});
