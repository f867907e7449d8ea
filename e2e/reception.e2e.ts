import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';
import { screenshotOnFailure } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let caseNo = '';
const MISSING = '与食品经营相适应的主要设备设施、经营布局、操作流程等文件';

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'reception');

/** Picks an option of the open antd select dropdown. */
const pick = (title: string) => page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();

async function fetchPdf(href: string | null): Promise<string> {
  expect(href).toBeTruthy();
  const res = await page.request.get(`${baseUrl()}${href}`);
  expect(res.status()).toBe(200);
  return (await res.body()).subarray(0, 4).toString('latin1');
}

describe('reception at the window', () => {
  it('registers an applicant, checks the materials and issues a one-time notice for the missing one', async () => {
    await logIn(page, 'clerk');
    await page.getByRole('menuitem', { name: /收件受理/ }).click();

    await page.getByLabel('查找申请人').fill('510822198506123016');
    await page.getByLabel('查找申请人').press('Enter');
    await page.getByText('未找到，请在下方登记。').waitFor();
    expect(await page.getByLabel('证件号码').inputValue()).toBe('510822198506123016');
    await page.getByLabel('姓名').fill('陈晓明');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    // the server's identity check speaks on the field
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /校验|号码/ })
      .first()
      .waitFor();
    await page.getByLabel('证件号码').fill('510822198506123015');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page
      .getByText('510822********3015')
      .or(page.getByText(/5108.*3015/))
      .first()
      .waitFor();

    await page.getByLabel('办理事项').click();
    await page.getByLabel('办理事项').fill('食品经营');
    await page.getByTitle(/食品经营许可（新办）/).click();
    await page
      .getByTestId('expected-date')
      .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
      .waitFor();

    const accept = page.getByRole('button', { name: /^受理/ });
    expect(await accept.isEnabled()).toBe(true);
    await page.getByLabel(`${MISSING} 核对结果`).click();
    await pick('缺少');
    expect(await accept.isDisabled()).toBe(true);
    expect(await accept.getAttribute('title')).toBe('受理（Alt+A）');
    await page.getByText(`欠缺：${MISSING}。均为非核心材料，可容缺受理。`).waitFor();
    expect(await page.getByRole('button', { name: /^容缺受理/ }).isEnabled()).toBe(true);

    await page.getByRole('button', { name: /^出具一次性告知书/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /出具告知书/ })
      .click();
    const notice = page.getByRole('link', { name: /打印一次性告知书（.*GZ/ });
    await notice.waitFor();
    expect(await fetchPdf(await notice.getAttribute('href'))).toBe('%PDF');
  });

  it('takes the supplement without retyping anything and accepts with a receipt', async () => {
    await page.getByRole('button', { name: /接待下一位/ }).click();
    await page.getByRole('tab', { name: '补正材料' }).click();
    await page.getByRole('cell', { name: '陈晓明' }).click();
    await page.getByLabel(`${MISSING} 已补交`).check();
    await page.getByRole('button', { name: /补正齐全，受理/ }).click();
    const title = page.getByText(/已受理，办件编号 [A-Z]+-[A-Z]+-\d{4}-\d{6}/);
    await title.waitFor();
    caseNo = ((await title.textContent()) ?? '').replace(/.*办件编号 /, '').trim();
    const receipt = page.getByRole('link', { name: /打印收件回执单/ });
    expect(await fetchPdf(await receipt.getAttribute('href'))).toBe('%PDF');
  });

  it('lists the case with its number and opens its trail', async () => {
    await page.getByRole('menuitem', { name: /办件查询/ }).click();
    await page.getByRole('link', { name: caseNo }).click();
    await page.getByText('办理轨迹').waitFor();
    await page.getByText('出具一次性告知书').first().waitFor();
    await page.getByText('补正材料').first().waitFor();
    await page.getByRole('link', { name: '陈晓明' }).waitFor();
  });

  it('shows the public progress page with the case number and phone digits, nothing personal', async () => {
    await page.context().clearCookies();
    await page.goto(`${baseUrl()}/progress?no=${encodeURIComponent(caseNo)}`);
    await page.getByLabel('手机号码后四位').fill('1111');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('未查到该办件，请核对办件编号和手机号码后四位。').waitFor();
    await page.getByLabel('手机号码后四位').fill('5678');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByText('食品经营许可（新办）').waitFor();
    // 材料审查 is a review step: the case stands 审核中 from acceptance.
    await page.getByText('审核中').first().waitFor();
    expect(await page.getByText('陈晓明').count()).toBe(0);
  });

  it('follows the case through the back office to the archive, the public page keeping pace', async () => {
    const detail = async (user: string) => {
      await page.context().clearCookies();
      await logIn(page, user);
      await page.getByText('工作台').first().waitFor();
      await page.goto(`${baseUrl()}/cases`);
      await page.getByRole('link', { name: caseNo }).click();
      await page.getByText('办理轨迹').waitFor();
    };
    const spaced = (name: string) => new RegExp(`^${name.split('').join('\\s*')}$`);
    const act = async (name: string, fields?: Record<string, string>) => {
      await page
        .locator('.cs-actions')
        .getByRole('button', { name: spaced(name) })
        .click();
      if (!fields) return;
      const dialog = page.getByRole('dialog');
      for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
      await dialog.getByRole('button', { name: spaced(name) }).click();
      await dialog.waitFor({ state: 'hidden' });
    };
    const state = (label: string) => page.locator('.ant-card-head').getByText(label, { exact: true }).waitFor();
    const publicState = async (label: string) => {
      const pub = (await browser.context.browser()?.newContext()) ?? browser.context;
      const p = await pub.newPage();
      await p.goto(`${baseUrl()}/progress?no=${encodeURIComponent(caseNo)}`);
      await p.getByLabel('手机号码后四位').fill('5678');
      await p.getByRole('button', { name: /查\s*询/ }).click();
      await p.getByText('承诺办结日期').waitFor();
      await p.locator('.ant-card-head').getByText(label, { exact: true }).waitFor();
      await p.close();
    };

    // The process of the item decides who works each step: the reviewer claims 材料审查 from the department inbox
    // and passes it; the case moves on to 现场核查 by itself.
    await page.context().clearCookies();
    await logIn(page, 'reviewer');
    await page.getByRole('menuitem', { name: /待办事项/ }).click();
    await page.getByRole('tab', { name: '部门待办' }).click();
    await page
      .getByRole('row', { name: new RegExp(caseNo) })
      .getByRole('button', { name: /认\s*领/ })
      .click();
    await page.getByRole('row', { name: new RegExp(caseNo) }).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '我的待办' }).click();
    await page.getByRole('link', { name: caseNo }).first().click();
    await page.getByText('办理轨迹').waitFor();
    await act('审核通过', { 意见: '材料齐全' });
    await state('办理中');
    await publicState('办理中');

    // The handler does the on-site check; finishing it hands the case to approval by itself.
    await detail('handler');
    await page
      .getByRole('row', { name: /现场核查/ })
      .getByRole('button', { name: /认\s*领/ })
      .click();
    await page.getByRole('button', { name: '办结“现场核查”' }).click();
    await state('审批中');
    await publicState('审批中');

    // The approver returns it once with a reason; the handler reworks the check; the approver approves.
    await detail('approver');
    await act('退回重办', { 原因: '现场照片不清晰' });
    await state('退回重办');
    await publicState('退回重办');
    await detail('handler');
    await act('重新办理');
    await state('办理中');
    await page.getByRole('button', { name: '办结“现场核查”' }).click();
    await state('审批中');
    await detail('approver');
    await act('批准', { 意见: '同意' });
    await state('审批通过');
    await publicState('审批通过');

    // The window completes with a summary, registers the collection with an ID checked, and archives.
    await detail('clerk');
    await act('办结', { '办理结果摘要（如证照编号）': '许可证编号 JY15108120000001' });
    await state('办结');
    await page
      .getByText(/结果告知书/)
      .first()
      .waitFor();
    await publicState('办结');
    await act('领取登记', { 领取人: '陈晓明', 领取人证件号码: '510822198506123015' });
    await state('已送达');
    await act('归档', { 纸质档案保管期限: '15' });
    await state('已归档');
    await publicState('已归档');
    await page.getByText('归档').first().waitFor();
  }, 240_000);
});
