import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let receiver: Server;
let receiverUrl = '';
let answer = 200;
const received: { headers: IncomingMessage['headers']; raw: string; status: number }[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, raw, status: answer });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/12345`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  await browser?.close();
});
screenshotOnFailure(() => page, 'webhooks');

/** The receiver's n-th request, waited for (the server's worker sends every 5 s). */
async function nth(n: number) {
  for (let i = 0; i < 100 && received.length < n; i++) await new Promise((r) => setTimeout(r, 200));
  expect(received.length).toBeGreaterThanOrEqual(n);
  return received[n - 1]!;
}

const signatureOk = (r: (typeof received)[number], secret: string) => {
  const [t, v1] = String(r.headers['x-onewindow-signature']).split(',');
  const ts = t!.slice(2);
  return v1!.slice(3) === createHmac('sha256', secret).update(`${ts}.${r.raw}`).digest('hex');
};

async function readSecret(): Promise<string> {
  const dialog = page.getByRole('dialog').filter({ hasText: '签名密钥（仅显示这一次）' });
  const secret = (await dialog.locator('code').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^whsec_/);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  return secret;
}

describe('事件推送 (the system administrator)', () => {
  it('adds an endpoint, reads its secret once, sends a test event, follows retries and resends', async () => {
    await logIn(page, 'sysadmin');
    await page.getByRole('menuitem', { name: /事件推送/ }).click();
    await page.getByRole('button', { name: '新增推送地址' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '推送事件' });
    await form.getByLabel('名称').fill('12345 热线');
    await form.getByLabel('推送地址').fill('http://hotline.example.cn/hook');
    await form.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('推送地址须使用 https', { exact: false }).waitFor();
    await form.getByLabel('推送地址').fill(receiverUrl);
    await form.getByRole('button', { name: /确\s*定|OK/ }).click();
    let secret = await readSecret();

    const row = page.getByRole('row').filter({ hasText: '12345 热线' });
    await row.getByText('启用').first().waitFor();
    await row.getByRole('button', { name: '发送测试事件' }).click();
    const first = await nth(1);
    expect(first.headers['x-onewindow-event']).toBe('webhook.test');
    expect(signatureOk(first, secret)).toBe(true);
    const log = page.locator('.ant-card').filter({ hasText: '推送记录：12345 热线' });
    await log.getByText('已送达').first().waitFor();
    await log
      .getByRole('button', { name: /重新发送/ })
      .first()
      .waitFor();

    // The receiver fails: the next test event is 重试中 with its answer in the log.
    answer = 500;
    await row.getByRole('button', { name: '发送测试事件' }).click();
    await nth(2);
    await log.locator('.ant-segmented').getByText('重试中').click();
    await log.getByRole('cell', { name: 'HTTP 500' }).waitFor();

    // 重新发送 of the delivered one: the same event id again.
    answer = 200;
    await log.locator('.ant-segmented').getByText('已送达').click();
    await log
      .getByRole('button', { name: /重新发送/ })
      .first()
      .click();
    const again = await nth(3);
    expect(again.headers['x-onewindow-delivery']).toBe(first.headers['x-onewindow-delivery']);

    // 更换密钥: the new secret is shown once and signs from now on.
    await row.getByRole('button', { name: '更换密钥' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const rotated = await readSecret();
    expect(rotated).not.toBe(secret);
    secret = rotated;
    const after = received.length + 1;
    await row.getByRole('button', { name: '发送测试事件' }).click();
    const signed = await nth(after);
    expect(signatureOk(signed, secret)).toBe(true);

    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    expect((await page.request.get(`${baseUrl()}/api/webhooks/endpoints`)).ok()).toBe(true);
  }, 120_000);
});
