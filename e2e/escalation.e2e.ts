import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptedCase } from './support/cases.ts';
import { shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

describe('上报主管 in the browser', () => {
  it('the clerk escalates a case, the supervisor decides it from 上报待决, and both see the decision', async () => {
    await signIn(page, 'clerk');
    const c = await acceptedCase(page, '上报测试');
    await page.goto(`${baseUrl()}/cases/${c.id}`);
    const panel = page.getByTestId('escalation-panel');
    await panel.getByText('暂无上报记录').waitFor();
    await panel.getByRole('button', { name: '上报主管' }).click();
    const raise = page.getByRole('dialog', { name: '上报主管' });
    // Nothing typed: the form says what is missing and nothing is sent.
    await raise.getByRole('button', { name: '上报主管' }).click();
    await raise.getByText(/请输入上报原因/).waitFor();
    await raise.getByLabel('上报原因').fill('申请人为外籍人员，材料形式特殊，请主管决定');
    await raise.getByRole('button', { name: '上报主管' }).click();
    await page.getByText('已上报主管').waitFor();
    await panel.getByRole('row').filter({ hasText: '申请人为外籍人员' }).getByText('待决定').waitFor();
    expect(await panel.getByRole('button', { name: '上报主管' }).count()).toBe(0);
    await shot(page, 'escalation-clerk-raised');

    await signIn(page, 'supervisor');
    const menuItem = page.getByRole('menuitem', { name: /上报待决/ });
    await menuItem.getByText('1', { exact: true }).waitFor();
    await menuItem.click();
    await page.waitForURL(/\/escalations$/);
    const row = page.getByTestId('pending-escalations').getByRole('row').filter({ hasText: c.caseNo });
    await row.getByText('申请人为外籍人员，材料形式特殊，请主管决定').waitFor();
    await page.getByText('待决定 1 件').waitFor();
    await shot(page, 'escalation-supervisor-pending');
    await row.getByRole('button', { name: '作出决定' }).click();
    const decide = page.getByRole('dialog', { name: '作出决定' });
    await decide.getByLabel('同意办理').check();
    await decide.getByLabel('决定意见').fill('同意按外国人身份证明材料办理');
    await shot(page, 'escalation-supervisor-deciding');
    await decide.getByRole('button', { name: '作出决定' }).click();
    await page.getByText('已作出决定').waitFor();
    await page.getByText('没有待决定的上报').waitFor();
    await page.getByText('待决定 0 件').waitFor();

    await page.goto(`${baseUrl()}/cases/${c.id}`);
    const decided = page.getByTestId('escalation-panel').getByRole('row').filter({ hasText: '申请人为外籍人员' });
    await decided.getByText('同意办理').waitFor();
    await decided.getByText(/同意按外国人身份证明材料办理/).waitFor();
    await page.getByText('主管决定').first().waitFor();

    await signIn(page, 'clerk');
    await page.goto(`${baseUrl()}/cases/${c.id}`);
    const seen = page.getByTestId('escalation-panel').getByRole('row').filter({ hasText: '申请人为外籍人员' });
    await seen.getByText('同意办理').waitFor();
    await seen.getByText(/同意按外国人身份证明材料办理/).waitFor();
    await page.getByText('上报主管').first().waitFor();
    await page.getByText('主管决定').first().waitFor();
    // The case goes on: the clerk may escalate a new difficulty.
    await page.getByTestId('escalation-panel').getByRole('button', { name: '上报主管' }).waitFor();
    await shot(page, 'escalation-clerk-sees-decision');
  });
});
