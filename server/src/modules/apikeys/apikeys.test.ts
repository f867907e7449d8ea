// 接口密钥: the security administrator issues keys to machine clients; a key acts on the existing routes within its
// permissions and halls only, stops when revoked, expired or rotated past its grace, and every step is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { nextResidentId } from '../../../test/intake-fixtures.ts';
import { DAY_MS } from '../../domain/api-keys.ts';

let hall: TestHall;
let secadmin: Session;
let county: string;
let town: string;

beforeAll(async () => {
  hall = await buildTestHall();
  secadmin = await signedIn(hall.app, 'secadmin');
  const halls = json(await secadmin.get('/api/halls')).items as { id: string; name: string }[];
  const byName = (part: string) => halls.find((h) => h.name.includes(part))?.id as string;
  county = byName('县');
  town = halls.find((h) => h.id !== county)?.id as string;
});
afterAll(() => hall.close());
// Tests move the clock by days, past the session timeouts: the administrator signs in afresh for each.
beforeEach(async () => {
  secadmin = await signedIn(hall.app, 'secadmin');
});

const inMonths = (n: number) => hall.clock.now() + n * 30 * DAY_MS;

const issueBody = (over: Record<string, unknown> = {}) => ({
  name: '省一网通办平台',
  holderOrg: '省政务服务管理局',
  holderContact: '张工 028-12345678',
  permissions: ['case.read', 'reception.register', 'applicant.registry'],
  hallIds: [county],
  expiresAt: inMonths(6),
  ...over,
});

