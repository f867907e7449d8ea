/**
 * Notices end to end: a server of its own, configured with an SMS gateway (a local HTTP sink started here) and an
 * SMTP server (a real smtp-server listener started here). An accepted case sends an SMS and an e-mail; a failing
 * gateway is retried, flagged failed, and resent from the supervisor's 通知记录.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, openBrowser } from './support/browser.ts';
import { freshIdNumber } from './support/cases.ts';
import { shot } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let server: ChildProcess;
let base = '';
let dataDir = '';
let sink: Server;
let smtp: SMTPServer;
let gatewayDown = false;
const sms: { to: string; text: string; idempotencyKey: string }[] = [];
const mails: { to: string; raw: string }[] = [];

const until = async (what: string, test: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  sink = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      if (gatewayDown) {
        res.writeHead(503).end('gateway down');
        return;
      }
      sms.push(JSON.parse(raw));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d) => {
        raw += d;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((x) => x.address).join(','), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-notices-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      SIGNIN_MAX_ATTEMPTS: '1000',
      PUBLIC_LIMIT_FACTOR: '100',
      SMS_WEBHOOK_URL: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/sms`,
      SMS_WEBHOOK_SECRET: 'e2e-secret',
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      SMTP_FROM: '政务服务中心 <hall@example.gov.cn>',
      NOTICE_POLL_MS: '300',
      NOTICE_MAX_ATTEMPTS: '2',
      NOTICE_RETRY_BASE_MS: '300',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await until(
    'the server',
    async () => {
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
      return fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    90_000,
  );
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  sink?.close();
  await new Promise((r) => smtp?.close(() => r(null)));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(username: string) {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem').first().waitFor();
}

async function api<T = any>(method: 'GET' | 'POST', p: string, data?: unknown): Promise<T> {
  const res =
    method === 'GET'
      ? await page.request.get(`${base}${p}`)
      : await page.request.post(`${base}${p}`, { data: data ?? {} });
  if (!res.ok()) throw new Error(`${method} ${p}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** As the signed-in clerk: an applicant with a phone (and an e-mail), a committed item received complete, accepted. */
