import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';

// Roles as data at the desk (1440 px): the security administrator composes a role from permissions, gives it to a
// member of staff, is refused when it would sit beside an administrator role (三权分立), and retires it.
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const shots = process.env.SCREENSHOT_DIR;
const shot = async (name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());

async function editUser(username: string, addRole: string) {
  await page.goto(`${baseUrl()}/admin/users`);
  await page.getByRole('cell', { name: username, exact: true }).waitFor();
  await page
    .getByRole('row', { name: new RegExp(`^${username}\\b`) })
    .getByRole('button', { name: /编\s*辑/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('角色').click();
  await page.keyboard.type(addRole);
  await page.locator('.ant-select-item-option', { hasText: addRole }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  return dialog;
}

describe('custom roles (角色权限)', () => {
  it('composes a role from business permissions; administrator powers cannot be picked', async () => {
    await logIn(page, 'secadmin');
    await page.getByText('工作台').first().waitFor();
    await page.goto(`${baseUrl()}/admin/roles`);
    await page.getByRole('cell', { name: /窗口受理员/ }).waitFor();
    await page.getByRole('button', { name: /新建角色/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('角色代码').fill('case_exporter');
    await dialog.getByLabel('角色名称').fill('办件导出员');
    await dialog.getByRole('checkbox', { name: '查看办件' }).check();
    await dialog.getByRole('checkbox', { name: '导出办件' }).check();
    expect(await dialog.getByRole('checkbox', { name: '查看审计日志' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: '管理账号' }).isDisabled()).toBe(true);
    await shot('roles-compose');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('角色已创建').waitFor();
    const row = page.getByRole('row', { name: /办件导出员/ });
    await row.getByText('自定义').waitFor();
    await row.getByText('导出办件').waitFor();
  });

  it('gives the role to a member of staff and refuses it beside an administrator role, naming the conflict', async () => {
    const ok = await editUser('inspector', '办件导出员');
    await page.getByText('已保存').waitFor();
    await ok.waitFor({ state: 'hidden' });
    await page
      .getByRole('row', { name: /^inspector\b/ })
      .getByText('办件导出员')
      .waitFor();

    const refused = await editUser('auditor', '办件导出员');
    await refused.getByText(/管理员角色不能授予业务账号/).waitFor();
    await shot('roles-separation-refused');
    await refused.getByRole('button', { name: /取\s*消/ }).click();
  });

  it('shows the holders and retires the role, taking it from them', async () => {
    await page.goto(`${baseUrl()}/admin/roles`);
    const row = page.getByRole('row', { name: /办件导出员/ });
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    await shot('roles-list');
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await page.getByText(/并从 1 个账号中收回/).waitFor();
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('角色已停用').waitFor();
    await row.getByText('已停用').waitFor();
    expect(await row.getByRole('button', { name: /停\s*用/ }).count()).toBe(0);
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByRole('cell', { name: 'inspector', exact: true }).waitFor();
    expect(
      await page
        .getByRole('row', { name: /^inspector\b/ })
        .getByText('办件导出员')
        .count(),
    ).toBe(0);
  });
});