async function issue(over: Record<string, unknown> = {}) {
  const res = await secadmin.post('/api/api-keys', issueBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return json(res) as { key: { id: string; prefix: string }; secret: string };
}

/** A machine client's call: the key in the Authorization header, no cookie. */
const call = (
  key: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => hall.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}`, ...headers } });

const applicantBody = (hallId: string) => ({
  hallId,
  kind: 'person',
  name: '周明远',
  docType: 'resident_id',
  docNumber: nextResidentId(),
  phone: '13912345678',
  address: '青川县乔庄镇滨河路8号',
});

const auditRows = (action: string, targetId?: string) => {
  let q = hall.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (targetId) q = q.where('target_id', '=', targetId);
  return q.orderBy('seq').execute();
};

describe('issuing a key', () => {
  it('shows the whole key once, keeps only its hash, and audits the issue', async () => {
    const { key, secret } = await issue();
    expect(secret).toMatch(new RegExp(`^owk_${key.prefix}_[A-Za-z0-9_-]{43}$`));
    const stored = await hall.ctx.db.selectFrom('api_key_secrets').selectAll().where('key_id', '=', key.id).execute();
    expect(stored.map((s) => s.prefix)).toEqual([key.prefix]);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(13));
    const viewed = json(await secadmin.get(`/api/api-keys/${key.id}`));
    expect(viewed).toMatchObject({ name: '省一网通办平台', state: 'active', hallIds: [county], lastUsedAt: null });
    expect(JSON.stringify(viewed)).not.toContain(secret);
    const [audit] = await auditRows('apikey.issue', key.id);
    expect(audit?.username).toBe('secadmin');
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ prefix: key.prefix, hallIds: [county] });
  });

  it('answers 400 naming the field for administrator powers, foreign halls, a past expiry or a missing name', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ permissions: ['case.read', 'role.manage'] }, 'permissions'],
      [{ permissions: ['audit.read'] }, 'permissions'],
      [{ permissions: ['apikey.manage'] }, 'permissions'],
      [{ hallIds: ['no-such-hall'] }, 'hallIds'],
      [{ expiresAt: hall.clock.now() - 1 }, 'expiresAt'],
      [{ expiresAt: hall.clock.now() + 800 * DAY_MS }, 'expiresAt'],
      [{ name: '' }, 'name'],
      [{ permissions: [] }, 'permissions'],
    ];
    for (const [over, field] of cases) {
      const res = await secadmin.post('/api/api-keys', issueBody(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(json(res).field).toBe(field);
    }
    const rotate = await secadmin.post(`/api/api-keys/${(await issue()).key.id}/rotate`, { graceDays: 31 });
    expect([rotate.statusCode, json(rotate).field]).toEqual([400, 'graceDays']);
  });

  it('creates nothing twice for a retried issue with the same Idempotency-Key, and never replays the secret', async () => {
    const before = json(await secadmin.get('/api/api-keys')).items.length;
    const headers = { 'idempotency-key': 'issue-hotline-12345' };
    const body = issueBody({ name: '12345 热线系统' });
    const first = await secadmin.post('/api/api-keys', body, headers);
    const again = await secadmin.post('/api/api-keys', body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(json(again).key.id).toBe(json(first).key.id);
    expect(json(first).secret).toMatch(/^owk_/);
    expect(json(again).secret).toBeNull();
    const after = json(await secadmin.get('/api/api-keys')).items as { name: string }[];
    expect(after.length).toBe(before + 1);
    expect(after.filter((k) => k.name === '12345 热线系统')).toHaveLength(1);
    const kept = await hall.ctx.db.selectFrom('idempotency_keys').select('response_body').execute();
    expect(kept.some((k) => (k.response_body ?? '').includes(json(first).secret))).toBe(false);
  });

  it('is the security administrator’s alone', async () => {
    for (const who of ['clerk', 'supervisor', 'sysadmin', 'auditor']) {
      const s = await signedIn(hall.app, who);
      expect((await s.get('/api/api-keys')).statusCode, who).toBe(403);
      expect((await s.post('/api/api-keys', issueBody())).statusCode, who).toBe(403);
    }
  });
});

describe('calling with a key', () => {
  it('reaches routes within its scope and halls, writes under its own name, masks personal numbers', async () => {
    const { secret } = await issue();
    const list = await call(secret, 'GET', '/api/cases?pageSize=5');
    expect(list.statusCode, list.body).toBe(200);
    const made = await call(secret, 'POST', '/api/applicants', applicantBody(county));
    expect(made.statusCode, made.body).toBe(201);
    const id = json(made).id as string;
    const [written] = await hall.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', id)
      .where('outcome', '=', 'success')
      .execute();
    expect(written?.username).toBe('接口密钥 省一网通办平台');
    const read = await call(secret, 'GET', `/api/applicants/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(json(read).masked).toBe(true);
    expect(json(read).docNumber).toContain('*');
  });

  it('is refused (403) on routes its permissions do not allow, and audited as a denial', async () => {
    const { key, secret } = await issue();
    for (const url of ['/api/applicants/x/personal', '/api/audit', '/api/api-keys', '/api/users']) {
      const res = await call(secret, 'GET', url);
      expect(res.statusCode, url).toBe(403);
    }
    const user = await hall.ctx.db.selectFrom('api_keys').select('user_id').where('id', '=', key.id).executeTakeFirst();
    const denied = await hall.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'access.denied')
      .where('user_id', '=', user?.user_id as string)
      .execute();
    expect(denied).toHaveLength(4);
  });

  it('sees nothing of a hall outside its scope: another hall’s record answers as missing, audited', async () => {
    const countyKey = (await issue()).secret;
    const townKey = (await issue({ name: '乡镇自助终端', hallIds: [town] })).secret;
    const theirs = json(await call(townKey, 'POST', '/api/applicants', applicantBody(town))).id as string;
    const res = await call(countyKey, 'GET', `/api/applicants/${theirs}`);
    expect(res.statusCode).toBe(404);
    expect((await auditRows('access.out_of_scope', theirs)).map((r) => r.username)).toEqual([
      '接口密钥 省一网通办平台',
    ]);
    const foreignWrite = await call(countyKey, 'POST', '/api/applicants', applicantBody(town));
    expect(foreignWrite.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreignWrite.statusCode).toBeLessThan(500);
  });

  it('answers 401 in the one error shape for unknown, malformed, revoked and expired keys', async () => {
    const { key, secret } = await issue({ expiresAt: hall.clock.now() + 2 * DAY_MS });
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(200);
    const forged = `${secret.slice(0, -4)}AAAA`;
    for (const bad of [forged, 'owk_nonsense', '']) {
      const res = await call(bad, 'GET', '/api/cases');
      expect(res.statusCode, bad).toBe(401);
      expect(json(res)).toEqual({
        code: 'API_KEY_INVALID',
        message: '接口密钥无效、已吊销或已过期',
        field: 'Authorization',
      });
    }
    hall.clock.advance(2 * DAY_MS);
    secadmin = await signedIn(hall.app, 'secadmin');
    expect(json(await call(secret, 'GET', '/api/cases')).code).toBe('API_KEY_INVALID');
    expect(json(await secadmin.get(`/api/api-keys/${key.id}`)).state).toBe('expired');

    const live = await issue();
    const revoke = await secadmin.post(`/api/api-keys/${live.key.id}/revoke`, { reason: '平台对接停止' });
    expect(json(revoke)).toMatchObject({ state: 'revoked', revokeReason: '平台对接停止', secrets: [] });
    expect((await call(live.secret, 'GET', '/api/cases')).statusCode).toBe(401);
    const [audit] = await auditRows('apikey.revoke', live.key.id);
    expect(JSON.parse(audit?.detail ?? '{}').reason).toBe('平台对接停止');
    expect((await secadmin.post(`/api/api-keys/${live.key.id}/revoke`, { reason: '再次' })).statusCode).toBe(409);
    expect((await secadmin.post(`/api/api-keys/${live.key.id}/revoke`, {})).statusCode).toBe(400);
  });

  it('refuses a request that carries both a session cookie and a key, and skips the cross-site guard for keys', async () => {
    const { secret } = await issue();
    const both = await secadmin.request('GET', '/api/halls', undefined, { authorization: `Bearer ${secret}` });
    expect([both.statusCode, json(both).code]).toEqual([400, 'MIXED_CREDENTIALS']);
    const fromElsewhere = await call(secret, 'POST', '/api/applicants', applicantBody(county), {
      'sec-fetch-site': 'cross-site',
      origin: 'https://platform.example.gov.cn',
    });
    expect(fromElsewhere.statusCode, fromElsewhere.body).toBe(201);
  });

  it('records the last use at most once a minute, and throttles each key on its own', async () => {
    const { key, secret } = await issue({ ratePerMinute: 3 });
    const other = (await issue()).secret;
    hall.clock.advance(1000);
    const first = hall.clock.now();
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(200);
    hall.clock.advance(30_000);
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(200);
    expect(json(await secadmin.get(`/api/api-keys/${key.id}`)).lastUsedAt).toBe(first);
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(200);
    const over = await call(secret, 'GET', '/api/cases');
    expect([over.statusCode, json(over).code]).toEqual([429, 'RATE_LIMITED']);
    expect((await call(other, 'GET', '/api/cases')).statusCode).toBe(200);
    hall.clock.advance(31_000);
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(200);
    expect(json(await secadmin.get(`/api/api-keys/${key.id}`)).lastUsedAt).toBe(hall.clock.now());
  });
});

