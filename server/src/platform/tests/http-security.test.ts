/**
 * The HTTP safeguards: cross-site writes refused, security headers on every answer, refusals of another hall's
 * records and reads of personal data and documents audited, keyed idempotency fingerprints that are purged,
 * /metrics closed to strangers, Fastify's own 4xx in the one error shape, and a tampered file refused clearly.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { installCsrfGuard } from '../csrf.ts';
import { housekeepingPass } from '../housekeeping.ts';
import { idempotencyKey } from '../idempotency.ts';

let hall: TestHall;
let clerk: Session;
let hallId: string;
let acceptedCase: { id: string; documents: { id: string; kind: string }[] };
const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  hall = await buildTestHall();
  (hall.ctx.config as { dataDir: string }).dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-sec-files-'));
  clerk = await signedIn(hall.app, 'clerk');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  const itemId = await publishedItem(head, hallId, departmentId, 'SEC-1');
  const applicantId = await person(clerk, hallId, { name: '安全', phone: '13712349876' });
  const r = json(await clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() }));
  acceptedCase = json(await clerk.post(`/api/cases/${r.id}/accept`));
});
afterAll(() => hall.close());

const audits = (action: string) =>
  hall.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('cross-site request forgery', () => {
  it('refuses a write from another origin or another site, a same-site page on another port included', async () => {
    const windows = json(await clerk.get(`/api/windows?hallId=${hallId}`)).items as { id: string }[];
    const url = `/api/queue/windows/${windows[0]!.id}/open`;
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://evil.example' },
      { origin: 'http://localhost:5174' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await clerk.post(url, {}, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(json(res).code).toBe('CROSS_SITE_REQUEST');
    }
    // Its own origin (the Host it was reached by, or PUBLIC_BASE_URL) is a write like any other.
    const own = await clerk.post(
      '/api/auth/password',
      { currentPassword: 'x', newPassword: 'y' },
      { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' },
    );
    expect(json(own).code).not.toBe('CROSS_SITE_REQUEST');
    const base = await clerk.post(
      '/api/auth/password',
      { currentPassword: 'x', newPassword: 'y' },
      { origin: hall.ctx.config.publicBaseUrl },
    );
    expect(json(base).code).not.toBe('CROSS_SITE_REQUEST');
    // Reads are not writes.
    expect((await clerk.request('GET', '/api/auth/me', undefined, { origin: 'http://evil.example' })).statusCode).toBe(
      200,
    );
  });

  it('takes only JSON bodies on writes: a text/plain or urlencoded form opens no window', async () => {
    const supervisor = await signedIn(hall.app, 'supervisor');
    const windows = json(await supervisor.get(`/api/windows?hallId=${hallId}`)).items as { id: string }[];
    const win = windows[1]!.id;
    for (const [type, body] of [
      ['text/plain', '{}'],
      ['application/x-www-form-urlencoded', 'a=1'],
      ['multipart/form-data; boundary=x', '--x--'],
    ]) {
      const res = await hall.app.inject({
        method: 'POST',
        url: `/api/queue/windows/${win}/open`,
        payload: body,
        headers: { cookie: supervisor.cookie, 'content-type': type },
      });
      expect(res.statusCode, type).toBe(415);
      expect(json(res)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'Content-Type' });
    }
    const sessions = await hall.ctx.db
      .selectFrom('queue_window_sessions')
      .select('id')
      .where('window_id', '=', win)
      .execute();
    expect(sessions).toHaveLength(0);
    // A write without any body (no Content-Type) is fine.
    expect((await supervisor.request('POST', `/api/queue/windows/${win}/open`)).statusCode).toBe(200);
    expect(
      await hall.ctx.db.selectFrom('queue_window_sessions').select('id').where('window_id', '=', win).execute(),
    ).toHaveLength(1);
  });

  it('lets a route that declares acceptsMultipart take a multipart upload', async () => {
    const app = Fastify();
    installCsrfGuard(app, hall.ctx.config);
    app.post('/upload', { config: { acceptsMultipart: true } }, async () => ({ ok: true }));
    app.post('/json-only', async () => ({ ok: true }));
    app.addContentTypeParser('multipart/form-data', (_req, _payload, done) => done(null, {}));
    const send = (url: string) =>
      app.inject({
        method: 'POST',
        url,
        payload: '--x--',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      });
    expect((await send('/upload')).statusCode).toBe(200);
    expect((await send('/json-only')).statusCode).toBe(415);
    await app.close();
  });
});

describe('security headers', () => {
  it('puts a content security policy, nosniff, a referrer policy and no framing on every answer', async () => {
    for (const url of ['/api/auth/me', '/healthz', '/api/no-such-route', '/api/public/halls']) {
      const res = await hall.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS only when the site runs with secure cookies (HTTPS)', async () => {
    const secure = await buildApp({ ...hall.ctx, config: { ...hall.ctx.config, secureCookies: true } });
    const res = await secure.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    await secure.close();
  });
});

describe('audit of refusals and reads', () => {
  it('records a refused record of another hall, answered exactly like a missing one', async () => {
    const town = await signedIn(hall.app, 'town_clerk');
    const countyItem = json(await clerk.get('/api/catalog/items?pageSize=1')).items[0].id;
    const other = await town.get(`/api/cases/${acceptedCase.id}`);
    const missing = await town.get('/api/cases/no-such-case');
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
    expect((await town.get(`/api/catalog/items/${countyItem}`)).statusCode).toBe(404);
    const refused = await audits('access.out_of_scope');
    expect(refused.map((r) => [r.username, r.target_type, r.target_id, r.outcome])).toEqual([
      ['town_clerk', 'case', acceptedCase.id, 'denied'],
      ['town_clerk', 'service_item', countyItem, 'denied'],
    ]);
  });

  it('records every read of an applicant, a document PDF and a result file', async () => {
    const applicantId = await person(clerk, hallId, { name: '读取', phone: '13712340000' });
    expect((await clerk.get(`/api/applicants/${applicantId}`)).statusCode).toBe(200);
    expect((await clerk.get(`/api/applicants/${applicantId}/file`)).statusCode).toBe(200);
    const receipt = acceptedCase.documents.find((d) => d.kind === 'receipt')!;
    expect((await clerk.get(`/api/cases/${acceptedCase.id}/documents/${receipt.id}/pdf`)).statusCode).toBe(200);
    expect((await clerk.get(`/api/applicants/no-such-one`)).statusCode).toBe(404);
    const reads = [
      ...(await audits('applicant.read')),
      ...(await audits('applicant_file.read')),
      ...(await audits('case_document.read')),
    ];
    expect(reads.map((r) => [r.username, r.target_id])).toEqual([
      ['clerk', applicantId],
      ['clerk', applicantId],
      ['clerk', acceptedCase.id],
    ]);
    expect(JSON.parse(reads[2]!.detail ?? '{}')).toMatchObject({ docId: receipt.id });
  });

  it('refuses a result file whose bytes changed on disk with a clear error, and records it', async () => {
    const file = json(
      await clerk.post(`/api/cases/${acceptedCase.id}/files`, {
        name: '结果.pdf',
        contentType: 'application/pdf',
        dataBase64: samplePdf.toString('base64'),
      }),
    );
    expect((await clerk.get(`/api/cases/${acceptedCase.id}/files/${file.id}`)).statusCode).toBe(200);
    await writeFile(
      path.join(hall.ctx.config.dataDir, 'files', acceptedCase.id, file.id),
      Buffer.concat([samplePdf, Buffer.from('x')]),
    );
    const res = await clerk.get(`/api/cases/${acceptedCase.id}/files/${file.id}`);
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ code: 'FILE_INTEGRITY_FAILED' });
    const failed = await audits('file.integrity_failed');
    expect(failed.map((r) => [r.target_id, r.outcome, JSON.parse(r.detail ?? '{}').reason])).toEqual([
      [file.id, 'failure', 'mismatch'],
    ]);
  });
});

describe('idempotency store', () => {
  it('keeps a keyed fingerprint of the body, never a bare hash of a password', async () => {
    const body = { username: 'clerk', password: 'Hall@2026' };
    const res = await hall.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: body,
      headers: { 'idempotency-key': 'login-fingerprint-1' },
    });
    expect(res.statusCode).toBe(200);
    const row = await hall.ctx.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('key', '=', 'login-fingerprint-1')
      .executeTakeFirstOrThrow();
    const canonical = `POST /api/auth/login\n${JSON.stringify(body)}`;
    expect(row.request_hash).not.toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(row.request_hash).toBe(
      createHmac('sha256', idempotencyKey(hall.ctx.config)).update(canonical).digest('hex'),
    );
  });

  it('purges keys after their 48-hour window', async () => {
    const now = hall.clock.now();
    const row = (key: string, createdAt: number) => ({
      key,
      user_id: 'u-purge',
      request_hash: 'h',
      status_code: 200,
      response_body: '{}',
      created_at: createdAt,
    });
    await hall.ctx.db
      .insertInto('idempotency_keys')
      .values([row('old-key-1', now - 49 * 3_600_000), row('new-key-1', now - 3_600_000)])
      .execute();
    const purged = await housekeepingPass(hall.ctx);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = await hall.ctx.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('user_id', '=', 'u-purge')
      .execute();
    expect(left.map((r) => r.key)).toEqual(['new-key-1']);
  });
});

describe('metrics and Fastify’s own refusals', () => {
  it('serves /metrics to this machine or to the bearer of METRICS_TOKEN only', async () => {
    expect((await hall.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.2.3.4' })).statusCode).toBe(401);
    expect((await hall.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const withToken = await buildApp({
      ...hall.ctx,
      config: { ...hall.ctx.config, metricsToken: 'scrape-secret-123' },
    });
    const get = (auth?: string) =>
      withToken.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: '10.2.3.4',
        headers: auth ? { authorization: auth } : {},
      });
    expect((await get('Bearer scrape-secret-123')).statusCode).toBe(200);
    const wrong = await get('Bearer scrape-secret-124');
    expect(wrong.statusCode).toBe(401);
    expect(json(wrong).code).toBe('UNAUTHENTICATED');
    await withToken.close();
  });

  it('answers bad JSON, an unknown route, a body too large and an unknown type as { code, message }', async () => {
    const post = (payload: string, type = 'application/json') =>
      hall.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': type } });
    const cases: [Promise<{ statusCode: number; json(): unknown }>, number, string][] = [
      [post('{"username":'), 400, 'BAD_JSON'],
      [hall.app.inject({ method: 'GET', url: '/api/no/such/route' }), 404, 'NOT_FOUND'],
      [post(JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024), password: 'y' })), 413, 'PAYLOAD_TOO_LARGE'],
      [post('<a/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.statusCode).toBe(status);
      const body = res.json() as { code: string; message: string };
      expect(body.code).toBe(code);
      expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('logs', () => {
  it('never carry lookup secrets: phone digits, pad tokens, consultation codes', async () => {
    const lines: string[] = [];
    const logged = await buildTestHall({ seed: true, logTo: { write: (line) => void lines.push(line) } });
    try {
      const anon = new Session(logged.app);
      const hid = json(await anon.get('/api/public/halls')).items[0].id;
      const receipt = json(
        await anon.post('/api/public/consultations', {
          hallId: hid,
          personName: '赵',
          contactPhone: '13600002222',
          question: '咨询',
        }),
      );
      await anon.get(`/api/public/consultations/lookup?number=${receipt.number}&code=${receipt.lookupCode}`);
      await anon.get('/api/public/progress?no=QCX-ZWFW-2026-000001&phone4=8642');
      await anon.get('/api/public/pads/w1?token=pad-secret-token-value');
      await anon.request('GET', '/api/public/pads/w1', undefined, { 'x-pad-token': 'pad-header-secret-value' });
      const all = lines.join('\n');
      expect(all).toContain('/api/public/progress');
      for (const secret of [
        receipt.lookupCode,
        'phone4=8642',
        'pad-secret-token-value',
        'pad-header-secret-value',
        '13600002222',
      ]) {
        expect(all).not.toContain(secret);
      }
    } finally {
      await logged.close();
    }
  });
});
