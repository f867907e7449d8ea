import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { apiOf } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());

async function logOut() {
  await page.context().clearCookies();
}

describe('signing in', () => {
  it('signs a clerk in to a menu without administrator screens, and refuses them the account screen', async () => {
    await logIn(page, 'clerk');
    await page.getByRole('menuitem', { name: /事项目录/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /账号管理/ }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByText('无权访问').waitFor();
    await logOut();
  });

  it('locks an account after five wrong passwords, answering like a wrong password so the name is not revealed', async () => {
    for (let i = 0; i < 5; i++) {
      await logIn(page, 'inspector', 'wrong-password');
      await page.getByText('用户名或密码错误').waitFor();
    }
    // Locked: even the right password gets the generic answer and no session.
    await logIn(page, 'inspector');
    await page.getByText('用户名或密码错误').waitFor();
    expect(page.url()).toContain('/login');
    expect((await page.context().cookies()).some((c) => c.name === 'ow_session')).toBe(false);
    // Leave the account as found (later files sign the inspector in): the security administrator unlocks it.
    await logIn(page, 'secadmin');
    const api = apiOf(page);
    const users = await api<{ items: { id: string; username: string }[] }>('GET', '/api/users?q=inspector');
    const inspector = users.items.find((u) => u.username === 'inspector');
    await api('POST', `/api/users/${inspector?.id}/unlock`);
    await logOut();
    await logIn(page, 'inspector');
    await page.getByRole('menuitem').first().waitFor();
    await logOut();
  });
});

describe('catalogue to public guide', () => {
  it('lets a station head add an item with its materials, publish it, and the public guide shows it', async () => {
    await logIn(page, 'head');
    await page.getByRole('menuitem', { name: /事项目录/ }).click();
    await page.getByRole('button', { name: /新增事项/ }).click();

    await page.getByLabel('事项编码').fill('E2E-001');
    await page.getByLabel('事项名称').fill('烟花爆竹零售经营许可');
    await page.getByLabel('事项类别').click();
    await page.getByTitle('其他').click();
    await page.getByLabel('承办部门').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByLabel('法定时限（工作日）').fill('20');
    await page.getByLabel('承诺时限（工作日）').fill('5');

    await page.getByRole('button', { name: /添加材料/ }).click();
    await page.getByPlaceholder('材料名称').last().fill('烟花爆竹经营（零售）许可证申请书');
    await page.getByRole('button', { name: /添加材料/ }).click();
    await page.getByPlaceholder('材料名称').last().fill('经营场所产权证明');

    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText(/已保存/).waitFor();
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page.getByRole('button', { name: /确\s*定|确认/ }).click();
    await page
      .getByText(/已发布/)
      .first()
      .waitFor();
    await logOut();

    await page.goto(`${baseUrl()}/guide`);
    await page.getByPlaceholder(/搜索|事项名称/).fill('烟花爆竹');
    await page.keyboard.press('Enter');
    await page.getByText('烟花爆竹零售经营许可').first().click();
    await page.getByText('烟花爆竹经营（零售）许可证申请书').waitFor();
    await page.getByText('经营场所产权证明').waitFor();
    await page
      .getByText(/承诺.*5.*工作日/)
      .first()
      .waitFor();
  });
});
