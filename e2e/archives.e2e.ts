import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase, myHallId } from './support/cases.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

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
screenshotOnFailure(() => page, 'archives');

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-archive-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  if (process.env.SCREENSHOT_DIR) fs.copyFileSync(file, path.join(process.env.SCREENSHOT_DIR, 'archive-contents.pdf'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function openMenu(group: RegExp, item: string) {
  await page.getByRole('menuitem', { name: group }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** On 档案检索: searches by case number and opens the file. */
async function openFileByCaseNo(caseNo: string) {
  await openMenu(/档案管理/, '档案检索');
  await page.getByLabel('办件编号').fill(caseNo);
  await page.getByRole('button', { name: /检\s*索/ }).click();
  const row = page.getByRole('row').filter({ hasText: caseNo });
  await row.waitFor();
  expect(await page.getByRole('row').filter({ hasText: caseNo }).count()).toBe(1);
  await shot(page, 'archives-search');
  await row.getByRole('button', { name: /查\s*看/ }).click();
  await page.getByRole('dialog').getByText('卷内目录').first().waitFor();
}

describe('archives', () => {
  it('searches a file by case number, opens its contents, prints the 卷内目录, borrows it with approval', async () => {
    await signIn(page, 'clerk');
    const c = await acceptedCase(page, '档案测试人');
    await apiOf(page)('POST', `/api/cases/${c.id}/withdraw`, { reason: '申请人主动撤回' });

    // The supervisor files the withdrawn case from the list of cases waiting for their file.
    await signIn(page, 'supervisor');
    await openMenu(/档案管理/, '档案检索');
    await page.getByRole('tab', { name: '待归档' }).click();
    const waiting = page.getByRole('row').filter({ hasText: c.caseNo });
    await waiting.getByRole('button', { name: '立即归档' }).click();
    await page.getByText(/已归档，档号 /).waitFor();
    await shot(page, 'archives-pending');
    await page.getByRole('tab', { name: '分类方案' }).click();
    await page.getByRole('cell', { name: '撤回终止类' }).waitFor();
    await shot(page, 'archives-scheme');

    // The clerk finds it by case number, reads the contents list and prints it.
    await signIn(page, 'clerk');
    await openFileByCaseNo(c.caseNo);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('cell', { name: /^办件流转记录（共 \d+ 条）$/ }).waitFor();
    await shot(page, 'archives-file');
    const href = await drawer.getByRole('link', { name: /打印卷内目录/ }).getAttribute('href');
    expect(href).toMatch(/\/contents\.pdf$/);
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await pdf.body());
    expect(text).toContain('卷内目录');
    expect(text).toContain(c.caseNo);
    expect(text).toContain('办件流转记录');

    // A borrowing request, approved by the supervisor (an internal file), then lent.
    await drawer.getByRole('button', { name: '申请借阅' }).click();
    const modal = page.getByRole('dialog', { name: '借阅申请' });
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await modal.getByText('请填写借阅目的').waitFor();
    await modal.getByLabel('借阅目的').fill('复核撤回材料');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('借阅申请已提交，待窗口主管审批').waitFor();

    await signIn(page, 'supervisor');
    await openMenu(/档案管理/, '借阅');
    const loan = page.getByRole('row').filter({ hasText: '复核撤回材料' }).first();
    await loan.getByRole('button', { name: /批\s*准/ }).click();
    const decide = page.getByRole('dialog');
    await decide.getByPlaceholder('审批意见').fill('同意借阅');
    await decide.getByRole('button', { name: /^批\s*准$/ }).click();
    await page.getByText('已批准', { exact: true }).first().waitFor();
    await loan.getByRole('button', { name: /借\s*出/ }).click();
    await page.getByText(/已借出，应还日期 \d{4}-\d{2}-\d{2}/).waitFor();
    await expect.poll(async () => loan.getByText('借出中').count()).toBe(1);
    await shot(page, 'archives-loans');

    await page.getByRole('menuitem', { name: '鉴定销毁' }).click();
    await page.getByText('鉴定销毁登记簿').waitFor();
    await shot(page, 'archives-disposal');
  });

  it("reports a kiosk's fault and the supervisor sees it on the board", async () => {
    await signIn(page, 'supervisor');
    const api = apiOf(page);
    const hallId = await myHallId(api);
    const assetNo = `ZZ-${Date.now() % 100000}`;
    await api('POST', '/api/equipment', {
      hallId,
      kind: 'kiosk',
      name: '大厅自助终端',
      assetNo,
      location: '大厅入口',
      maintenanceEveryDays: 30,
      nextMaintenanceDay: '2026-01-01',
    });

    await signIn(page, 'clerk');
    await page.getByRole('menuitem', { name: '设备台账' }).click();
    const row = page.getByRole('row').filter({ hasText: assetNo });
    await row.getByRole('button', { name: '故障报修' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('故障现象').fill('触摸屏无响应，无法取号');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('故障已报修，已在电子监察中显示').waitFor();
    await expect.poll(async () => row.getByText('故障').count()).toBeGreaterThan(0);
    await shot(page, 'equipment');

    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /电子监察/ }).click();
    await page.getByRole('menuitem', { name: '监察看板' }).click();
    const fault = page.getByRole('row').filter({ hasText: assetNo });
    await fault.waitFor();
    expect(await fault.textContent()).toContain('触摸屏无响应');
    expect(await fault.getByText('面向群众').count()).toBe(1);
    await fault.scrollIntoViewIfNeeded();
    await shot(page, 'supervision-equipment');
  });
});
