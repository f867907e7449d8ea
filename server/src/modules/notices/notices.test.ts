import { readWorkbook } from '../../../test/xlsx-read.ts';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { aliyunSignature, webhookSignature } from './channels.ts';
import { deliverDueNotices } from './delivery.ts';
import { enqueueNotice } from './enqueue-service.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let head: Session;
let hallId: string;
let itemId: string;

/** A local SMS gateway: records what it receives; answers `status` (200 unless a test says otherwise). */
interface Sink {
  url: string;
  received: { headers: IncomingMessage['headers']; raw: string; body: Record<string, string> }[];
  status: number;
  server: Server;
}
let sink: Sink;
let mails: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;

async function startSink(): Promise<Sink> {
  const s: Sink = { url: '', received: [], status: 200, server: createServer() };
  s.server.on('request', (req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      s.received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
      res.writeHead(s.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: s.status < 300 }));
    });
  });
  await new Promise<void>((r) => s.server.listen(0, '127.0.0.1', r));
  s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}/sms`;
  return s;
}

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departments = json(await head.get(`/api/departments?hallId=${hallId}`)).items as { id: string; code: string }[];
  itemId = await publishedItem(head, hallId, departments.find((d) => d.code === 'SC')!.id, 'NT-1');
  sink = await startSink();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d) => {
        raw += d;
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await hall.close();
  await new Promise((r) => sink.server.close(r));
  await new Promise((r) => smtp.close(() => r(null)));
});

function configure(on: boolean) {
  Object.assign(hall.ctx.config.notices, {
    smsProvider: on ? 'webhook' : null,
    smsWebhookUrl: on ? sink.url : null,
    smsWebhookSecret: on ? 'gateway-secret' : null,
    smtpUrl: on ? `smtp://127.0.0.1:${smtpPort}` : null,
    smtpFrom: 'Hall <hall@example.gov.cn>',
    maxAttempts: 3,
  });
}

beforeEach(() => {
  sink.received = [];
  sink.status = 200;
  mails = [];
  configure(true);
});

async function acceptedCase(applicant: Record<string, unknown> = {}) {
  hall.clock.advance(1000);
  const applicantId = await person(clerk, hallId, { name: '林则徐', ...applicant });
  const r = json(await clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }));
  const res = await clerk.post(`/api/cases/${r.id}/accept`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res) as { id: string; caseNo: string };
}

const noticesOf = async (caseId: string) => {
  const res = await supervisor.get(`/api/cases/${caseId}/notices`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res) as any[];
};

