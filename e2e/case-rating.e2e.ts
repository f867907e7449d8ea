/**
 * 好差评 closed loop end to end: a case completed at the window → the applicant rates 非常不满意 from the SMS link on
 * a phone (390 px) → the feedback officer records the call-back, verifies, rectifies with evidence → the applicant,
 * told by SMS, rates once more from the new link, and the second rating stands beside the first.
 * Leaves no shared state changed: a new applicant and case only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { findItem, myHallId, receive } from './support/cases.ts';
import { apiOf, screenshotOnFailure, shot, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let phone: Page | undefined;
screenshotOnFailure(() => phone ?? page, 'case-rating');

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await browser?.close();
});

/** The path of the rating link in the SMS queued for the case (the applicant's phone would receive it). */
async function smsLink(caseId: string, event: string): Promise<string> {
  const notices = (await apiOf(page)('GET', `/api/cases/${caseId}/notices`)) as { event: string; body: string }[];
  const n = notices.filter((x) => x.event === event).at(-1);
  expect(n, `an SMS ${event}`).toBeDefined();
  const m = /\/rate\/[A-Za-z0-9_-]+/.exec(n!.body);
  expect(m, n!.body).not.toBeNull();
  return m![0];
}

async function openOnPhone(linkPath: string): Promise<Page> {
  const p = await browser.context.newPage();
  await p.setViewportSize({ width: 390, height: 844 });
  await p.goto(`${baseUrl()}${linkPath}`);
  await p.getByText('办件编号').first().waitFor();
  // Phone first: nothing scrolls sideways.
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  return p;
}

