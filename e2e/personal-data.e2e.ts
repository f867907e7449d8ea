import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { applicantRegisteredByClerk } from './support/cases.ts';
import { shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let applicantId: string;

beforeAll(async () => {
  browser = await openBrowser();
  applicantId = await applicantRegisteredByClerk(browser.context, {
    name: '林注销',
    docNumber: '510802196203154418',
    phone: '13877776666',
    address: '青川县乔庄镇',
  });
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());

describe('personal data on the applicant file (个人信息)', () => {
  it('exports everything held for an access request, with the counts shown and a printable summary', async () => {
    await logIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
    await page.goto(`${baseUrl()}/applicants/${applicantId}`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出个人信息' }).click();
    expect((await download).suggestedFilename()).toBe(`个人信息-${applicantId}.json`);
    const dialog = page.getByRole('dialog', { name: '个人信息导出结果' });
    await dialog.waitFor();
    await dialog.getByText('咨询', { exact: true }).waitFor();
    expect(await dialog.getByRole('link', { name: '打印摘要（PDF）' }).getAttribute('href')).toBe(
      `/api/applicants/${applicantId}/personal-data/pdf`,
    );
    await shot(page, 'personal-data-export');
    await dialog
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();
  });

  it('seals the file: 已封存 in place of the person, and unsealing goes to the security administrator', async () => {
    await page.getByRole('button', { name: /^封\s*存$/ }).click();
    const dialog = page.getByRole('dialog', { name: '封存申请人信息' });
    await dialog.getByLabel('理由').fill('户籍已注销（死亡证明 2026-018）');
    await dialog.getByRole('button', { name: /封\s*存/ }).click();
    await page.getByText('该申请人信息已封存', { exact: true }).waitFor();
    await page
      .getByText(/：已封存$/)
      .first()
      .waitFor();
    expect(await page.getByText('林注销').count()).toBe(0);
    await shot(page, 'personal-data-sealed');
    await page.getByRole('button', { name: '申请解封' }).click();
    const ask = page.getByRole('dialog', { name: '申请解封' });
    await ask.getByLabel('理由').fill('家属持公证书申请查阅');
    await ask.getByRole('button', { name: '申请解封' }).click();
    await page.getByText('已提交解封申请，待安全管理员审批').waitFor();

    await signIn(page, 'secadmin');
    await page.goto(`${baseUrl()}/admin/unseal-requests`);
    await page.getByText('家属持公证书申请查阅').waitFor();
    await shot(page, 'personal-data-unseal-requests');
    await page
      .getByRole('button', { name: /批\s*准/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: '批准解封' }).getByLabel('审批意见').fill('公证书核验无误');
    await page
      .getByRole('dialog', { name: '批准解封' })
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已批准，该申请人信息已解封').waitFor();

    await signIn(page, 'supervisor');
    await page.goto(`${baseUrl()}/applicants/${applicantId}`);
    await page
      .getByText(/：林注销$/)
      .first()
      .waitFor();
  });
});