describe('notices to applicants', () => {
  it('an acceptance queues its notice in the same transaction and sends it by SMS and e-mail', async () => {
    const c = await acceptedCase({ email: 'lin@example.com', preferredChannel: 'all' });
    const queued = await noticesOf(c.id);
    expect(queued.map((n) => [n.event, n.channel, n.state]).sort()).toEqual([
      ['accepted', 'email', 'pending'],
      ['accepted', 'sms', 'pending'],
    ]);
    expect(queued.find((n) => n.channel === 'sms').recipient).toBe('139****5678');
    expect(queued.find((n) => n.channel === 'email').recipient).toBe('l***@example.com');

    const pass = await deliverDueNotices(hall.ctx);
    expect(pass).toMatchObject({ sent: 2, failed: 0 });

    // The gateway got one signed request carrying the idempotency key and the full number; the text names the case.
    expect(sink.received).toHaveLength(1);
    const got = sink.received[0]!;
    expect(got.body.to).toBe('13912345678');
    expect(got.body.text).toContain(c.caseNo);
    expect(got.body.text).toContain('已受理');
    expect(got.headers['idempotency-key']).toBe(got.body.idempotencyKey);
    const ts = String(got.headers['x-onewindow-timestamp']);
    const mac = createHmac('sha256', 'gateway-secret').update(`${ts}.${got.raw}`).digest('hex');
    expect(got.headers['x-onewindow-signature']).toBe(`t=${ts},v1=${mac}`);

    // The SMTP listener got the e-mail with its Message-ID from the same key.
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('lin@example.com');
    expect(mails[0]!.raw).toContain('Message-ID: <ntc_');

    const sent = await noticesOf(c.id);
    expect(sent.every((n) => n.state === 'sent' && n.tries.length === 1 && n.tries[0].ok)).toBe(true);

    // Nothing is sent twice: the next pass finds nothing due.
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ sent: 0 });
    expect(sink.received).toHaveLength(1);

    // The public progress page shows what was sent, without the recipient.
    const progress = json(await supervisor.get(`/api/public/progress?no=${c.caseNo}&phone4=5678`));
    expect(progress.notices).toHaveLength(2);
    expect(progress.notices[0].body).toContain(c.caseNo);
    expect(JSON.stringify(progress.notices)).not.toContain('13912345678');
    expect(JSON.stringify(progress.notices)).not.toContain('林则徐');
    expect(progress.notices[0].body).toContain('林**');
  });

  it('a failing gateway is retried with backoff, then flagged failed; the supervisor resends it', async () => {
    sink.status = 503;
    const c = await acceptedCase();
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ retried: 1 });
    let [n] = await noticesOf(c.id);
    expect(n).toMatchObject({ state: 'pending', attempts: 1 });
    expect(n.nextAttemptAt).toBe(hall.clock.now() + 30_000);
    expect(n.tries[0]).toMatchObject({ ok: false });
    expect(n.tries[0].answer).toContain('503');

    // Not due before the backoff has passed.
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ retried: 0 });
    hall.clock.advance(30_000);
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ retried: 1 });
    hall.clock.advance(60_000);
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ failed: 1 });
    [n] = await noticesOf(c.id);
    expect(n).toMatchObject({ state: 'failed', attempts: 3, stateLabel: '发送失败' });
    expect(n.tries).toHaveLength(3);
    expect(sink.received.map((r) => r.body.idempotencyKey)).toEqual(
      Array(3).fill(sink.received[0]!.body.idempotencyKey),
    );

    // Listed for the supervisor among the failed ones.
    const failed = json(await supervisor.get(`/api/notices?state=failed&caseNo=${c.caseNo}`));
    expect(failed.items.map((x: { id: string }) => x.id)).toEqual([n.id]);

    // A clerk may not resend; the supervisor may, and it goes out.
    expect((await clerk.post(`/api/notices/${n.id}/resend`, {})).statusCode).toBe(403);
    sink.status = 200;
    const resent = await supervisor.post(`/api/notices/${n.id}/resend`, {});
    expect(resent.statusCode, resent.body).toBe(200);
    expect(json(resent)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ sent: 1 });
    [n] = await noticesOf(c.id);
    expect(n).toMatchObject({ state: 'sent', attempts: 1 });
    expect(n.tries).toHaveLength(4);

    // A sent notice is not resent; switching to e-mail needs an address on file.
    expect((await supervisor.post(`/api/notices/${n.id}/resend`, {})).statusCode).toBe(409);
  });

  it('switches a failed notice to another channel', async () => {
    sink.status = 500;
    hall.ctx.config.notices.maxAttempts = 1;
    const noMail = await acceptedCase();
    const withMail = await acceptedCase({ email: 'zhang@example.com', preferredChannel: 'sms' });
    await deliverDueNotices(hall.ctx);
    const [a] = await noticesOf(noMail.id);
    const [b] = await noticesOf(withMail.id);
    expect([a.state, b.state]).toEqual(['failed', 'failed']);
    const refused = await supervisor.post(`/api/notices/${a.id}/resend`, { channel: 'email' });
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({ code: 'VALIDATION', field: 'channel' });
    const switched = json(await supervisor.post(`/api/notices/${b.id}/resend`, { channel: 'email' }));
    expect(switched).toMatchObject({ channel: 'email', recipient: 'z***@example.com', state: 'pending' });
    await deliverDueNotices(hall.ctx);
    expect(mails.map((m) => m.to)).toEqual(['zhang@example.com']);
    expect((await noticesOf(withMail.id))[0].state).toBe('sent');
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'notice.resend')
      .where('target_id', '=', b.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('without a configured channel the notice is kept and listed as not sent', async () => {
    configure(false);
    const c = await acceptedCase();
    expect(await deliverDueNotices(hall.ctx)).toMatchObject({ unconfigured: 1, sent: 0 });
    const [n] = await noticesOf(c.id);
    expect(n).toMatchObject({ state: 'unconfigured', stateLabel: '未发送（未配置通道）', attempts: 0 });
    const listed = json(await supervisor.get('/api/notices?state=unconfigured'));
    expect(listed.items.some((x: { id: string }) => x.id === n.id)).toBe(true);
    // Once the channel is configured, the supervisor resends it.
    configure(true);
    await supervisor.post(`/api/notices/${n.id}/resend`, {});
    await deliverDueNotices(hall.ctx);
    expect(sink.received).toHaveLength(1);
  });

  it('two workers at once send each notice once (the lease)', async () => {
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await acceptedCase());
    const [x, y] = await Promise.all([deliverDueNotices(hall.ctx), deliverDueNotices(hall.ctx)]);
    expect(x.sent + y.sent).toBe(4);
    expect(sink.received).toHaveLength(4);
    expect(new Set(sink.received.map((r) => r.body.idempotencyKey)).size).toBe(4);
  });

  it('an applicant who opted out gets legal notices but not the others', async () => {
    const c = await acceptedCase({ noticeOptOut: true });
    const now = hall.clock.now();
    const applicantId = (
      await hall.ctx.db.selectFrom('cases').select('applicant_id').where('id', '=', c.id).executeTakeFirstOrThrow()
    ).applicant_id;
    await hall.ctx.db.transaction().execute((trx) =>
      enqueueNotice(trx, {
        hallId,
        event: 'survey_invitation',
        now,
        caseId: c.id,
        caseNo: c.caseNo,
        applicantId,
        vars: { surveyUrl: 'https://x/r' },
      }),
    );
    await deliverDueNotices(hall.ctx);
    const states = (await noticesOf(c.id)).map((n) => [n.event, n.state]).sort();
    expect(states).toEqual([
      ['accepted', 'sent'],
      ['survey_invitation', 'opted_out'],
    ]);
  });

  it('a rolled-back event leaves no notice', async () => {
    const before = await hall.ctx.db
      .selectFrom('notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      hall.ctx.db.transaction().execute(async (trx) => {
        await enqueueNotice(trx, {
          hallId,
          event: 'consult_reply_due',
          now: hall.clock.now(),
          recipient: { phone: '13800001111' },
        });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    const after = await hall.ctx.db
      .selectFrom('notices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('templates', () => {
  it('the supervisor edits and previews a template; a new notice uses it; unknown variables are refused', async () => {
    const list = json(await supervisor.get(`/api/notice-templates/${hallId}`));
    expect(list.find((t: { event: string }) => t.event === 'accepted')).toMatchObject({ custom: false, legal: true });
    const bad = await supervisor.put(`/api/notice-templates/${hallId}/accepted`, {
      subject: '受理',
      body: '您好{idNumber}',
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'body' });
    const preview = json(
      await supervisor.post(`/api/notice-templates/${hallId}/accepted/preview`, {
        subject: '【{hallName}】受理',
        body: '{applicantName}：{itemName}已受理，编号{caseNo}，{deadline}前办结。',
      }),
    );
    expect(preview.body).toBe('张三：营业执照变更登记已受理，编号BJ-2026-000123，2026-12-18前办结。');
    expect((await clerk.put(`/api/notice-templates/${hallId}/accepted`, { subject: 'x', body: 'y' })).statusCode).toBe(
      403,
    );
    const saved = await supervisor.put(`/api/notice-templates/${hallId}/accepted`, {
      subject: '受理通知',
      body: '办件{caseNo}已受理（本厅自定义）',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const c = await acceptedCase();
    expect((await noticesOf(c.id))[0].body).toBe(`办件${c.caseNo}已受理（本厅自定义）`);
    const reset = json(await supervisor.request('DELETE', `/api/notice-templates/${hallId}/accepted`));
    expect(reset.custom).toBe(false);
  });
});

describe('the log', () => {
  it('filters, exports and refuses bad filters with the field named', async () => {
    const all = json(await supervisor.get('/api/notices?channel=sms&pageSize=5'));
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((n: { channel: string }) => n.channel === 'sms')).toBe(true);
    const bad = await supervisor.get('/api/notices?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('from');
    const xl = await supervisor.get('/api/notices/export?state=sent');
    expect(xl.statusCode).toBe(200);
    expect(xl.headers['content-type']).toContain('spreadsheetml');
    expect(xl.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [sheet] = await readWorkbook(xl.rawPayload);
    expect(sheet!.name).toBe('通知记录');
    expect(sheet!.rows.length).toBeGreaterThan(0);
    for (const r of sheet!.rows) {
      expect(r['状态']).toBe('已发送');
      // Times are date-time cells in China time, tries a number.
      expect(r['时间']).toBeInstanceOf(Date);
      expect(r['发送时间']).toBeInstanceOf(Date);
      expect(typeof r['尝试次数']).toBe('number');
    }
    expect(JSON.stringify(sheet!.rows)).not.toContain('13912345678');
    expect((await clerk.get('/api/notices')).statusCode).toBe(403);
  });
});

describe('provider signatures', () => {
  it('signs an Aliyun SMS request as Aliyun documents it', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunSignature('testSecret', params)).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(aliyunSignature('otherSecret', params)).not.toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('signs the webhook over the timestamp and the body', () => {
    const sig = webhookSignature('k', '1700000000', '{"a":1}');
    expect(sig).toBe(`t=1700000000,v1=${createHmac('sha256', 'k').update('1700000000.{"a":1}').digest('hex')}`);
  });
});
