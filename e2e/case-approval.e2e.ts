/**
 * A case of 建设工程规划许可证核发 (ZR-002) from reception to the archive in Chromium: parallel reviews (规划审查 ∥
 * 联合审查), an escalation to the window supervisor, a return for rework, an internal expert's opinion and the
 * two-level sign-off (科室审核签批 by the section head, 分管领导审批 by the deputy leader in charge), each by its demo
 * account; the step table (1440 px) and the public progress page (390 px phone) are checked at every stage.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mod112CheckChar } from '../server/src/domain/identity/index.ts';
import { baseUrl, logIn, openBrowser } from './support/browser.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** Screenshots of the desk screens (1440 px) and the public page (390 px); SCREENSHOT_DIR to keep them elsewhere. */
const shots = process.env.SCREENSHOT_DIR ?? '/tmp/ow-shots';

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => browser?.close());
afterEach(async (c) => {
  if (c.task.result?.state === 'fail') await page.screenshot({ path: '/tmp/ow-approval-fail.png', fullPage: true });
});

const idBody = '51082219790304211';
const idNumber = `${idBody}${mod112CheckChar(idBody)}`;
const keys = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
let caseId = '';
let caseNo = '';

const shot = (name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });

async function as(username: string) {
  await page.context().clearCookies();
  await logIn(page, username);
  await page.getByRole('menuitem').first().waitFor();
}

async function api<T = any>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const res =
    method === 'GET'
      ? await page.request.get(`${baseUrl()}${path}`)
      : await page.request.post(`${baseUrl()}${path}`, { data: data ?? {} });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function until<T>(read: () => Promise<T>, expected: T, what: string) {
  let last: T | undefined;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(last, what).toEqual(expected);
}

const open = async () => {
  await page.goto(`${baseUrl()}/cases/${caseId}`);
  await page.getByTestId('step-status-s1').waitFor();
};

/** The case page's step table: each step's status as shown, and the case state in the card head. */
async function expectSteps(expected: string[], state: string) {
  await open();
  await until(
    () => Promise.all(keys.map((k) => page.getByTestId(`step-status-${k}`).innerText())),
    expected,
    'step table',
  );
  await page.locator('.ant-card-head').getByText(state, { exact: true }).waitFor();
}

/** The public progress page on a phone (no account): its state, current step and each step's mark. */
async function expectProgress(state: string, current: string, marks: string[], name: string) {
  const p = await page.context().newPage();
  await p.setViewportSize({ width: 390, height: 844 });
  await p.goto(`${baseUrl()}/progress`);
  await p.getByLabel('办件编号').fill(caseNo);
  await p.getByLabel('手机号码后四位').fill('7788');
  await p.getByRole('button', { name: /查\s*询/ }).click();
  const field = (label: string) =>
    p
      .locator('.ant-descriptions-item')
      .filter({ hasText: label })
      .locator('.ant-descriptions-item-content')
      .innerText();
  await p.locator('.ant-descriptions-item').filter({ hasText: '办理状态' }).waitFor();
  expect((await field('办理状态')).trim()).toBe(state);
  expect((await field('当前环节')).trim()).toBe(current);
  const got = await p
    .locator('.ant-steps-item')
    .evaluateAll((els) => els.map((e) => /ant-steps-item-(finish|process|wait)/.exec(e.className)?.[1] ?? ''));
  expect(got).toEqual(marks);
  // Nothing runs off the phone's screen.
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await p.screenshot({ path: `${shots}/progress-${name}.png`, fullPage: true });
  await p.close();
}

const stepRow = (name: string | RegExp) => page.getByRole('row').filter({ hasText: name });
const claimButton = (step: string) => stepRow(step).getByRole('button', { name: /认\s*领/ });
const actionBar = () => page.locator('.cs-actions');

