import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, marks, person, publishedItem } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
let clerk: Session;
let hallId: string;
let itemId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'NUM-1');
});
afterAll(() => hall.close());

const serial = (no: string) => Number(no.slice(-6));

async function receptions(n: number, materials = complete()) {
  const applicantId = await person(clerk, hallId);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await clerk.post('/api/intake/receptions', { itemId, applicantId, materials });
    ids.push(json(res).id);
  }
  return ids;
}

describe('case and document numbers', () => {
  it('gives 50 concurrent acceptances 50 distinct consecutive case numbers, and their receipts likewise', async () => {
    const ids = await receptions(50);
    const results = await Promise.all(ids.map((id) => clerk.post(`/api/cases/${id}/accept`)));
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const cases = results.map((r) => json(r));
    const numbers = cases.map((c) => c.caseNo as string);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.every((n) => /^QCX-ZWFW-2026-\d{6}$/.test(n))).toBe(true);
    const sorted = numbers.map(serial).sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: 50 }, (_, i) => sorted[0]! + i));
    expect(sorted[0]).toBe(1);
    const receipts = cases.map((c) => serial(c.documents[0].docNo)).sort((a, b) => a - b);
    expect(receipts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('never reuses a number: a second accept of the same case is refused, and the next case continues the series', async () => {
    const [id] = await receptions(1);
    const both = await Promise.all([clerk.post(`/api/cases/${id}/accept`), clerk.post(`/api/cases/${id}/accept`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const first = json(both.find((r) => r.statusCode === 200)!);
    expect(serial(first.caseNo)).toBe(51);
    const [next] = await receptions(1);
    expect(serial(json(await clerk.post(`/api/cases/${next}/accept`)).caseNo)).toBe(52);
  });

  it('numbers one-time notices in their own series, concurrently too', async () => {
    const ids = await receptions(10, marks({ licence: { status: 'missing', copies: 0, pages: 0 } }));
    const results = await Promise.all(ids.map((id) => clerk.post(`/api/cases/${id}/one-time-notice`, {})));
    const notices = results.map((r) => serial(json(r).documents[0].docNo)).sort((a, b) => a - b);
    expect(notices).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(results.every((r) => json(r).documents[0].docNo.includes('-GZ-2026-'))).toBe(true);
  });
});
