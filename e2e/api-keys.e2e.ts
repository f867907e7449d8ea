import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { screenshotOnFailure, shot as shotOf } from './support/session.ts';

// 接口密钥 at the desk (1440 px): the security administrator issues a key to the provincial platform, sees it once,
// the platform calls a real route with it, then the key is rotated without grace and revoked with a reason.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const shot = (name: string) => shotOf(page, name);
screenshotOnFailure(() => page, 'api-keys');

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());

/** The platform's own call: the key in the Authorization header, no cookie. */
const callWith = async (key: string) =>
  (await fetch(`${baseUrl()}/api/cases?pageSize=5`, { headers: { authorization: `Bearer ${key}` } })).status;

/** The whole key from the once-only dialog, which is then closed. */
async function keptSecret(): Promise<string> {
  const dialog = page.getByRole('dialog', { name: '请立即复制并妥善交付密钥' });
  await dialog.getByText(/完整密钥只显示这一次/).waitFor();
  await dialog.getByRole('button', { name: '复制密钥' }).waitFor();
  const secret = (await dialog.locator('code').innerText()).trim();
  expect(secret).toMatch(/^owk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole('button', { name: '我已保存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return secret;
}

const row = () => page.getByRole('row', { name: /省一网通办平台/ });

describe('API keys (接口密钥)', () => {
  let first = '';
  let second = '';

  it('issues a key scoped to business permissions and a hall, shown once', async () => {
    await logIn(page, 'secadmin');
    await page.getByText('工作台').first().waitFor();
    await page.getByRole('menuitem', { name: /账号/ }).first().click();
    await page.getByRole('menuitem', { name: '接口密钥' }).click();
    await page.waitForURL(/\/admin\/api-keys$/);
    await page.getByRole('button', { name: /签发密钥/ }).click();
    const dialog = page.getByRole('dialog', { name: '签发密钥' });
    await dialog.getByLabel('名称').fill('省一网通办平台');
    await dialog.getByLabel('使用单位').fill('省政务服务管理局');
    await dialog.getByLabel('联系人及电话').fill('张工 028-12345678');
    await dialog.locator('.ant-tree-treenode', { hasText: '（case.read）' }).locator('.ant-tree-checkbox').click();
    // Administrator powers are not offered at all.
    expect(await dialog.getByText('（role.manage）').count()).toBe(0);
    await dialog.getByRole('checkbox', { name: /县/ }).first().check();
    await shot('api-keys-issue');
    await dialog.getByRole('button', { name: /签发密钥/ }).click();
    first = await keptSecret();
    await row().getByText('有效').waitFor();
    await row().getByText('1 项权限').waitFor();
    expect(await callWith(first)).toBe(200);
    await page.reload();
    await row()
      .getByText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
      .first()
      .waitFor();
    await shot('api-keys-list');
  });

  it('rotates without grace: the new key works and the old one stops at once', async () => {
    await row()
      .getByRole('button', { name: /轮\s*换/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /轮换密钥/ });
    await dialog.getByLabel('旧密钥宽限期（天）').fill('0');
    await dialog.getByLabel('原因（选填）').fill('对方系统迁移，例行轮换');
    await dialog.getByRole('button', { name: /轮\s*换/ }).click();
    second = await keptSecret();
    expect(second).not.toBe(first);
    expect(await callWith(second)).toBe(200);
    expect(await callWith(first)).toBe(401);
  });

  it('revokes with a reason, after which the key is refused, and shows the history', async () => {
    await row()
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /吊销密钥/ });
    await dialog.getByLabel('原因').fill('平台对接协议到期');
    await dialog.getByRole('button', { name: /吊\s*销/ }).click();
    await page.getByText('密钥已吊销').waitFor();
    await row().getByText('已吊销').waitFor();
    expect(await callWith(second)).toBe(401);
    await row()
      .getByRole('button', { name: /操作记录/ })
      .click();
    const trail = page.getByRole('dialog', { name: /操作记录/ });
    for (const step of ['签发', '轮换', '吊销']) await trail.getByText(step, { exact: true }).waitFor();
    await trail.getByText('平台对接协议到期').waitFor();
    await shot('api-keys-trail');
  });
});
