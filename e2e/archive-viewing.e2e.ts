import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase, myHallId } from './support/cases.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** The electronic loan this file opens; closed again afterwards so no later file sees it come due. */
let openLoanId: string | null = null;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  if (page && openLoanId) {
    await signIn(page, 'supervisor');
    // A loan never approved (the test stopped early) has nothing to return.
    await apiOf(page)('POST', `/api/archives/loans/${openLoanId}/return`, { complete: true, undamaged: true }).catch(
      () => undefined,
    );
  }
  await browser?.close();
});
screenshotOnFailure(() => page, 'archive-viewing');

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-archive-view-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function openMenu(item: string) {
  await page.getByRole('menuitem', { name: /档案管理/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

describe('electronic loan of a file: its documents, watermarked; the disposal register exported', () => {
  it('the borrower opens each document of the file from 借阅 → 查阅; the register downloads as Excel and PDF', async () => {
    // A case with a photographed material, withdrawn and filed, lent electronically to the clerk.
    await signIn(page, 'clerk');
    const api = apiOf(page);
    const purpose = `电子查阅核对-${Date.now() % 100000}`;
    const c = await acceptedCase(page, '电子查阅人');
    const materials = (await api('GET', `/api/cases/${c.id}/scans`)).materials as { key: string }[];
    const png = await QRCode.toBuffer('现场拍照的材料', { type: 'png', width: 240 });
    const up = await page.request.post(`${baseUrl()}/api/cases/${c.id}/materials/${materials[0]!.key}/scans`, {
      multipart: { file: { name: '现场拍照.png', mimeType: 'image/png', buffer: png } },
    });
    expect(up.status(), await up.text()).toBe(201);
    await api('POST', `/api/cases/${c.id}/withdraw`, { reason: '申请人主动撤回' });
    await signIn(page, 'supervisor');
    const filed = await apiOf(page)('POST', '/api/archives/pending/file', { caseId: c.id });
    await signIn(page, 'clerk');
    const loan = await apiOf(page)('POST', `/api/archives/${filed.file.id}/loans`, {
      purpose,
      medium: 'electronic',
      days: 2,
    });
    openLoanId = loan.id;
    await signIn(page, 'supervisor');
    await apiOf(page)('POST', `/api/archives/loans/${loan.id}/decide`, { approve: true, note: '同意' });

    // The borrower opens the loan on 借阅: the documents of the file, each with 查看.
    await signIn(page, 'clerk');
    await openMenu('借阅');
    const row = page.getByRole('row').filter({ hasText: purpose });
    await row.getByRole('button', { name: /查\s*阅/ }).click();
    await page.getByText('查阅链接 2 小时内有效，页面带查阅人姓名与时间水印').waitFor();
    const modal = page.getByRole('dialog', { name: /电子借阅查阅/ });
    await modal.getByText(filed.file.archiveNo).waitFor();
    const scanRow = modal.getByRole('row').filter({ hasText: '现场拍照.png' });
    await scanRow.getByText('图片加水印').waitFor();
    await shot(page, 'archive-loan-documents');
    const popup = page.context().waitForEvent('page');
    await scanRow.getByRole('button', { name: /查\s*看/ }).click();
    await page.getByText('已在新窗口打开（已记录查阅）').waitFor();
    const opened = await popup;
    const url = opened.url();
    expect(url).toMatch(/\/api\/archives\/view\/[A-Za-z0-9_-]+\/documents\/scan-/);
    await opened.close();
    const viewed = await page.request.get(url);
    expect(viewed.headers()['content-type']).toContain('application/pdf');
    const text = pdfText(await viewed.body());
    expect(text).toContain('材料扫描件');
    expect(text).toContain(filed.file.archiveNo);
    expect(text.split('阅').length).toBeGreaterThan(5);
    await modal
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
    await modal.waitFor({ state: 'hidden' });

    // The disposal register downloads from the disposal page.
    await signIn(page, 'supervisor');
    const hallId = await myHallId(apiOf(page));
    await openMenu('鉴定销毁');
    const excel = page.getByRole('link', { name: /导出登记簿（Excel）/ });
    await excel.waitFor();
    const href = await excel.getAttribute('href');
    expect(href).toBe(`/api/archives/disposals/register.xlsx?hallId=${encodeURIComponent(hallId)}`);
    const sheet = await page.request.get(`${baseUrl()}${href}`);
    expect(sheet.headers()['content-type']).toContain('spreadsheetml');
    const pdfHref = await page.getByRole('link', { name: /打印登记簿（PDF）/ }).getAttribute('href');
    const pdf = await page.request.get(`${baseUrl()}${pdfHref}`);
    expect(pdfText(await pdf.body())).toContain('鉴定销毁登记簿');
    const download = page.waitForEvent('download');
    await excel.click();
    expect((await download).suggestedFilename()).toMatch(/^鉴定销毁登记簿-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByText('登记簿已生成，正在下载').waitFor();
    await shot(page, 'archive-disposal-register');
  });
});
