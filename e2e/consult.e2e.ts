import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());

describe('consultations', () => {
  it('takes a question from the public online form and gives back only a number and a lookup code', async () => {
    await page.goto(`${baseUrl()}/guide`);
    await page.getByRole('link', { name: '在线咨询' }).click();
    await page.getByLabel('咨询的服务中心').click();
    await page.getByTitle('青川县政务服务中心').click();
    await page.getByLabel('咨询人姓名').fill('王芳');
    await page.getByLabel('联系电话').fill('13700001111');
    await page.getByLabel('咨询内容').fill('结婚登记还需要户口簿吗？');
    await page.getByRole('button', { name: /提交咨询/ }).click();
    await page.getByText('咨询已提交').waitFor();
    expect(await page.getByText(/咨询编号：ZX-QCX-ZWFW-\d{8}-\d{4}　查询码：[A-Z0-9]{6}/).count()).toBe(1);
    await page.getByRole('button', { name: /^查\s*询$/ }).click();
    await page.getByText('尚未答复，请稍后再查。').waitFor();
  });

  it('lets a clerk register a visit, insert an answer from the knowledge base, and promise a reply', async () => {
    await page.context().clearCookies();
    await logIn(page, 'clerk');
    await page.getByRole('menuitem', { name: /咨询登记/ }).click();
    await page.getByText('王芳').waitFor();

    await page.getByRole('button', { name: /登记咨询/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('咨询人姓名').fill('李建华');
    await dialog.getByLabel('联系电话').fill('13912345678');
    await dialog.getByLabel('咨询内容').fill('想开个体工商户，要带哪些材料');
    await dialog.getByRole('button', { name: /插入答复：个体工商户设立需要带哪些材料/ }).click();
    expect(await dialog.getByLabel('当场答复（填写后即办结）').inputValue()).toContain('经营场所使用证明');
    await dialog.getByRole('button', { name: /登记咨询/ }).click();
    await page.getByText('处理记录').waitFor();
    await page.getByText('已答复').first().waitFor();
    await page.getByText('139****5678').waitFor();

    await page.getByRole('button', { name: /返\s*回/ }).click();
    await page.getByRole('link', { name: /ZX-/ }).first().click();
    await page.getByRole('button', { name: '承诺答复期限' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.getByText('承诺答复', { exact: true }).first().waitFor();
    await page.getByText(/\d{4}-\d{2}-\d{2} 正常/).waitFor();
    await page.getByText('首问人').waitFor();
  });
});