describe('好差评: a bad rating from the SMS link through call-back and rectification to the re-rating', () => {
  it('closes the loop with the second rating kept beside the first', async () => {
    // The window accepts and completes an instant (即办) case; completion queues the rating invitation.
    await signIn(page, 'clerk');
    const api = apiOf(page);
    const hallId = await myHallId(api);
    const found = await findItem(api, hallId, { item: (i) => i.kind === 'instant' });
    expect(found, 'a published instant item').toBeDefined();
    const reception = await receive(api, { hallId, ...found!, name: '好差评测试' });
    let c = await api('POST', `/api/cases/${reception.id}/accept`);
    if (c.state !== 'completed')
      c = await api('POST', `/api/cases/${c.id}/complete`, { outcome: 'success', summary: '准予登记' });
    expect(c.state).toBe('completed');
    const caseNo = c.caseNo as string;

    // The applicant opens the SMS link on a phone and rates 非常不满意 with a reason and a comment.
    phone = await openOnPhone(await smsLink(c.id, 'survey_invitation'));
    await phone.getByText(caseNo).waitFor();
    await phone.getByText('非常不满意', { exact: true }).click();
    await phone.getByLabel('服务态度').check();
    await phone.getByLabel('评价内容').fill('窗口人员解释不耐烦');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await phone.getByText('感谢您的评价').waitFor();
    await phone.getByText('我们将在 1 个工作日内与您联系').waitFor();
    await shot(phone, 'case-rating-phone-rated');
    await phone.close();
    phone = undefined;

    // The feedback officer finds the task with its call-back clock, the applicant's masked phone and the case.
    await signIn(page, 'feedback');
    await page.getByRole('menuitem', { name: '差评整改' }).click();
    const row = page.getByRole('row').filter({ hasText: caseNo });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/待回访/);
    expect(await row.innerText()).toMatch(/139\*\*\*\*0000/);
    await row.getByRole('button', { name: '处理' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('好差评测试').waitFor();

    // Call-back: reached, what was said.
    await dialog.getByLabel('已联系上').check();
    await dialog.getByLabel('沟通情况').fill('已电话致歉，申请人反映窗口解释政策时语气生硬');
    await dialog.getByRole('button', { name: '登记回访' }).click();
    await page.getByText('已保存').first().waitFor();
    await dialog
      .getByText(/待核实/)
      .first()
      .waitFor();

    // Verify: the finding; rectification due in 15 working days by default.
    await dialog.getByLabel('核实情况').fill('调阅窗口录音录像，情况属实');
    await dialog.getByRole('button', { name: '核实' }).click();
    await dialog
      .getByText(/整改中/)
      .first()
      .waitFor();

    // Rectify: plan and the person responsible, evidence uploaded, done.
    await dialog.getByLabel('整改方案').fill('对窗口人员开展文明用语与政策解释培训');
    await dialog.getByLabel('责任人').fill('窗口主管李秀英');
    await dialog.getByRole('button', { name: '保存方案' }).click();
    await page.getByText('已保存').first().waitFor();
    await dialog.getByLabel('上传证明（PDF/JPG/PNG）').setInputFiles({
      name: '培训签到表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
    });
    await dialog.getByRole('link', { name: '培训签到表.pdf' }).waitFor();
    await dialog.getByLabel('整改结果（将告知申请人）').fill('已完成培训并当面致歉');
    await dialog.getByRole('button', { name: '整改完成' }).click();
    await page.getByText('已登记整改完成，已短信告知申请人再次评价').waitFor();
    await dialog
      .getByText(/待再次评价/)
      .first()
      .waitFor();
    await shot(page, 'case-rating-task-rectified');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The applicant is told by SMS and rates once more from the new link; both ratings show.
    phone = await openOnPhone(await smsLink(c.id, 'rerate_invitation'));
    await phone.getByText('整改完成，请再次评价').first().waitFor();
    await phone.getByText('已完成培训并当面致歉').waitFor();
    await phone.getByText('满意', { exact: true }).click();
    await phone.getByLabel('评价内容').fill('态度改善，谢谢');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await phone.getByText('感谢您的评价').waitFor();
    await phone.reload();
    await phone.getByText('该办件已评价，感谢您的参与').waitFor();
    await phone.getByText('首次评价').waitFor();
    await phone.getByText('再次评价', { exact: false }).first().waitFor();
    await shot(phone, 'case-rating-phone-rerated');
    await phone.close();
    phone = undefined;

    // The task is closed, the re-rating kept beside the first rating.
    const tasks = (await apiOf(page)('GET', '/api/rating/case-tasks?stage=closed')).items as any[];
    const task = tasks.find((t) => t.caseNo === caseNo);
    expect(task).toMatchObject({
      stage: 'closed',
      rating: { level: 'very_dissatisfied', round: 1 },
      rerating: { level: 'satisfied', round: 2 },
    });

    // The clerk who received the case appeals the first rating; the supervisor rejects it (it stays in the figures).
    await signIn(page, 'clerk');
    await page.getByRole('menuitem', { name: '评价与申诉' }).click();
    const mine = page.getByRole('row').filter({ hasText: caseNo }).filter({ hasText: '非常不满意' });
    await mine.getByRole('button', { name: '申诉' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/申诉理由/)
      .fill('申请人不满的是办理条件，非窗口服务');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('申诉已提交，等待主管裁决').waitFor();
    await mine.getByText('申诉中').waitFor();

    await signIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: '评价与申诉' }).click();
    await page.getByRole('tab', { name: '申诉裁决' }).click();
    const appealRow = page.getByRole('row').filter({ hasText: caseNo });
    await appealRow.getByRole('button', { name: '裁决' }).click();
    const decide = page.getByRole('dialog');
    await decide.getByLabel('裁决', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '驳回' }).click();
    await decide.getByLabel('裁决意见').fill('回访录音显示针对窗口服务，评价有效');
    await decide.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已裁决').first().waitFor();
    await appealRow.getByText(/申诉驳回/).waitFor();
    await page.getByRole('tab', { name: '人员评价统计' }).click();
    await page.getByRole('row').filter({ hasText: '张伟' }).waitFor();
    await shot(page, 'case-rating-appeals');
  }, 150_000);
});
