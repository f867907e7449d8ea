import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let head: Session;
let hallId: string;
let windowIds: string[];
let payFirstItem: string;
let payLaterItem: string;
const today = '2026-03-02';

// A window-only process: received and completed at the window, so the test reaches 办结 at once.
const windowProcess = {
  approvalLevel: 'window',
  steps: [
    { key: 's1', name: '受理', order: 1, role: 'clerk', departmentId: null, limitDays: 0 },
    { key: 's2', name: '办结', order: 2, role: 'clerk', departmentId: null, limitDays: 1 },
  ],
  feeItems: [
    { name: '工本费', amountFen: 2_000 },
    { name: '证照费', amountFen: 48_000 },
  ],
  feeNote: '按省物价局核定标准收取',
};

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  windowIds = json(await head.get(`/api/windows?hallId=${hallId}`))
    .items.filter((w: any) => w.status === 'active')
    .slice(0, 3)
    .map((w: any) => w.id);
  payFirstItem = await publishedItem(head, hallId, departmentId, 'FEE-01', {
    ...windowProcess,
    payBeforeCompletion: true,
  });
  payLaterItem = await publishedItem(head, hallId, departmentId, 'FEE-02', windowProcess);
});
afterAll(() => hall.close());

async function acceptedCase(itemId: string): Promise<string> {
  const applicantId = await person(clerk, hallId);
  const res = await clerk.post('/api/intake/acceptances', {
    itemId,
    applicantId,
    windowId: windowIds[0],
    materials: complete(),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return json(res).id;
}

describe('收费: the fee from the catalogue, payments with the fiscal receipt number, 先缴费后办结', () => {
  it('refuses 办结 while a pay-first fee is owed, and completes once it is paid', async () => {
    const id = await acceptedCase(payFirstItem);
    const fees = json(await clerk.get(`/api/cases/${id}/fees`));
    expect(fees).toMatchObject({ dueFen: 50_000, paidFen: 0, owedFen: 50_000, payFirst: true });
    expect(fees.items.map((i: any) => i.name)).toEqual(['工本费', '证照费']);
    const refused = await clerk.post(`/api/cases/${id}/complete`, { outcome: 'success', summary: '准予' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(json(refused)).toMatchObject({ code: 'FEE_UNPAID', field: 'fee' });
    expect(json(refused).message).toContain('500.00');
    const part = await clerk.post(`/api/cases/${id}/fees/payments`, {
      amountFen: 20_000,
      method: 'scan',
      receiptNo: 'CZ2026-00001',
    });
    expect(part.statusCode, part.body).toBe(200);
    const still = await clerk.post(`/api/cases/${id}/complete`, { outcome: 'success', summary: '准予' });
    expect(json(still).message).toContain('300.00');
    await clerk.post(`/api/cases/${id}/fees/payments`, {
      amountFen: 30_000,
      method: 'cash',
      receiptNo: 'CZ2026-00002',
    });
    const done = await clerk.post(`/api/cases/${id}/complete`, { outcome: 'success', summary: '准予' });
    expect(done.statusCode, done.body).toBe(200);
    expect(json(done).state).toBe('completed');
    expect(json(done).events.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['feePayment', 'feePayment', 'complete']),
    );
  });

  it('lets an item that collects later complete unpaid', async () => {
    const id = await acceptedCase(payLaterItem);
    const done = await clerk.post(`/api/cases/${id}/complete`, { outcome: 'success', summary: '准予' });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('validates payments and refunds, naming the field; a refund is approved once and by someone else', async () => {
    const id = await acceptedCase(payLaterItem);
    const bad: [Record<string, unknown>, string][] = [
      [{ amountFen: 60_000, method: 'cash', receiptNo: 'CZ2026-10001' }, 'amountFen'],
      [{ amountFen: 12.5, method: 'cash', receiptNo: 'CZ2026-10001' }, 'amountFen'],
      [{ amountFen: 100, method: 'gold', receiptNo: 'CZ2026-10001' }, 'method'],
      [{ amountFen: 100, method: 'cash', receiptNo: '票据' }, 'receiptNo'],
    ];
    for (const [body, field] of bad) {
      const res = await clerk.post(`/api/cases/${id}/fees/payments`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res)).toMatchObject({ code: 'VALIDATION', field });
    }
    const paid = json(
      await clerk.post(`/api/cases/${id}/fees/payments`, {
        amountFen: 50_000,
        method: 'card',
        receiptNo: 'CZ2026-10002',
      }),
    );
    const paymentId = paid.entries[0].id;
    const over = await clerk.post(`/api/cases/${id}/fees/refunds`, { paymentId, amountFen: 50_001, reason: '多收' });
    expect(json(over).field).toBe('amountFen');
    const asked = json(
      await clerk.post(`/api/cases/${id}/fees/refunds`, { paymentId, amountFen: 2_000, reason: '多收' }),
    );
    const refund = asked.entries.find((e: any) => e.kind === 'refund');
    expect(refund.status).toBe('requested');
    expect(asked.paidFen).toBe(50_000);
    // The clerk who asked cannot approve; the supervisor can, once.
    expect((await clerk.post(`/api/fees/refunds/${refund.id}/decision`, { approve: true })).statusCode).toBe(403);
    const self = await supervisor.post(`/api/fees/refunds/${refund.id}/decision`, { approve: true });
    expect(self.statusCode, self.body).toBe(200);
    expect((await head.post(`/api/fees/refunds/${refund.id}/decision`, { approve: false })).statusCode).toBe(409);
    const after = json(await clerk.get(`/api/cases/${id}/fees`));
    expect(after).toMatchObject({ paidFen: 48_000, owedFen: 2_000 });
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .where('action', 'like', 'fee.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['fee.payment', 'fee.refund_approve', 'fee.refund_request']);
  });
});

type Line = { payments: number; paymentsFen: number; refunds: number; refundsFen: number; netFen: number };
const zero = (): Line => ({ payments: 0, paymentsFen: 0, refunds: 0, refundsFen: 0, netFen: 0 });

describe('收费日报: the daily report equals the sums of the payments and approved refunds', () => {
  it('holds for random payments and refunds over windows and methods (property)', async () => {
    // The model: the same day, accumulated over every run, per window and for the hall.
    const base = json(await supervisor.get(`/api/fees/daily?hallId=${hallId}&day=${today}`));
    const model = new Map<string, Line>();
    const counts = (l: Line): Line => ({
      payments: l.payments,
      paymentsFen: l.paymentsFen,
      refunds: l.refunds,
      refundsFen: l.refundsFen,
      netFen: l.netFen,
    });
    const total: Line = counts(base.total);
    const byMethod = { ...base.total.byMethodFen } as Record<string, number>;
    for (const l of base.lines) model.set(l.windowId ?? '', counts(l));
    let n = 0;
    const op = fc.record({
      amount: fc.integer({ min: 1, max: 9_000 }),
      window: fc.integer({ min: 0, max: 2 }),
      method: fc.constantFrom('cash', 'card', 'scan'),
      refund: fc.option(fc.record({ share: fc.double({ min: 0.01, max: 1, noNaN: true }), approve: fc.boolean() })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 4 }), async (ops) => {
        const id = await acceptedCase(payLaterItem);
        for (const o of ops) {
          const windowId = windowIds[o.window % windowIds.length]!;
          const res = await clerk.post(`/api/cases/${id}/fees/payments`, {
            amountFen: o.amount,
            method: o.method,
            receiptNo: `CZ-P-${++n}`,
            windowId,
          });
          expect(res.statusCode, res.body).toBe(200);
          const line = model.get(windowId) ?? zero();
          model.set(windowId, line);
          for (const l of [line, total]) {
            l.payments += 1;
            l.paymentsFen += o.amount;
            l.netFen += o.amount;
          }
          byMethod[o.method] = (byMethod[o.method] ?? 0) + o.amount;
          if (!o.refund) continue;
          const payment = json(res).entries.find((e: any) => e.receiptNo === `CZ-P-${n}`);
          const amountFen = Math.max(1, Math.floor(o.amount * o.refund.share));
          const asked = json(
            await clerk.post(`/api/cases/${id}/fees/refunds`, { paymentId: payment.id, amountFen, reason: '退费' }),
          );
          const refund = asked.entries.find((e: any) => e.refundOf === payment.id && e.status === 'requested');
          const decided = await supervisor.post(`/api/fees/refunds/${refund.id}/decision`, {
            approve: o.refund.approve,
          });
          expect(decided.statusCode, decided.body).toBe(200);
          if (!o.refund.approve) continue;
          for (const l of [line, total]) {
            l.refunds += 1;
            l.refundsFen += amountFen;
            l.netFen -= amountFen;
          }
          byMethod[o.method] = (byMethod[o.method] ?? 0) - amountFen;
        }
        const r = json(await supervisor.get(`/api/fees/daily?hallId=${hallId}&day=${today}`));
        expect(r.total).toMatchObject(total);
        expect(r.total.byMethodFen).toEqual(byMethod);
        for (const l of r.lines) expect(l).toMatchObject(model.get(l.windowId ?? '')!);
        expect(r.lines).toHaveLength(model.size);
        // The lines add up to the total, and the detail rows to the net.
        expect(r.lines.reduce((s: number, l: any) => s + l.netFen, 0)).toBe(r.total.netFen);
        const net = r.entries.reduce((s: number, e: any) => s + (e.kind === 'payment' ? e.amountFen : -e.amountFen), 0);
        expect(net).toBe(r.total.netFen);
      }),
      { numRuns: 12, endOnFailure: true },
    );
    const sheet = await supervisor.get(`/api/fees/daily/export?hallId=${hallId}&day=${today}`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    // Two tables, two sheets: the per-window summary with the total, and the entries; amounts in yuan as numbers.
    const report = json(await supervisor.get(`/api/fees/daily?hallId=${hallId}&day=${today}`));
    const [summary, entries, ...more] = await readWorkbook(sheet.rawPayload);
    expect(more).toHaveLength(0);
    expect(summary!.name).toBe(`窗口汇总 ${today}`);
    expect(summary!.rows).toHaveLength(report.lines.length + 1);
    const totalRow = summary!.rows.at(-1)!;
    expect(totalRow).toMatchObject({ 窗口: '合计', 缴费笔数: report.total.payments });
    expect(totalRow['净收(元)']).toBeCloseTo(report.total.netFen / 100, 6);
    expect(summary!.sheet.getRow(2).getCell(3).numFmt).toBe('#,##0.00');
    expect(entries!.rows).toHaveLength(report.entries.length);
    const net = entries!.rows.reduce((s, r) => s + (r['净收(元)'] as number), 0);
    expect(net).toBeCloseTo(report.total.netFen / 100, 6);
    for (const r of entries!.rows) {
      expect(r['时间']).toBeInstanceOf(Date);
      expect(typeof r['票据号']).toBe('string');
    }
  });
});
