import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mod112CheckChar } from '../server/src/domain/identity/index.ts';
import { baseUrl, openBrowser } from './support/browser.ts';
import { acceptAtWindow, chooseItem, openProgress, registerAtWindow } from './support/cases.ts';
import { screenshotOnFailure, signIn } from './support/session.ts';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
});
afterAll(() => browser?.close());
screenshotOnFailure(() => page, 'case-process');

const idBody = '51082219880612305';
const idNumber = `${idBody}${mod112CheckChar(idBody)}`;
const keys = ['s1', 's2', 's3', 's4', 's5', 's6'];
let caseId = '';
let caseNo = '';

const as = (username: string) => signIn(page, username);

async function until<T>(read: () => Promise<T>, expected: T, what: string) {
  let last: T | undefined;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await page.waitForTimeout(100);
  }
  expect(last, what).toEqual(expected);
}

/** The case page's step table: each step's status as shown. */
async function expectSteps(expected: string[], state: string) {
  await page.goto(`${baseUrl()}/cases/${caseId}`);
  await page.getByTestId('step-status-s1').waitFor();
  await until(
    () => Promise.all(keys.map((k) => page.getByTestId(`step-status-${k}`).innerText())),
    expected,
    'step table',
  );
  await page.locator('.ant-card-head').getByText(state, { exact: true }).waitFor();
}

/** The public progress page (no account) agrees: its state, current step and each step's mark. */
async function expectProgress(state: string, current: string, marks: ('finish' | 'process' | 'wait')[]) {
  const p = await openProgress(page, caseNo, '5566');
  const field = (label: string) =>
    p
      .locator('.ant-descriptions-item')
      .filter({ hasText: label })
      .locator('.ant-descriptions-item-content')
      .innerText();
  expect((await field('办理状态')).trim()).toBe(state);
  expect((await field('当前环节')).trim()).toBe(current);
  const items = p.locator('.ant-steps-item');
  const got = await items.evaluateAll((els) =>
    els.map((e) => /ant-steps-item-(finish|process|wait)/.exec(e.className)?.[1] ?? ''),
  );
  expect(got).toEqual(marks);
  await p.close();
}

const stepRow = (name: string | RegExp) => page.getByRole('row').filter({ hasText: name });

async function claimAndFinish(name: string) {
  await stepRow(name)
    .getByRole('button', { name: /认\s*领/ })
    .click();
  await stepRow(name)
    .getByRole('button', { name: `办结“${name}”` })
    .click();
}

async function decide(action: RegExp, fields: Record<string, string> = {}) {
  await page.locator('.cs-actions').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole('button', { name: action }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('a case along its published process, parallel steps and a rework, from reception to the archive', () => {
  it('is worked by the right accounts, the step table and the public page telling the truth at each stage', async () => {
    // Reception: 不动产转移登记 (ZR-001): 受理 → 分办 → 登记审核 ∥ 税费核定征收 → 登簿 → 办结.
    await as('clerk');
    await registerAtWindow(page, { idNumber, name: '赵建国', phone: '13912345566' });
    await chooseItem(page, '不动产转移', /不动产转移登记（存量房买卖）/);
    caseNo = await acceptAtWindow(page);
    const found = await (await page.request.get(`${baseUrl()}/api/cases?q=${caseNo}`)).json();
    caseId = found.items[0].id;
    await expectSteps(['已完成', '办理中', '未开始', '未开始', '未开始', '未开始'], '已受理');
    // The clerk has nothing to do on 分办: no buttons on its row, no 办结 in the action bar.
    expect(await stepRow('分办').getByRole('button').count()).toBe(0);
    expect(
      await page
        .locator('.cs-actions')
        .getByRole('button', { name: /^办\s*结$/ })
        .count(),
    ).toBe(0);
    await expectProgress('已受理', '分办', ['finish', 'process', 'wait', 'wait', 'wait', 'wait']);

    // The router finds 分办 in 我的待办 and routes it: both parallel steps start.
    await as('router');
    await page.goto(`${baseUrl()}/inbox`);
    await page.getByRole('link', { name: caseNo }).first().waitFor();
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await claimAndFinish('分办');
    await expectSteps(['已完成', '已完成', '办理中', '办理中', '未开始', '未开始'], '办理中');

    // The tax office finishes its branch; the case waits for the review (审核中).
    await as('sw_handler');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await claimAndFinish('税费核定征收');
    await expectSteps(['已完成', '已完成', '办理中', '已完成', '未开始', '未开始'], '审核中');

    // The reviewer passes: the case moves to 登簿 (审批中) by itself.
    await as('zr_reviewer');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await stepRow('登记审核')
      .getByRole('button', { name: /认\s*领/ })
      .click();
    await decide(/审核通过/);
    await expectSteps(['已完成', '已完成', '已完成', '已完成', '办理中', '未开始'], '审批中');
    await expectProgress('审批中', '登簿', ['finish', 'finish', 'finish', 'finish', 'process', 'wait']);

    // The approver returns it for rework: both parallel steps are worked again.
    await as('zr_approver');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    expect(
      await page
        .locator('.cs-actions')
        .getByRole('button', { name: /提交审批/ })
        .count(),
    ).toBe(0);
    await decide(/退回重办/, { 原因: '税费核定的计税价格与网签合同不符' });
    await expectSteps(['已完成', '已完成', '办理中', '办理中', '未开始', '未开始'], '退回重办');
    await expectProgress('退回重办', '登记审核、税费核定征收', [
      'finish',
      'finish',
      'process',
      'process',
      'wait',
      'wait',
    ]);

    await as('sw_handler');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    // No form behind 重新办理: one click.
    await page
      .locator('.cs-actions')
      .getByRole('button', { name: /重新办理/ })
      .click();
    await page.locator('.ant-card-head').getByText('办理中', { exact: true }).waitFor();
    await stepRow('税费核定征收').getByRole('button', { name: '办结“税费核定征收”' }).click();
    await expectSteps(['已完成', '已完成', '办理中', '已完成', '未开始', '未开始'], '审核中');
    await as('zr_reviewer');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await decide(/审核通过/);
    await expectSteps(['已完成', '已完成', '已完成', '已完成', '办理中', '未开始'], '审批中');

    // 批准: 登簿 is done in the table the moment the case is approved.
    await as('zr_approver');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await decide(/^批\s*准$/);
    await expectSteps(['已完成', '已完成', '已完成', '已完成', '已完成', '办理中'], '审批通过');

    // The window completes, hands over the certificate and files the case.
    await as('clerk');
    await page.goto(`${baseUrl()}/cases/${caseId}`);
    await decide(/^办\s*结$/, { '办理结果摘要（如证照编号）': '不动产权证书 川(2026)青川县不动产权第0001234号' });
    await expectSteps(['已完成', '已完成', '已完成', '已完成', '已完成', '已完成'], '办结');
    await decide(/领取登记/, { 领取人: '赵建国', 领取人证件号码: idNumber });
    await decide(/^归\s*档$/);
    await expectSteps(['已完成', '已完成', '已完成', '已完成', '已完成', '已完成'], '已归档');
    await expectProgress('已归档', '—', ['finish', 'finish', 'finish', 'finish', 'finish', 'finish']);
    await page.screenshot({ path: '/tmp/ow-case-process.png', fullPage: true });
  }, 240_000);
});
