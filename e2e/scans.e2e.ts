import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { acceptAtWindow, chooseItem, registerAtWindow } from './support/cases.ts';
import { screenshotOnFailure, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** The case the first test receives and the second continues. */
let caseHref = '';

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'scans');

/** A real PNG (a 32×24 picture, blue above red), so the browser can draw the thumbnail. */
function pngPicture(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_v, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const [w, h] = [32, 24];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: h }, (_v, y) =>
    Buffer.concat([
      Buffer.from([0]),
      ...Array.from({ length: w }, () => Buffer.from(y < h / 2 ? [30, 90, 200] : [200, 40, 40])),
    ]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('材料扫描件: scanned at reception, read in the back office', () => {
  it('a clerk photographs a material at 受理; the handler sees it on the case page', { timeout: 120_000 }, async () => {
    await logIn(page, 'clerk');
    await registerAtWindow(page, { idNumber: '510822198806123033', name: '赵文斌', phone: '13912340011' });
    await chooseItem(page, '食品经营', /食品经营许可（新办）/);
    await acceptAtWindow(page);

    // The reception screen offers a camera-ready file input on each received material.
    await page.getByRole('heading', { name: '材料扫描件' }).waitFor();
    const inputs = page.locator('input[type=file][aria-label^="上传扫描件/拍照："]');
    expect(await inputs.count()).toBeGreaterThan(0);
    const input = inputs.first();
    expect(await input.getAttribute('accept')).toBe('application/pdf,image/jpeg,image/png');
    expect(await input.getAttribute('capture')).toBe('environment');
    expect(await input.getAttribute('multiple')).not.toBeNull();
    const material = (await input.getAttribute('aria-label'))?.replace('上传扫描件/拍照：', '') ?? '';
    await input.setInputFiles({ name: '现场拍照.png', mimeType: 'image/png', buffer: pngPicture() });
    await page.getByText('已上传 1 个扫描件').waitFor();
    await page.getByRole('img', { name: '现场拍照.png' }).waitFor();
    // A file whose content is not a scan is refused with the server's reason, and nothing is listed for it.
    await input.setInputFiles({
      name: '伪装.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not really a pdf'),
    });
    await page.getByText(/“伪装\.pdf”未上传：文件内容不是 PDF、JPEG 或 PNG/).waitFor();
    await page.screenshot({ path: '/tmp/ow-scans-reception.png', fullPage: true });
    caseHref = (await page.getByRole('link', { name: /查看办件/ }).getAttribute('href')) ?? '';
    expect(caseHref).toMatch(/^\/cases\//);

    await signIn(page, 'handler');
    await page.goto(`${baseUrl()}${caseHref}`);
    const panel = page.getByRole('region', { name: '材料扫描件' });
    await panel.waitFor();
    const row = panel.getByRole('row').filter({ hasText: material });
    const img = row.getByRole('img', { name: '现场拍照.png' });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(32);
    expect(await panel.getByRole('img', { name: '伪装.pdf' }).count()).toBe(0);
    // The handler cannot attach scans, only read them; the download link serves the same bytes.
    expect(await panel.getByRole('button', { name: /上传扫描件/ }).count()).toBe(0);
    const download = await row.getByRole('link', { name: /下载 现场拍照\.png/ }).getAttribute('href');
    const res = await page.request.get(`${baseUrl()}${download}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; /);
    expect((await res.body()).equals(pngPicture())).toBe(true);
    // The trail says who attached what.
    await page.getByText(`${material}：现场拍照.png`).waitFor();
    await page.screenshot({ path: '/tmp/ow-scans-case.png', fullPage: true });
  });

  it('the clerk adds several pages from the open case page', { timeout: 120_000 }, async () => {
    expect(caseHref).toMatch(/^\/cases\//);
    await signIn(page, 'clerk');
    await page.goto(`${baseUrl()}${caseHref}`);
    const second = page.locator('input[type=file][aria-label^="上传扫描件/拍照："]').nth(1);
    const secondMaterial = (await second.getAttribute('aria-label'))?.replace('上传扫描件/拍照：', '') ?? '';
    await second.setInputFiles([
      {
        name: '营业执照.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
      },
      { name: '营业执照背面.png', mimeType: 'image/png', buffer: pngPicture() },
    ]);
    await page.getByText('已上传 2 个扫描件').waitFor();
    const secondRow = page
      .getByRole('region', { name: '材料扫描件' })
      .getByRole('row')
      .filter({ hasText: secondMaterial });
    await secondRow.getByRole('img', { name: '营业执照背面.png' }).waitFor();
    // A PDF opens in a new tab for reading.
    const pdfLink = secondRow.getByRole('link', { name: '打开' });
    expect(await pdfLink.getAttribute('target')).toBe('_blank');
    expect(await pdfLink.getAttribute('href')).toMatch(/\/api\/cases\/[^/]+\/scans\/[^/]+\/content$/);
    // The panel speaks the second locale too.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Material scans' }).waitFor();
    await page
      .getByRole('button', { name: /Upload scan \/ photo/ })
      .first()
      .waitFor();
    await page.screenshot({ path: '/tmp/ow-scans-case-en.png', fullPage: true });
  });
});