describe('rotating and rescoping', () => {
  it('keeps the old secret working through the grace days picked, then stops it', async () => {
    const { key, secret: old } = await issue();
    const rotated = await secadmin.post(`/api/api-keys/${key.id}/rotate`, { graceDays: 3, reason: '例行轮换' });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = json(rotated).secret as string;
    expect(fresh).not.toBe(old);
    expect(json(rotated).key.secrets).toHaveLength(2);
    hall.clock.advance(3 * DAY_MS - 1);
    expect((await call(old, 'GET', '/api/cases')).statusCode).toBe(200);
    expect((await call(fresh, 'GET', '/api/cases')).statusCode).toBe(200);
    hall.clock.advance(1);
    expect((await call(old, 'GET', '/api/cases')).statusCode).toBe(401);
    expect((await call(fresh, 'GET', '/api/cases')).statusCode).toBe(200);
    secadmin = await signedIn(hall.app, 'secadmin');
    expect(json(await secadmin.get(`/api/api-keys/${key.id}`)).secrets).toHaveLength(1);
    const [audit] = await auditRows('apikey.rotate', key.id);
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ graceDays: 3, reason: '例行轮换' });
  });

  it('stops the old secret at once with zero grace days', async () => {
    const { key, secret: old } = await issue();
    const fresh = json(await secadmin.post(`/api/api-keys/${key.id}/rotate`, { graceDays: 0 })).secret as string;
    expect((await call(old, 'GET', '/api/cases')).statusCode).toBe(401);
    expect((await call(fresh, 'GET', '/api/cases')).statusCode).toBe(200);
  });

  it('applies a changed scope from the next request, with the reason on the trail and in the audit log', async () => {
    const { key, secret } = await issue();
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(200);
    const res = await secadmin.patch(`/api/api-keys/${key.id}`, {
      permissions: ['applicant.registry'],
      reason: '收窄授权',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await call(secret, 'GET', '/api/cases')).statusCode).toBe(403);
    expect((await call(secret, 'GET', '/api/applicants')).statusCode).toBe(200);
    expect(
      (await secadmin.patch(`/api/api-keys/${key.id}`, { permissions: ['account.manage'], reason: '试试' })).statusCode,
    ).toBe(400);
    expect(json(await secadmin.patch(`/api/api-keys/${key.id}`, { permissions: ['case.read'] })).field).toBe('reason');
    const events = json(await secadmin.get(`/api/api-keys/${key.id}/events`)).items as {
      action: string;
      reason: string;
    }[];
    expect(events.map((e) => e.action)).toEqual(['issue', 'rescope']);
    expect(events[1]?.reason).toBe('收窄授权');
    const audit = await auditRows('apikey.rescope', key.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}').after).toEqual({ permissions: ['applicant.registry'] });
  });
});
