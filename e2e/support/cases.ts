import type { BrowserContext, Page } from 'playwright-core';
import { mod112CheckChar } from '../../server/src/domain/identity/index.ts';
import { baseUrl } from './browser.ts';
import { type Api, apiOf, signInRequest } from './session.ts';

/**
 * A valid resident ID number of a person born in the county between 1960 and 1999, new on each call. The birthday is
 * drawn too: with only the 800 sequence numbers of one birthday, two of the suite's dozens of registrations met now
 * and then, and 收件受理 rightly found the earlier person instead of offering to register a new one.
 */
export function freshIdNumber(): string {
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 40 * 365) * 86_400_000);
  const day = born.toISOString().slice(0, 10).replaceAll('-', '');
  const body = `510812${day}${String(100 + Math.floor(Math.random() * 800))}`;
  return body + mod112CheckChar(body);
}

/** The signed-in account's first hall. */
export async function myHallId(api: Api): Promise<string> {
  return (await api('GET', '/api/auth/me')).halls[0].id as string;
}

/** What a test asks of an item: of its catalogue row first, then of its content (materials and steps). */
export type ItemTest = {
  item?: (item: any) => boolean;
  content?: (content: any, item: any) => boolean | Promise<boolean>;
};

/** The first published item of the hall (catalogue order) that passes `test`, with its content. */
export async function findItem(
  api: Api,
  hallId: string,
  test: ItemTest,
): Promise<{ item: any; content: any } | undefined> {
  const items = (await api('GET', `/api/catalog/items?hallId=${hallId}&status=published&pageSize=100`)).items as any[];
  for (const item of items.filter((i) => test.item?.(i) ?? true)) {
    const content = (await api('GET', `/api/catalog/items/${item.id}`)).content;
    if (await (test.content?.(content, item) ?? true)) return { item, content };
  }
  return undefined;
}

/**
 * Registers a new applicant and receives the item with every material received (conditional ones not applicable),
 * except the material `missing` names; returns the reception, ready to be accepted.
 */
export async function receive(
  api: Api,
  opts: { hallId: string; item: any; content: any; name: string; missing?: string },
): Promise<{ id: string }> {
  const applicant = await api('POST', '/api/applicants', {
    hallId: opts.hallId,
    kind: 'person',
    name: opts.name,
    docType: 'resident_id',
    docNumber: freshIdNumber(),
    phone: '13912340000',
    address: '青川县乔庄镇',
  });
  const materials = opts.content.materials.map((m: any) =>
    m.key === opts.missing
      ? { key: m.key, status: 'missing' }
      : m.requirement === 'conditional'
        ? { key: m.key, status: 'not_applicable' }
        : { key: m.key, status: 'received', copies: m.copies, pages: 1 },
  );
  return api('POST', '/api/intake/receptions', { itemId: opts.item.id, applicantId: applicant.id, materials });
}

/**
 * As the signed-in clerk, through the API: a case accepted for the first published committed item that passes
 * `test`, every material received. Returns the case as the server answers it (id, caseNo, deadline, steps…).
 */
export async function acceptedCase(page: Page, name: string, test: ItemTest = {}): Promise<any> {
  const api = apiOf(page);
  const hallId = await myHallId(api);
  const committed = (item: any) => item.kind === 'committed' && (test.item?.(item) ?? true);
  const found = await findItem(api, hallId, { ...test, item: committed });
  if (!found) throw new Error('no published committed item fits');
  const reception = await receive(api, { hallId, ...found, name });
  return api('POST', `/api/cases/${reception.id}/accept`);
}

/** On the clerk's 收件受理 screen: looks the ID number up, registers the new applicant and waits for the masked number. */
export async function registerAtWindow(
  page: Page,
  person: { idNumber: string; name: string; phone: string },
): Promise<void> {
  await page.getByRole('menuitem', { name: /收件受理/ }).click();
  await page.getByLabel('查找申请人').fill(person.idNumber);
  await page.getByLabel('查找申请人').press('Enter');
  await page.getByText('未找到，请在下方登记。').waitFor();
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('手机号码').fill(person.phone);
  await page.getByRole('button', { name: /^登\s*记$/ }).click();
  await page
    .getByText(new RegExp(`${person.idNumber.slice(0, 4)}.*${person.idNumber.slice(-4)}`))
    .first()
    .waitFor();
}

/** Chooses the item on the reception screen (typed `search`, option `title`) and waits for its expected date. */
export async function chooseItem(page: Page, search: string, title: RegExp): Promise<void> {
  await page.getByLabel('办理事项').click();
  await page.getByLabel('办理事项').fill(search);
  await page.getByTitle(title).click();
  await page
    .getByTestId('expected-date')
    .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
    .waitFor();
}

/** Presses 受理 on the reception screen, closes the receipt tab it opens and returns the new case number. */
export async function acceptAtWindow(page: Page): Promise<string> {
  const receiptTab = page.context().waitForEvent('page');
  await page.getByRole('button', { name: /^受理/ }).click();
  const title = await page.getByText(/已受理，办件编号 [A-Z]+-[A-Z]+-\d{4}-\d{6}/).innerText();
  await (await receiptTab).close();
  return /[A-Z]+-[A-Z]+-\d{4}-\d{6}/.exec(title)![0];
}

/** The public progress page (no account) in a new tab, showing the case found by its number and phone digits. */
export async function openProgress(page: Page, caseNo: string, phoneLast4: string): Promise<Page> {
  const p = await page.context().newPage();
  await p.goto(`${baseUrl()}/progress`);
  await p.getByLabel('办件编号').fill(caseNo);
  await p.getByLabel('手机号码后四位').fill(phoneLast4);
  await p.getByRole('button', { name: /查\s*询/ }).click();
  await p.locator('.ant-descriptions-item').filter({ hasText: '办理状态' }).waitFor();
  return p;
}

/** An applicant registered at the window by the clerk over the context's requests (no page); the context signs out. */
export async function applicantRegisteredByClerk(
  context: BrowserContext,
  person: { name: string; docNumber: string; phone: string; address?: string },
): Promise<string> {
  const request = context.request;
  await signInRequest(request, 'clerk');
  const me = await (await request.get(`${baseUrl()}/api/auth/me`)).json();
  const created = await request.post(`${baseUrl()}/api/applicants`, {
    data: { hallId: me.halls[0].id, kind: 'person', docType: 'resident_id', ...person },
  });
  if (!created.ok()) throw new Error(`applicant: ${created.status()} ${await created.text()}`);
  await context.clearCookies();
  return (await created.json()).id as string;
}