async function decide(action: RegExp, fields: Record<string, string> = {}) {
  await actionBar().getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

const F = '已完成';
const A = '办理中';
const W = '未开始';

describe('a case with parallel reviews, an escalation, a rework and a two-level sign-off, reception to archive', () => {
  it('is worked by the right demo accounts; the step table and the public page tell the truth at each stage', async () => {
    // Reception at the window (the clerk's own session): 建设工程规划许可证核发 with every material received.
    await as('clerk');
    const me = await api('GET', '/api/auth/me');
    const hallId = me.halls.find((h: any) => !h.name.includes('桥头镇')).id as string;
    const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&q=ZR-002&pageSize=50`)).items as any[];
    const item = await api('GET', `/api/catalog/items/${items.find((i) => i.code === 'ZR-002').id}`);
    const applicant = await api('POST', '/api/applicants', {
      hallId,
      kind: 'person',
      name: '刘建军',
      docType: 'resident_id',
      docNumber: idNumber,
      phone: '13987657788',
      address: '青川县乔庄镇清江路18号',
    });
    const materials = item.content.materials.map((m: any) =>
      m.requirement === 'required'
        ? { key: m.key, status: 'received', copies: m.copies, pages: 2 }
        : { key: m.key, status: 'not_applicable' },
    );
    const accepted = await api('POST', '/api/intake/acceptances', {
      itemId: item.id,
      applicantId: applicant.id,
      materials,
    });
    caseId = accepted.id;
    caseNo = accepted.caseNo;
    await expectSteps([F, A, W, W, W, W, W], '已受理');
    // The sign-off steps name the level that signs them.
    await stepRow('科室审核签批').getByText('须科室负责人签批').waitFor();
    await stepRow('分管领导审批').getByText('须分管领导签批').waitFor();
    await shot('desk-1-accepted');
    await expectProgress('已受理', '分办', ['finish', 'process', 'wait', 'wait', 'wait', 'wait', 'wait'], '1-accepted');

    // The router routes it: both departments' reviews start in parallel.
    await as('router');
    await open();
    await claimButton('分办').click();
    await stepRow('分办').getByRole('button', { name: '办结“分办”' }).click();
    await expectSteps([F, F, A, A, W, W, W], '审核中');
    await expectProgress(
      '审核中',
      '规划审查、联合审查（人防、市政配套）',
      ['finish', 'finish', 'process', 'process', 'wait', 'wait', 'wait'],
      '2-parallel',
    );

    // The 住建 reviewer meets a difficult point and puts it to the window supervisor.
    await as('zj_reviewer');
    await open();
    await claimButton('联合审查').click();
    const panel = page.getByTestId('escalation-panel');
    await panel.getByRole('button', { name: '上报主管' }).click();
    const raise = page.getByRole('dialog', { name: '上报主管' });
    await raise.getByLabel('上报原因').fill('人防工程易地建设费减免标准存在争议，请主管决定');
    await raise.getByRole('button', { name: '上报主管' }).click();
    await page.getByText('已上报主管').waitFor();
    await panel.getByRole('row').filter({ hasText: '人防工程' }).getByText('待决定').waitFor();

    await as('supervisor');
    await page.getByRole('menuitem', { name: /上报待决/ }).click();
    const row = page.getByTestId('pending-escalations').getByRole('row').filter({ hasText: caseNo });
    await row.getByRole('button', { name: '作出决定' }).click();
    const decideEsc = page.getByRole('dialog', { name: '作出决定' });
    await decideEsc.getByLabel('同意办理').check();
    await decideEsc.getByLabel('决定意见').fill('按县人防办现行标准核定，继续办理');
    await decideEsc.getByRole('button', { name: '作出决定' }).click();
    await page.getByText('已作出决定').waitFor();
    await expectSteps([F, F, A, A, W, W, W], '审核中');
    await page
      .getByTestId('escalation-panel')
      .getByRole('row')
      .filter({ hasText: '人防工程' })
      .getByText('同意办理')
      .waitFor();
    await shot('desk-2-escalation-decided');

    // Both reviews pass; the case goes to the section head's sign-off by itself.
    await as('zj_reviewer');
    await open();
    await decide(/审核通过/);
    await expectSteps([F, F, A, F, W, W, W], '审核中');
    await as('zr_reviewer');
    await open();
    await claimButton('规划审查').click();
    await decide(/审核通过/);
    await expectSteps([F, F, F, F, A, W, W], '审批中');
    await expectProgress(
      '审批中',
      '科室审核签批',
      ['finish', 'finish', 'finish', 'finish', 'process', 'wait', 'wait'],
      '3-signoff',
    );

    // The section head returns it for rework: both parallel reviews are worked again.
    await as('zr_approver');
    await open();
    await decide(/退回重办/, { 原因: '总平面图退让距离标注不全，请补充核查' });
    await expectSteps([F, F, A, A, W, W, W], '退回重办');
    await expectProgress(
      '退回重办',
      '规划审查、联合审查（人防、市政配套）',
      ['finish', 'finish', 'process', 'process', 'wait', 'wait', 'wait'],
      '4-rework',
    );
    await as('zr_reviewer');
    await open();
    await actionBar()
      .getByRole('button', { name: /重新办理/ })
      .click();
    await page.locator('.ant-card-head').getByText('审核中', { exact: true }).waitFor();
    await decide(/审核通过/);
    await as('zj_reviewer');
    await open();
    await decide(/审核通过/);
    await expectSteps([F, F, F, F, A, W, W], '审批中');

    // The section head asks a colleague for an expert opinion; the colleague gives it from their own page.
    await as('zr_approver');
    await open();
    // The step came back to the section head who returned it: no claim needed.
    await stepRow('科室审核签批').getByText('邓洁').waitFor();
    const expert = (await api('GET', `/api/cases/${caseId}/experts/candidates`)).items.find(
      (u: any) => u.name === '田野',
    );
    await api('POST', `/api/cases/${caseId}/experts`, {
      stepId: (await api('GET', `/api/cases/${caseId}`)).steps.find((s: any) => s.key === 's5').id,
      kind: 'internal',
      expertUserId: expert.id,
      question: '人防工程配建面积是否满足规划条件？',
      days: 2,
    });
    await as('zj_reviewer');
    await page.getByRole('menuitem', { name: /专家意见待办/ }).click();
    const mine = page.getByTestId('my-expert-requests').getByRole('row').filter({ hasText: caseNo });
    await mine.getByText('人防工程配建面积是否满足规划条件？').waitFor();
    await shot('desk-3-expert-page');
    await mine.getByRole('button', { name: '录入意见' }).click();
    const opinion = page.getByRole('dialog');
    await opinion.getByLabel('专家意见').fill('配建面积满足规划条件，同意。');
    await opinion.getByRole('button', { name: '录入意见' }).click();
    await page.getByText('专家意见已录入').waitFor();
    await page.getByText('暂无待出具的专家意见').waitFor();

    // 科室负责人 signs; the case waits for 分管领导, and the section head has nothing more to sign.
    await as('zr_approver');
    await open();
    await decide(/^批\s*准$/);
    await expectSteps([F, F, F, F, F, A, W], '审批中');
    expect(
      await actionBar()
        .getByRole('button', { name: /^批\s*准$/ })
        .count(),
    ).toBe(0);
    expect(await claimButton('分管领导审批').count()).toBe(0);
    await expectProgress(
      '审批中',
      '分管领导审批',
      ['finish', 'finish', 'finish', 'finish', 'finish', 'process', 'wait'],
      '5-second-level',
    );

    // 分管领导 signs: approved; both sign-offs on the trail.
    await as('zr_leader');
    await open();
    await shot('desk-4-deputy-before-signing');
    await decide(/^批\s*准$/);
    await expectSteps([F, F, F, F, F, F, A], '审批通过');
    await stepRow('科室审核签批').getByText('邓洁').waitFor();
    await stepRow('分管领导审批').getByText('冯建华').waitFor();
    await shot('desk-5-approved');

    // The window completes, hands over the permit and files the case.
    await as('clerk');
    await open();
    await decide(/^办\s*结$/, { '办理结果摘要（如证照编号）': '建字第510822202600017号' });
    await expectSteps([F, F, F, F, F, F, F], '办结');
    await decide(/领取登记/, { 领取人: '刘建军', 领取人证件号码: idNumber });
    await decide(/^归\s*档$/);
    await expectSteps([F, F, F, F, F, F, F], '已归档');
    await shot('desk-6-archived');
    await expectProgress(
      '已归档',
      '—',
      ['finish', 'finish', 'finish', 'finish', 'finish', 'finish', 'finish'],
      '6-archived',
    );
  }, 300_000);

  it('lets the security administrator set authority levels in the account screen', async () => {
    await as('secadmin');
    await page.goto(`${baseUrl()}/admin/users`);
    await page.getByLabel('关键字').fill('zr_');
    await page.getByLabel('关键字').press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'zr_approver' });
    const select = row.getByLabel('审批权限 zr_approver');
    await select.waitFor();
    await row.locator('.ant-select-content[title="科室负责人"]').waitFor();
    await page.getByRole('row').filter({ hasText: 'zr_leader' }).getByText('分管领导').waitFor();
    await shot('desk-7-accounts-authority');
    await select.click();
    await page.locator('.ant-select-item-option[title="分管领导"]').click();
    await page.getByText('审批权限已更新').waitFor();
    await row.locator('.ant-select-content[title="分管领导"]').waitFor();
    const users = await api('GET', '/api/users?q=zr_approver');
    expect(users.items[0].authorityLevel).toBe('deputy');
    await select.click();
    await page.locator('.ant-select-item-option[title="科室负责人"]').click();
    await row.locator('.ant-select-content[title="科室负责人"]').waitFor();
  });

  it('shows the sign-off levels in the item editor', async () => {
    await as('head');
    const me = await api('GET', '/api/auth/me');
    const hallId = me.halls[0].id as string;
    const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&q=ZR-002&pageSize=50`)).items as any[];
    await page.goto(`${baseUrl()}/catalog/${items.find((i) => i.code === 'ZR-002').id}`);
    const steps = page.getByTestId('steps-table');
    await steps.locator('.ant-select-content[title="科室负责人"]').waitFor();
    await steps.getByText('按事项审批层级').first().waitFor();
    await steps.scrollIntoViewIfNeeded();
    await shot('desk-8-item-editor-signoff');
  });
});