async function acceptCase(name: string, email?: string): Promise<{ id: string; caseNo: string }> {
  const hallId = (await api('GET', '/api/auth/me')).halls[0].id;
  const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&status=published&pageSize=100`)).items;
  const item = items.find((i: any) => i.kind === 'committed');
  const content = (await api('GET', `/api/catalog/items/${item.id}`)).content;
  const applicant = await api('POST', '/api/applicants', {
    hallId,
    kind: 'person',
    name,
    docType: 'resident_id',
    docNumber: freshIdNumber(),
    phone: '13912345678',
    address: '青川县乔庄镇',
    ...(email ? { email, preferredChannel: 'all' } : {}),
  });
  const materials = content.materials.map((m: any) =>
    m.requirement === 'conditional'
      ? { key: m.key, status: 'not_applicable' }
      : { key: m.key, status: 'received', copies: m.copies, pages: 1 },
  );
  const r = await api('POST', '/api/intake/receptions', { itemId: item.id, applicantId: applicant.id, materials });
  return api('POST', `/api/cases/${r.id}/accept`);
}

describe('notices to applicants', () => {
  it('an accepted case sends an SMS to the gateway and an e-mail to the SMTP server', async () => {
    await signIn('clerk');
    const c = await acceptCase('王通知', 'wang@example.com');
    await until('the SMS', () => sms.some((m) => m.text.includes(c.caseNo)));
    await until('the e-mail', () => mails.some((m) => m.to === 'wang@example.com'));
    const m = sms.find((x) => x.text.includes(c.caseNo))!;
    expect(m.to).toBe('13912345678');
    expect(m.text).toContain('已受理');
    expect(m.idempotencyKey).toMatch(/^ntc_/);

    // The case page shows both notices as sent.
    await signIn('supervisor');
    await page.goto(`${base}/cases/${c.id}`);
    const panel = page.getByTestId('case-notices');
    await panel.getByText('已发送').first().waitFor();
    await expect.poll(() => panel.getByText('已发送').count()).toBe(2);
    await panel.getByText('139****5678').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'notices-case-detail-1440');

    // The applicant's public progress page lists what was sent, the name masked, at phone width without scrolling sideways.
    const pub = await browser.context.newPage();
    await pub.setViewportSize({ width: 390, height: 844 });
    await pub.goto(`${base}/progress`);
    await pub.getByLabel('办件编号').fill(c.caseNo);
    await pub.getByLabel('手机号码后四位').fill('5678');
    await pub.getByRole('button', { name: /查\s*询/ }).click();
    const sent = pub.getByTestId('progress-notices');
    await sent.getByText('受理通知').first().waitFor();
    expect(await sent.textContent()).toContain('王**您好');
    expect(await sent.textContent()).not.toContain('王通知');
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(pub, 'notices-progress-390');
    await pub.close();
  });

  it('a failing gateway is retried, shows as failed, and the supervisor resends it', async () => {
    gatewayDown = true;
    await signIn('clerk');
    const c = await acceptCase('李失败');
    await until('the notice to fail', async () => {
      const list = await api('GET', `/api/cases/${c.id}/notices`);
      return list[0]?.state === 'failed';
    });
    gatewayDown = false;

    await signIn('supervisor');
    await page.getByRole('menuitem', { name: /通知$/ }).filter({ hasNotText: '整改' }).click();
    await page.getByRole('menuitem', { name: '通知记录' }).click();
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.locator('.ant-select-item-option[title="发送失败"]').click();
    const row = page.getByRole('row').filter({ hasText: c.caseNo });
    await row.getByText('发送失败').waitFor();
    // Every try is listed with the gateway's answer.
    await row.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page
      .getByText(/HTTP 503/)
      .first()
      .waitFor();
    await shot(page, 'notices-log-failed-1440');

    await row.getByRole('button', { name: /^重\s*发$/ }).click();
    await page.getByText('已重新排队发送').waitFor();
    await until('the resent SMS', () => sms.some((m) => m.text.includes(c.caseNo)));
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.locator('.ant-select-item-option[title="已发送"]').click();
    await page.getByRole('row').filter({ hasText: c.caseNo }).getByText('已发送').waitFor();
    await shot(page, 'notices-log-sent-1440');
  });

  it('the supervisor edits a template with a preview of sample data', async () => {
    await signIn('supervisor');
    await page.goto(`${base}/notices/templates`);
    await page
      .getByRole('row')
      .filter({ hasText: '受理通知' })
      .getByRole('button', { name: /^编\s*辑$/ })
      .click();
    const editor = page.getByTestId('template-editor');
    await editor.getByLabel('内容').fill('{applicantName}您好：“{itemName}”已受理，编号{caseNo}，{deadline}前办结。');
    await editor.getByRole('button', { name: /^预\s*览$/ }).click();
    await page
      .getByTestId('template-preview')
      .getByText('张三您好：“营业执照变更登记”已受理，编号BJ-2026-000123，2026-12-18前办结。')
      .waitFor();
    await editor.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByText('模板已保存').waitFor();
    await shot(page, 'notices-templates-1440');

    // 领取提醒: saved and said so, kept across a reload, then set back.
    const reminder = page.getByTestId('collection-reminder');
    const days = reminder.getByLabel('领取提醒');
    await days.fill('5');
    await reminder.getByRole('button', { name: '保存提醒设置' }).click();
    await page.getByText('已保存：通知领取后满 5 个工作日仍未领取即提醒').waitFor();
    await shot(page, 'notices-reminder-1440');
    await page.reload();
    expect(await page.getByTestId('collection-reminder').getByLabel('领取提醒').inputValue()).toBe('5');
    await page.getByTestId('collection-reminder').getByLabel('领取提醒').fill('3');
    await page.getByTestId('collection-reminder').getByRole('button', { name: '保存提醒设置' }).click();
    await page.getByText('已保存：通知领取后满 3 个工作日仍未领取即提醒').waitFor();

    // A new acceptance uses the hall's own wording.
    await signIn('clerk');
    const c = await acceptCase('赵模板');
    await until('the SMS in the new wording', () =>
      sms.some((m) => m.text.startsWith('赵模板您好：“') && m.text.includes(`已受理，编号${c.caseNo}，`)),
    );
  });
});
