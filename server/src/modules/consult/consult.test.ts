import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let clerk: Session;
let hallId: string;
let item: { id: string; name: string };
let departments: { id: string; name: string }[];

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  item = json(await clerk.get(`/api/catalog/items?hallId=${hallId}&status=published&pageSize=5`)).items[0];
  departments = json(await clerk.get(`/api/departments?hallId=${hallId}`)).items;
});
afterAll(() => hall.close());

const visit = (over: Record<string, unknown> = {}) => ({
  hallId,
  channel: 'visit',
  personName: '李建华',
  contactPhone: '13912345678',
  question: '个体工商户设立需要带什么材料？',
  ...over,
});

async function register(s: Session = clerk, over: Record<string, unknown> = {}) {
  const res = await s.post('/api/consultations', visit(over));
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

/** Moves the hall clock; sessions idle longer than the timeout end, so the clerk signs in again. */
async function moveTo(iso: string) {
  hall.clock.set(Date.parse(iso));
  clerk = await signedIn(hall.app, 'clerk');
}

async function auditActions(targetId: string) {
  const rows = await hall.ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('target_id', '=', targetId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('registering consultations (R2.1)', () => {
  it('registers a visit: the clerk is first-question owner and handler; the phone is masked', async () => {
    const c = await register();
    expect(c).toMatchObject({
      channel: 'visit',
      status: 'open',
      firstOwnerName: '张伟',
      handlerName: '张伟',
      contactPhone: '139****5678',
    });
    expect(c.number).toMatch(/^ZX-.+-20260302-\d{4}$/);
    expect(c.trail.map((t: { action: string }) => t.action)).toEqual(['register']);
    const listed = json(await clerk.get(`/api/consultations?q=${encodeURIComponent('李建华')}`)).items;
    expect(listed.find((x: { id: string }) => x.id === c.id).contactPhone).toBe('139****5678');
    expect(JSON.stringify(listed)).not.toContain('13912345678');
    expect(await auditActions(c.id)).toEqual(['consult.register']);
  });

  it('registers a phone consultation answered on the spot', async () => {
    const c = await register(clerk, { channel: 'phone', answer: '需要经营者身份证件和经营场所使用证明。' });
    expect(c).toMatchObject({ channel: 'phone', status: 'answered', answeredBy: '张伟' });
    expect(c.trail.map((t: { action: string }) => t.action)).toEqual(['register', 'answer']);
  });

  it('takes an online consultation from the public form; whoever takes it is its first-question owner', async () => {
    const anonymous = new Session(hall.app);
    const res = await anonymous.request(
      'POST',
      '/api/public/consultations',
      {
        hallId,
        personName: '王芳',
        contactPhone: '13700001111',
        question: '网上可以办理营业执照变更吗？',
        itemId: item.id,
      },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const receipt = json(res);
    expect(Object.keys(receipt).sort()).toEqual(['lookupCode', 'number']);
    expect(res.body).not.toContain('13700001111');
    expect(res.body).not.toContain('王芳');

    const unclaimed = json(await clerk.get('/api/consultations?channel=online&status=unclaimed')).items;
    const online = unclaimed.find((x: { number: string }) => x.number === receipt.number);
    expect(online).toMatchObject({ firstOwnerId: null, status: 'unclaimed', itemName: item.name });

    const feedback = await signedIn(hall.app, 'feedback');
    const taken = json(await feedback.post(`/api/consultations/${online.id}/take`));
    expect(taken).toMatchObject({ status: 'open', firstOwnerName: '黄丹', handlerName: '黄丹' });
    expect((await clerk.post(`/api/consultations/${online.id}/take`)).statusCode).toBe(409);

    const answered = json(
      await feedback.post(`/api/consultations/${online.id}/answer`, { answer: '可以在网上提交申请。' }),
    );
    expect(answered.status).toBe('answered');
    const status = json(
      await anonymous.get(`/api/public/consultations/lookup?number=${receipt.number}&code=${receipt.lookupCode}`),
    );
    expect(status).toMatchObject({ status: 'answered', answer: '可以在网上提交申请。' });
    expect(JSON.stringify(status)).not.toContain('王芳');
    expect(
      (await anonymous.get(`/api/public/consultations/lookup?number=${receipt.number}&code=XXXXXX`)).statusCode,
    ).toBe(404);
  });

  it('limits anonymous submissions per address and echoes no personal data', async () => {
    // Each "ip" is the connection's own address: forwarded headers are not believed without a trusted proxy.
    const send = (ip: string) =>
      hall.app.inject({
        method: 'POST',
        url: '/api/public/consultations',
        remoteAddress: ip,
        payload: { hallId, personName: '赵六', contactPhone: '13600002222', question: '咨询' },
      });
    for (let i = 0; i < 5; i++) expect((await send('10.0.0.9')).statusCode).toBe(201);
    const limited = await send('10.0.0.9');
    expect(limited.statusCode).toBe(429);
    expect(json(limited).code).toBe('RATE_LIMITED');
    expect((await send('10.0.0.10')).statusCode).toBe(201);
    hall.clock.advance(10 * 60_000);
    expect((await send('10.0.0.9')).statusCode).toBe(201);
    hall.clock.advance(-10 * 60_000);
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await hall.ctx.db.selectFrom('consultations').select('id').execute();
    const cases: [Record<string, unknown>, string][] = [
      [{ question: '' }, 'question'],
      [{ contactPhone: '12ab' }, 'contactPhone'],
      [{ channel: 'fax' }, 'channel'],
      [{ personName: undefined }, 'personName'],
      [{ itemId: 'no-such-item' }, 'itemId'],
    ];
    for (const [over, field] of cases) {
      const res = await clerk.post('/api/consultations', visit(over));
      expect(res.statusCode, field).toBe(400);
      expect(json(res).field).toBe(field);
    }
    const anon = await hall.app.inject({
      method: 'POST',
      url: '/api/public/consultations',
      remoteAddress: '10.0.0.20',
      payload: { hallId, personName: '', contactPhone: '13600002222', question: '咨询' },
    });
    expect(json(anon).field).toBe('personName');
    const after = await hall.ctx.db.selectFrom('consultations').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('lets only the registering posts register', async () => {
    const reviewer = await signedIn(hall.app, 'reviewer');
    expect((await reviewer.post('/api/consultations', visit())).statusCode).toBe(403);
  });
});

describe('following a consultation to its reply (R2.2–R2.4)', () => {
  it('promises a reply in working days of the hall calendar and turns red once past it', async () => {
    const c = await register();
    const bad = await clerk.post(`/api/consultations/${c.id}/promise`, { days: 0 });
    expect(json(bad).field).toBe('days');
    // Registered Monday 2026-03-02: 3 working days after it is Thursday 2026-03-05.
    const promised = json(
      await clerk.post(`/api/consultations/${c.id}/promise`, { days: 3, note: '需向税务部门核实' }),
    );
    expect(promised).toMatchObject({ status: 'promised', dueDate: '2026-03-05', promisedDays: 3, light: 'green' });

    await moveTo('2026-03-05T02:00:00Z');
    expect(json(await clerk.get(`/api/consultations/${c.id}`)).light).toBe('yellow');
    await moveTo('2026-03-06T02:00:00Z');
    expect(json(await clerk.get(`/api/consultations/${c.id}`)).light).toBe('red');
    const overdue = json(await clerk.get('/api/consultations?overdue=true')).items.map((x: { id: string }) => x.id);
    expect(overdue).toContain(c.id);

    const answered = json(await clerk.post(`/api/consultations/${c.id}/answer`, { answer: '经核实，可以办理。' }));
    expect(answered).toMatchObject({ status: 'answered', light: null });
    expect(answered.trail.find((t: { action: string }) => t.action === 'answer').detail.late).toBe(true);
    expect(
      json(await clerk.get('/api/consultations?overdue=true')).items.map((x: { id: string }) => x.id),
    ).not.toContain(c.id);
  });

  it('counts the promise on the hall calendar: a hall closure moves the date', async () => {
    await moveTo('2026-03-09T02:00:00Z');
    const sysadmin = await signedIn(hall.app, 'sysadmin');
    const closed = await sysadmin.put(`/api/calendar/halls/${hallId}/days/2026-03-10`, {
      kind: 'closed',
      note: '设备检修',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const c = await register();
    const promised = json(await clerk.post(`/api/consultations/${c.id}/promise`, { days: 2 }));
    expect(promised.dueDate).toBe('2026-03-12');
  });

  it('refers the person to another department or an outside body, recorded and told', async () => {
    const c = await register();
    const none = await clerk.post(`/api/consultations/${c.id}/refer`, {
      reason: '不属于本中心职责',
      toldVia: 'on_site',
    });
    expect(json(none).field).toBe('departmentId');
    const dep = departments[0]!;
    const referred = json(
      await clerk.post(`/api/consultations/${c.id}/refer`, {
        departmentId: dep.id,
        reason: '属于该部门职责',
        guidance: '请携带身份证',
        toldVia: 'on_site',
      }),
    );
    expect(referred.status).toBe('referred');
    expect(referred.referralText).toContain(dep.name);
    expect(referred.referralText).toContain('请携带身份证');
    expect(referred.trail.at(-1)).toMatchObject({
      action: 'refer',
      detail: { toldVia: 'on_site', statusFrom: 'open', statusTo: 'referred' },
    });
    expect((await clerk.post(`/api/consultations/${c.id}/answer`, { answer: 'x' })).statusCode).toBe(409);

    const other = await register();
    const outside = json(
      await clerk.post(`/api/consultations/${other.id}/refer`, {
        externalBody: '青川县人民法院',
        reason: '属于诉讼事项',
        toldVia: 'phone',
      }),
    );
    expect(outside.referralText).toContain('青川县人民法院');
    expect(await auditActions(other.id)).toEqual(['consult.register', 'consult.refer']);
  });

  it('hands over to another member of staff; the first-question owner never changes', async () => {
    const c = await register();
    const staff = json(await clerk.get(`/api/consultations/staff?hallId=${hallId}`)).items;
    const handlerUser = staff.find((u: { displayName: string }) => u.displayName === '杨帆');
    expect(handlerUser).toBeTruthy();
    expect(staff.map((u: { displayName: string }) => u.displayName)).not.toContain('孙浩');
    const noNote = await clerk.post(`/api/consultations/${c.id}/handover`, { toUserId: handlerUser.id, note: '' });
    expect(json(noNote).field).toBe('note');

    const handed = json(
      await clerk.post(`/api/consultations/${c.id}/handover`, {
        toUserId: handlerUser.id,
        note: '本人外出培训，请代为答复',
      }),
    );
    expect(handed).toMatchObject({ firstOwnerName: '张伟', handlerName: '杨帆' });
    const handler = await signedIn(hall.app, 'handler');
    const feedback = await signedIn(hall.app, 'feedback');
    expect((await feedback.post(`/api/consultations/${c.id}/answer`, { answer: '...' })).statusCode).toBe(403);
    const answered = json(await handler.post(`/api/consultations/${c.id}/answer`, { answer: '已电话答复。' }));
    expect(answered).toMatchObject({
      status: 'answered',
      firstOwnerName: '张伟',
      firstOwnerId: c.firstOwnerId,
      answeredBy: '杨帆',
    });
    expect(answered.trail.map((t: { action: string; userName: string }) => `${t.action}:${t.userName}`)).toEqual([
      'register:张伟',
      'handover:张伟',
      'answer:杨帆',
    ]);
  });

  it('coordinates a matter for several departments and answers only with all their answers', async () => {
    const c = await register();
    const [a, b] = departments;
    const res = await clerk.post(`/api/consultations/${c.id}/coordinate`, {
      departmentIds: [a!.id, b!.id],
      question: '跨部门联办需要哪些材料？',
    });
    expect(res.statusCode, res.body).toBe(200);
    const coordinating = json(res);
    expect(coordinating.status).toBe('coordinating');
    expect(coordinating.departments.map((d: { departmentName: string }) => d.departmentName)).toEqual([
      a!.name,
      b!.name,
    ]);

    const early = await clerk.post(`/api/consultations/${c.id}/answer`, { answer: '答复' });
    expect(early.statusCode).toBe(409);
    expect(json(early).field).toBe('departments');
    for (const d of coordinating.departments) {
      await clerk.post(`/api/consultations/${c.id}/departments/${d.id}/answer`, {
        answer: `${d.departmentName}意见：可以办理`,
      });
    }
    const answered = json(await clerk.post(`/api/consultations/${c.id}/answer`, { answer: '两部门均同意，可联办。' }));
    expect(answered.status).toBe('answered');
    expect(answered.departments.every((d: { answer: string | null }) => d.answer !== null)).toBe(true);
    expect(
      (await clerk.post(`/api/consultations/${c.id}/coordinate`, { departmentIds: ['nope'], question: 'x' }))
        .statusCode,
    ).toBe(409);
    const other = await register();
    const bad = await clerk.post(`/api/consultations/${other.id}/coordinate`, {
      departmentIds: ['nope'],
      question: 'x',
    });
    expect(json(bad).field).toBe('departmentIds');
  });

  it('shows the full phone only to holders of personal.view, and audits the sight', async () => {
    const c = await register();
    expect((await clerk.get(`/api/consultations/${c.id}/contact`)).statusCode).toBe(403);
    const supervisor = await signedIn(hall.app, 'supervisor');
    expect(json(await supervisor.get(`/api/consultations/${c.id}/contact`)).contactPhone).toBe('13912345678');
    expect(await auditActions(c.id)).toContain('personal.view');
  });

  it('keeps another hall out', async () => {
    const c = await register();
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get(`/api/consultations/${c.id}`)).statusCode).toBe(404);
    expect(
      json(await town.get('/api/consultations?pageSize=100')).items.map((x: { id: string }) => x.id),
    ).not.toContain(c.id);
  });
});

describe('one-time notice of a consultation (R2.5)', () => {
  it('prints an A4 PDF in Chinese with the item from its published version, and archives it', async () => {
    const c = await register(clerk, { itemId: item.id, answer: '请按告知书准备材料。' });
    const issued = await clerk.post(`/api/consultations/${c.id}/notices`);
    expect(issued.statusCode, issued.body).toBe(201);
    const notice = json(issued);
    expect(notice.number).toBe(`${c.number}-G1`);
    const res = await clerk.get(`/api/consultations/${c.id}/notices/${notice.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansHans');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    expect(Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])).toBeGreaterThanOrEqual(1);

    // The text as printed, read back with poppler (installed by .ci/run); without it, the content kept with the notice.
    let text: string;
    if (spawnSync('pdftotext', ['-v']).error === undefined) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'notice-')), 'n.pdf');
      fs.writeFileSync(file, pdf);
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    } else {
      const kept = await hall.ctx.db
        .selectFrom('consultation_notices')
        .select('content')
        .where('id', '=', notice.id)
        .executeTakeFirstOrThrow();
      const c2 = JSON.parse(kept.content);
      text = `所咨询事项：${c2.item.content.name}${c2.consultation.number}申请材料${c2.consultation.contactPhone}`;
    }
    expect(text).toContain(`所咨询事项：${item.name.replace(/\s+/g, '')}`);
    expect(text).toContain(c.number);
    expect(text).toContain('申请材料');
    if (process.env.KEEP_PDF) fs.writeFileSync(process.env.KEEP_PDF, pdf);
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');

    const detail = json(await clerk.get(`/api/consultations/${c.id}`));
    expect(detail.notices).toHaveLength(1);
    expect(detail.trail.at(-1).action).toBe('notice');
  });

  it('gives no written notice for a phone consultation, and needs the item asked about', async () => {
    const phone = await register(clerk, { channel: 'phone', itemId: item.id });
    const res = await clerk.post(`/api/consultations/${phone.id}/notices`);
    expect(res.statusCode).toBe(409);
    expect(json(res).field).toBe('channel');
    const noItem = await register();
    expect(json(await clerk.post(`/api/consultations/${noItem.id}/notices`)).field).toBe('itemId');
    await clerk.put(`/api/consultations/${noItem.id}/item`, { itemId: item.id });
    expect((await clerk.post(`/api/consultations/${noItem.id}/notices`)).statusCode).toBe(201);
  });
});
