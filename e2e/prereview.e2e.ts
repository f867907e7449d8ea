/**
 * 网上预审 end to end: an applicant applies on a 390 px phone with uploads; the clerk returns it once for
 * correction at the 1440 px desk; the applicant corrects and resubmits; the clerk passes it; at the window the clerk
 * accepts it from the pre-review without typing anything, and the case carries the identity, contact and uploads,
 * its deadline counted from the acceptance.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser } from './support/browser.ts';
import { findItem, freshIdNumber, myHallId } from './support/cases.ts';
import { resetServerTime, setServerTime } from './support/clock.ts';
import { apiOf, screenshotOnFailure, signIn } from './support/session.ts';

const shots = process.env.SCREENSHOT_DIR ?? '/tmp/ow-prereview';
fs.mkdirSync(shots, { recursive: true });

let browser: Awaited<ReturnType<typeof openBrowser>>;
let desk: Page;
let phone: Page;

beforeAll(async () => {
  // Monday 2026-12-07, 09:30 in the hall.
  setServerTime('2026-12-07T01:30:00Z');
  browser = await openBrowser();
  desk = await browser.context.newPage();
  await desk.setViewportSize({ width: 1440, height: 900 });
  phone = await browser.context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
});
afterAll(async () => {
  resetServerTime();
  await browser?.close();
});
screenshotOnFailure(() => phone, 'prereview-phone');
screenshotOnFailure(() => desk, 'prereview-desk');

/** A small real PDF page; `tag` makes each file's bytes (and so its hash) its own. */
const pdf = (tag: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% ${tag}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

const noSideScroll = async (p: Page) =>
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

const uploadOnPhone = async (name: string, file: string) => {
  await phone
    .getByLabel(`上传/拍照 ${name}`, { exact: true })
    .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: pdf(file) });
  await phone.getByText(`已上传“${file}”`).waitFor();
};

