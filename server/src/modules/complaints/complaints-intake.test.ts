/**
 * 投诉举报 registration: the acknowledgement, masking and time limit, the refusals naming the field, the per-type time
 * limit (12345 work orders and simple cases closed on the spot are in complaints.test.ts, whose analysis counts them);
 * the progress notice before the deadline; a retried registration, and the logs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, type SupportHall } from '../../../test/case-support-fixtures.ts';
import { complaintForms, complaintsHall } from '../../../test/complaints-fixtures.ts';
import { buildTestHall, json, Session as Anon, signedIn } from '../../../test/helpers.ts';
import { sweepComplaintProgress } from './sweep-service.ts';

let h: SupportHall;
const { base, register, noticesOf, everything } = complaintForms(() => h);

beforeAll(async () => {
  ({ h } = await complaintsHall());
});
afterAll(() => h.hall.close());

describe('registering a complaint (R9.1, R9.2)', () => {
  it('acknowledges at once, masks the phone, sets 5 working days and keeps names out of the audit', async () => {
    const c = await register(h.s.clerk);
    expect(c.number).toMatch(/^TS2026\d{5}$/);
    expect(c.lookupCode).toMatch(/^[0-9A-F]{8}$/);
    expect(c.state).toBe('open');
    expect(c.receivedDay).toBe('2026-03-02');
    expect(c.dueDay).toBe('2026-03-09');
    expect(c.contact).toBe('138****1234');
    expect(c.complainant).toBe('王小明');
    expect(c.steps[0].action).toBe('registered');
    expect(c.actions).toEqual(['assign', 'note', 'reply']);
    const acks = await noticesOf('complaint_received');
    expect(acks.length).toBe(1);
    expect(acks[0]!.body).toContain(c.number);
    const audit = await everything();
    expect(audit).not.toContain('王小明');
    expect(audit).not.toContain('13800001234');
    const list = json(await h.s.clerk.get(`/api/complaints?hallId=${h.hallId}`)).items;
    expect(JSON.stringify(list)).not.toContain('13800001234');
  });

  it('names the field of bad input', async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await h.s.clerk.post('/api/complaints', base(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res).field).toBe(field);
    };
    await bad({ anonymous: true, name: undefined, phone: undefined }, 'anonymous');
    await bad({ channel: 'hotline' }, 'workOrderNo');
    await bad({ name: undefined }, 'name');
    await bad({ phone: undefined }, 'phone');
    await bad({ simple: true }, 'reply');
    await bad({ caseNo: 'NOPE-1' }, 'caseNo');
  });

  it('takes the per-type time limit the supervisor sets; a clerk may not set it', async () => {
    expect(
      (await h.s.clerk.put('/api/complaints/type-days', { hallId: h.hallId, category: 'efficiency', days: 3 }))
        .statusCode,
    ).toBe(403);
    const set = await ok(
      await h.s.supervisor.put('/api/complaints/type-days', { hallId: h.hallId, category: 'efficiency', days: 3 }),
    );
    expect(set.items.find((i: { category: string }) => i.category === 'efficiency').days).toBe(3);
    const c = await register(h.s.clerk, { category: 'efficiency' });
    expect(c.dueDay).toBe('2026-03-05');
  });
});

describe('handling to the written reply (R9.2, R9.3)', () => {
  it('queues one progress notice per round on the working day before the deadline', async () => {
    const fresh = await import('../../../test/case-support-fixtures.ts').then((m) => m.supportHall());
    try {
      let clerk = fresh.s.clerk;
      const c = ok(await clerk.post('/api/complaints', { ...base(), hallId: fresh.hallId }), 201);
      const id = (await c).id as string;
      const sweep = () => sweepComplaintProgress(fresh.hall.ctx);
      const day = 24 * 3_600_000;
      const later = async (n: number) => {
        fresh.hall.clock.advance(n * day);
        clerk = await signedIn(fresh.hall.app, 'clerk');
      };
      await later(3); // Thu 5 March: too early
      expect(await sweep()).toBe(0);
      await later(1); // Fri 6 March: the working day before Mon 9 March
      expect(await sweep()).toBe(1);
      expect(await sweep()).toBe(0);
      const d = await ok(await clerk.get(`/api/complaints/${id}`));
      expect(d.steps.some((s: { action: string }) => s.action === 'progress_notice')).toBe(true);
      const progress = await fresh.hall.ctx.db
        .selectFrom('notices')
        .select('dedupe_key')
        .where('event', '=', 'complaint_progress')
        .execute();
      expect(progress.length).toBe(1);
      // Replied: the clock stops and a re-opening starts a round of its own.
      await ok(await clerk.post(`/api/complaints/${id}/reply`, { reply: '已处理' }));
      await later(3); // Mon 9 March
      await ok(await clerk.post(`/api/complaints/${id}/reopen`, { reason: '不认可' }));
      expect(await sweep()).toBe(0);
      await later(3); // Thu 12 March, deadline Mon 16 March
      expect(await sweep()).toBe(0);
      await later(1); // Fri 13 March
      expect(await sweep()).toBe(1);
      const light = (await ok(await clerk.get(`/api/complaints?hallId=${fresh.hallId}`))).items[0].light;
      expect(light).toBe('green');
      await later(4); // Tue 17 March: overdue
      expect((await ok(await clerk.get(`/api/complaints?hallId=${fresh.hallId}`))).items[0].light).toBe('red');
    } finally {
      await fresh.hall.close();
    }
  });
});

describe('retries and logs', () => {
  it('a retried registration with the same Idempotency-Key registers once', async () => {
    const key = { 'idempotency-key': 'complaint-retry-0001' };
    const first = await h.s.clerk.post('/api/complaints', base({ matter: '重试登记一次' }), key);
    const second = await h.s.clerk.post('/api/complaints', base({ matter: '重试登记一次' }), key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(json(second).number).toBe(json(first).number);
    const rows = await h.hall.ctx.db
      .selectFrom('complaints')
      .select('id')
      .where('matter', '=', '重试登记一次')
      .execute();
    expect(rows.length).toBe(1);
  });

  it('never writes a reporter into the logs', async () => {
    const lines: string[] = [];
    const logged = await buildTestHall({ logTo: { write: (l: string) => void lines.push(l) } });
    try {
      const hallId = json(await (await signedIn(logged.app, 'clerk')).get('/api/auth/me')).halls[0].id;
      const receipt = json(
        await new Anon(logged.app).post('/api/public/complaints', {
          hallId,
          kind: 'report',
          category: 'integrity',
          name: '吴隐名',
          phone: '13699990000',
          matter: '举报收取好处费',
        }),
      );
      await new Anon(logged.app).get(
        `/api/public/complaints/lookup?number=${receipt.number}&code=${receipt.lookupCode}`,
      );
      const inspector = await signedIn(logged.app, 'supervisor');
      const list = json(await inspector.get(`/api/complaints?hallId=${hallId}`)).items;
      await inspector.get(`/api/complaints/${list[0].id}`);
      expect(lines.length).toBeGreaterThan(0);
      const all = lines.join('');
      expect(all).not.toMatch(/吴隐名|13699990000/);
      expect(all).not.toContain(receipt.lookupCode);
    } finally {
      await logged.close();
    }
  });
});
