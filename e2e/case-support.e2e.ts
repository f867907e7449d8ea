import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { findItem, myHallId, receive } from './support/cases.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';
import { apiOf, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  resetServerTime();
  await browser?.close();
});

/** The clerk accepts a case with one required, non-essential material deferred (容缺受理) until the next working day. */
async function deferredCase() {
  const api = apiOf(page);
  const hallId = await myHallId(api);
  let deferrable: any;
  const found = await findItem(api, hallId, {
    item: (i) => i.kind === 'committed' && i.promisedDays >= 3,
    content: async (content) => {
      deferrable = content.materials.find((m: any) => m.requirement === 'required' && !m.essential);
      if (!deferrable) return false;
      // Its first back-office step must belong to a department with staff who can be assigned it.
      const first = [...content.steps].sort((a: any, b: any) => a.order - b.order).find((st: any) => st.departmentId);
      if (!first) return false;
      return (await api('GET', `/api/backoffice/colleagues?departmentId=${first.departmentId}`)).items.length > 0;
    },
  });
  if (!found) throw new Error('no demo item with a deferrable material');
  const reception = await receive(api, { hallId, ...found, name: '容缺测试', missing: deferrable.key });
  const c = await api('POST', `/api/cases/${reception.id}/accept-deferred`, {
    promiseSigned: true,
    supplementDeadline: '2026-03-03',
  });
  return { c, material: deferrable.name as string };
}

describe('专家意见 and 容缺材料 in the browser', () => {
  it('an expert is called in and answers; a lapsed deferred material ends the case with a notice', async () => {
    setServerTime('2026-03-02T02:00:00Z');
    await signIn(page, 'clerk');
    const { c, material } = await deferredCase();
    await page.goto(`${baseUrl()}/cases/${c.id}`);
    const deferred = page.getByTestId('deferred-panel');
    await deferred.getByRole('row').filter({ hasText: material }).getByText('待补交').waitFor();
    await deferred.getByText('容缺材料全部补齐前，办件不能审批').waitFor();
    await shot(page, 'deferred-clerk-pending');

    // The supervisor assigns the active step to a member of its department, who calls in an outside expert.
    const step = c.steps.find((s: any) => s.status === 'active' && s.departmentId);
    await signIn(page, 'supervisor');
    const api = apiOf(page);
    const staff = (await api('GET', `/api/backoffice/colleagues?departmentId=${step.departmentId}`)).items as any[];
    const worker = staff.find((u) => u.roles.includes(step.role));
    await api('POST', `/api/cases/${c.id}/steps/${step.id}/assign`, { userId: worker.id });
    await signIn(page, worker.username);
    await page.goto(`${baseUrl()}/cases/${c.id}`);
    const experts = page.getByTestId('expert-panel');
    await experts.getByRole('button', { name: '邀请专家' }).click();
    const ask = page.getByRole('dialog', { name: '邀请专家' });
    await ask.getByLabel('专家姓名').fill('周建国');
    await ask.getByLabel('所在单位').fill('青川县疾病预防控制中心');
    await ask.getByLabel('联系电话').fill('13987654321');
    await ask.getByLabel('咨询事项').fill('申请人提交的检测报告是否有效？');
    await ask.getByRole('button', { name: '邀请专家' }).click();
    await page.getByText('已邀请专家').waitFor();
    const row = experts.getByRole('row').filter({ hasText: '周建国' });
    await row.getByText(/139\*\*\*\*4321/).waitFor();
    expect(await page.getByText('13987654321').count()).toBe(0);
    await row.getByRole('button', { name: '录入意见' }).click();
    const answer = page.getByRole('dialog', { name: /录入意见/ });
    await answer.getByLabel('专家意见').fill('检测报告在有效期内，可以采信');
    await answer.getByRole('button', { name: '录入意见' }).click();
    await page.getByText('专家意见已录入').waitFor();
    await row.getByText(/检测报告在有效期内/).waitFor();
    await shot(page, 'experts-answered');

    // Two days later the promised day has passed: the board lists it and the supervisor terminates the case.
    setServerTime('2026-03-04T02:00:00Z');
    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: /电子监察/ }).click();
    await page.getByRole('menuitem', { name: '监察看板' }).click();
    const onBoard = page.getByTestId('sup-deferred').getByRole('row').filter({ hasText: c.caseNo });
    await onBoard.getByText(material).waitFor();
    await shot(page, 'board-sections');
    await onBoard.getByRole('link', { name: c.caseNo }).click();
    await page.waitForURL(/\/cases\/[^/]+$/);
    await deferred.getByRole('row').filter({ hasText: material }).getByText('逾期未补').waitFor();
    await deferred.getByRole('button', { name: '终止办理' }).click();
    const end = page.getByRole('dialog', { name: '终止办理' });
    await end.getByLabel('终止理由').fill(`逾期未补齐${material}`);
    await shot(page, 'deferred-terminating');
    await end.getByRole('button', { name: '终止办理' }).click();
    await page.getByText('已终止办理，告知书已出具').first().waitFor();
    await page.getByText('已终止', { exact: true }).first().waitFor();
    const notice = deferred.getByRole('link', { name: '终止办理告知书' });
    const href = await notice.getAttribute('href');
    const pdf = await page.request.get(`${baseUrl()}${href}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.getByRole('link', { name: /终止办理告知书 QCX-ZWFW-ZZ-2026-/ }).waitFor();
    await shot(page, 'deferred-terminated');
  });
});