describe('网上预审: apply on a phone, pre-review with one return, accept at the window', () => {
  let itemId = '';
  let itemName = '';
  let required: string[] = [];
  let promisedDays = 0;
  let hallId = '';
  let number = '';
  let appId = '';
  const applicant = { name: '周雪梅', id: freshIdNumber(), phone: '13655501234' };

  it('the hall opens an item to online pre-review', { timeout: 60_000 }, async () => {
    await signIn(desk, 'head');
    const api = apiOf(desk);
    hallId = await myHallId(api);
    const base = await findItem(api, hallId, {
      content: (c) =>
        c.kind === 'committed' && c.materials.filter((m: any) => m.requirement === 'required').length >= 2,
    });
    if (!base) throw new Error('no committed item with two required materials in the demo hall');
    itemName = `网上预审演示：${base.content.name}`;
    const code = `YS${String(Date.now()).slice(-6)}`;
    const content = { ...base.content, name: itemName, onlinePrereview: { allowed: true, limitDays: 2 } };
    const created = await api('POST', '/api/catalog/items', { hallId, code, content });
    await api('POST', `/api/catalog/items/${created.id}/publish`);
    itemId = created.id;
    required = content.materials.filter((m: any) => m.requirement === 'required').map((m: any) => m.name);
    promisedDays = content.promisedDays;
    // The item editor shows the switch and the limit.
    await desk.goto(`${baseUrl()}/catalog/${itemId}`);
    const allowed = desk.getByLabel('可网上预审');
    await allowed.waitFor();
    expect(await allowed.getAttribute('aria-checked')).toBe('true');
    expect(await desk.getByLabel('预审时限').inputValue()).toBe('2');
    await desk.screenshot({ path: `${shots}/desk-0-item-editor.png`, fullPage: true });
  });

  it('the applicant applies and uploads on a 390 px phone', { timeout: 120_000 }, async () => {
    await phone.goto(`${baseUrl()}/guide/${itemId}`);
    await phone.getByText('本事项支持网上预审').waitFor();
    await phone.getByRole('button', { name: '网上预审申请' }).click();
    await phone.getByLabel('申请人姓名/名称').fill(applicant.name);
    await phone.getByLabel('证件号码').fill(applicant.id);
    await phone.getByLabel('联系电话').fill(applicant.phone);
    await phone.getByLabel('联系地址').fill('青川县乔庄镇清江路12号');
    await noSideScroll(phone);
    await phone.screenshot({ path: `${shots}/phone-1-apply.png`, fullPage: true });
    await phone.getByRole('button', { name: /下一步/ }).click();
    await phone.getByText('申请已创建').waitFor();
    number = await phone.getByTestId('pr-number').innerText();
    expect(number).toMatch(/^YS-/);
    // Sending with a required material missing is refused with its name.
    await phone.getByRole('button', { name: /提交预审/ }).click();
    await phone.getByText(`请上传以下必需材料：${required.join('、')}`).waitFor();
    for (const [i, name] of required.entries()) await uploadOnPhone(name, `材料${i + 1}.pdf`);
    await noSideScroll(phone);
    await phone.screenshot({ path: `${shots}/phone-2-uploaded.png`, fullPage: true });
    await phone.getByRole('button', { name: /提交预审/ }).click();
    await phone.getByText('预审中').first().waitFor();
    // Two working days from Monday.
    await phone.getByText('预审期限：2026-12-09 前（2 个工作日）').waitFor();
    await noSideScroll(phone);
    await phone.screenshot({ path: `${shots}/phone-3-submitted.png`, fullPage: true });
  });

  it('the clerk returns it once, naming what to correct', { timeout: 90_000 }, async () => {
    await signIn(desk, 'clerk');
    await desk.goto(`${baseUrl()}/prereviews`);
    const row = desk.getByRole('row').filter({ hasText: number });
    await row.waitFor();
    await row.getByText('2026-12-09').waitFor();
    await row.getByRole('button', { name: /预\s*审/ }).click();
    await desk.getByText(applicant.name).nth(1).waitFor();
    // The identity is masked on the desk.
    await desk.getByText(`${applicant.id.slice(0, 4)}**********${applicant.id.slice(-4)}`).waitFor();
    await desk.screenshot({ path: `${shots}/desk-1-open.png`, fullPage: true });
    await desk.getByRole('button', { name: '退回补正' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: required[1] }).check();
    await dialog.getByLabel(`补正要求 ${required[1]}`).fill('扫描件不清晰，请重新扫描上传彩色件');
    await desk.screenshot({ path: `${shots}/desk-2-return.png`, fullPage: true });
    await dialog.getByRole('button', { name: '退回补正' }).click();
    await desk.getByText('已退回补正，告知申请人').waitFor();
    appId = (await apiOf(desk)('GET', '/api/prereview?state=returned')).items.find((i: any) => i.number === number).id;
  });

  it('the applicant reads the one-time notice, corrects and resubmits', { timeout: 90_000 }, async () => {
    await phone.reload();
    await phone.getByText('补正告知（一次性告知）').waitFor();
    await phone.getByText('扫描件不清晰，请重新扫描上传彩色件').waitFor();
    await noSideScroll(phone);
    await phone.screenshot({ path: `${shots}/phone-4-notice.png`, fullPage: true });
    await uploadOnPhone(required[1] as string, '材料2-重新扫描.pdf');
    // The next day: the clock starts again from the resubmission.
    setServerTime('2026-12-08T02:00:00Z');
    await phone.getByRole('button', { name: /补正后重新提交/ }).click();
    await phone.getByText('预审期限：2026-12-10 前（2 个工作日）').waitFor();
  });

  it('the clerk passes it; the applicant is told to come once', { timeout: 90_000 }, async () => {
    await signIn(desk, 'clerk');
    await desk.goto(`${baseUrl()}/prereviews`);
    const row = desk.getByRole('row').filter({ hasText: number });
    await row.getByRole('button', { name: /预\s*审/ }).click();
    await desk.getByText('第 2 次提交').first().waitFor();
    await desk.getByRole('link', { name: '材料2-重新扫描.pdf' }).waitFor();
    await desk.screenshot({ path: `${shots}/desk-3-resubmitted.png`, fullPage: true });
    await desk.getByRole('button', { name: '预审通过' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('预约到窗口的时间（可选）').fill('12月10日上午 2号窗口');
    await dialog.getByLabel('给申请人的说明（携带原件等）').fill('请携带身份证及全部材料原件');
    await dialog.getByRole('button', { name: '预审通过' }).click();
    await desk.getByText('已预审通过').waitFor();
    await phone.reload();
    await phone.getByText('12月10日上午 2号窗口').waitFor();
    await noSideScroll(phone);
    await phone.screenshot({ path: `${shots}/phone-5-passed.png`, fullPage: true });
  });

  it('at the window the clerk accepts it without typing; the case carries everything', {
    timeout: 120_000,
  }, async () => {
    // The applicant comes on Thursday; the deadline counts from then.
    setServerTime('2026-12-10T01:45:00Z');
    await signIn(desk, 'clerk');
    await desk.goto(`${baseUrl()}/reception?tab=prereview`);
    await desk.getByLabel('从网上预审受理：选择已通过预审的申请').click();
    await desk.locator('.ant-select-item-option').filter({ hasText: number }).click();
    await desk.getByText('12月10日上午 2号窗口').waitFor();
    await desk.screenshot({ path: `${shots}/desk-4-pick.png`, fullPage: true });
    await desk.getByRole('button', { name: /核对原件，受理/ }).click();
    await desk
      .getByText(/已受理/)
      .first()
      .waitFor();
    await desk.screenshot({ path: `${shots}/desk-5-accepted.png`, fullPage: true });

    const api = apiOf(desk);
    const app = await api('GET', `/api/prereview/${appId}`);
    expect(app.state).toBe('accepted');
    const c = await api('GET', `/api/cases/${app.caseId}`);
    expect(c.applicant).toMatchObject({ name: applicant.name, phone: '136****1234' });
    expect(c.applicant.docNumber).toBe(`${applicant.id.slice(0, 4)}**********${applicant.id.slice(-4)}`);
    expect(c.acceptedDay).toBe('2026-12-10');
    const due = await api('GET', `/api/calendar/deadline?from=2026-12-10&days=${promisedDays}&hallId=${hallId}`);
    expect(c.deadline).toBe(due.deadline);
    const scans = await api('GET', `/api/cases/${app.caseId}/scans`);
    const names = scans.materials.flatMap((m: any) => m.scans.map((s: any) => s.name));
    // The file the correction replaced stays on the application's record, not in the case.
    const carried = required.map((_n, i) => (i === 1 ? '材料2-重新扫描.pdf' : `材料${i + 1}.pdf`));
    expect(names.sort()).toEqual(carried.sort());
    await phone.reload();
    await phone.getByText('已在窗口受理').waitFor();
    await phone.getByText(`受理编号 ${c.caseNo}`).waitFor();
  });
});
