import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { applicantRegisteredByClerk } from './support/cases.ts';
import { signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let applicantId: string;

beforeAll(async () => {
  browser = await openBrowser();
  // The applicant is registered at the window (as the clerk, through the API) before the supervisor looks.
  applicantId = await applicantRegisteredByClerk(browser.context, {
    name: '韩梅梅',
    docNumber: '51080219850612301X',
    phone: '13912345678',
  });
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());

describe('applicant information (R5.4)', () => {
  it('lets a supervisor change an applicant’s details, masked, with the change on the file', async () => {
    await logIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
    await page.goto(`${baseUrl()}/applicants/${applicantId}`);
    await page.getByRole('button', { name: '修改信息' }).click();
    await page.getByLabel('地址').fill('青川县乔庄镇滨河路 8 号');
    await page.getByRole('dialog').getByLabel('手机号码').fill('13700001111');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('青川县乔庄镇滨河路 8 号').waitFor();
    await page.getByText('137****1111').waitFor();
    await page.getByRole('tab', { name: /信息变更/ }).click();
    expect(await page.getByRole('tab', { name: /信息变更/ }).innerText()).toContain('1');
    await page.getByText('联系电话', { exact: true }).waitFor();
  });

  it('gives a clerk no way to change them', async () => {
    await signIn(page, 'clerk');
    await page.goto(`${baseUrl()}/applicants/${applicantId}`);
    await page.getByRole('button', { name: '新收件' }).waitFor();
    expect(await page.getByRole('button', { name: '修改信息' }).count()).toBe(0);
  });
});
