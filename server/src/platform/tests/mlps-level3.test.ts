/**
 * 等保 2.0 第三级 (GB/T 22239-2019) §8.1.4 安全计算环境: every item, what OneWindow does for it, and the checks that
 * prove it. The key items are asserted here against a real hall; the rest name the tests that prove them, and this
 * file checks those tests exist and are not skipped. Items a web application cannot meet by itself name why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.ts';
import { loadConfig } from '../config.ts';
import { loadCaseFile, StoredFileIntegrityError, sha256Of, storeCaseFile } from '../stored-files.ts';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { person } from '../../../test/intake-fixtures.ts';
import { mlpsItems } from './mlps-level3-map.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

let hall: TestHall;
let sec: Session;
let hallId: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  hall = await buildTestHall();
  sec = await signedIn(hall.app, 'secadmin');
  hallId = json(await sec.get('/api/auth/me')).halls[0].id;
  for (const u of json(await sec.get('/api/users?pageSize=200')).items) ids[u.username] = u.id;
});
afterAll(() => hall.close());

const newStaff = (username: string, over: Record<string, unknown> = {}) =>
  sec.post('/api/users', {
    username,
    displayName: '测试人员',
    roles: ['inspector'],
    hallIds: [hallId],
    initialPassword: 'Start#2026ab',
    ...over,
  });

describe('the map of GB/T 22239-2019 §8.1.4 (level 3)', () => {
  it('lists every item of 安全计算环境, each with its proof or the reason it does not apply', () => {
    const expected = [
      ...['a', 'b', 'c', 'd'].map((x) => `8.1.4.1 ${x})`),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => `8.1.4.2 ${x})`),
      ...['a', 'b', 'c', 'd'].map((x) => `8.1.4.3 ${x})`),
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `8.1.4.4 ${x})`),
      '8.1.4.5 a)',
      '8.1.4.6 a)',
      '8.1.4.7 a)',
      '8.1.4.7 b)',
      '8.1.4.8 a)',
      '8.1.4.8 b)',
      '8.1.4.9 a)',
      '8.1.4.9 b)',
      '8.1.4.9 c)',
      '8.1.4.10 a)',
      '8.1.4.10 b)',
      '8.1.4.11 a)',
      '8.1.4.11 b)',
    ];
    expect(mlpsItems.map((i) => i.clause)).toEqual(expected);
    for (const item of mlpsItems) {
      expect(item.title.length, item.clause).toBeGreaterThan(1);
      expect(item.proof.length > 0 || (item.outside ?? '').length > 20, item.clause).toBe(true);
    }
  });

  it('names only tests that exist and are not skipped', () => {
    for (const item of mlpsItems) {
      for (const { file, test } of item.proof) {
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        expect(text, `${item.clause}: ${file}`).not.toMatch(/\b(describe|it|test)\.(skip|only|todo)\(/);
        const at = text.indexOf(`'${test}`);
        expect(at, `${item.clause}: "${test}" in ${file}`).toBeGreaterThan(0);
        expect(text.slice(Math.max(0, at - 12), at), `${item.clause}: "${test}" is a plain it()`).toMatch(/\bit\(\s*$/);
      }
    }
  });
});

describe('8.1.4.1 身份鉴别', () => {
  it('a) 身份标识唯一、口令复杂度: a taken username is refused; a weak password or policy is a 400 naming the field', async () => {
    expect((await newStaff('mlps_unique')).statusCode).toBe(201);
    const twice = await newStaff('mlps_unique');
    expect(twice.statusCode).toBe(409);
    expect(json(twice).field).toBe('username');
    const weak = await newStaff('mlps_weak', { initialPassword: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(json(weak).field).toBe('initialPassword');
    const policy = json(await sec.get('/api/security/policy'));
    const below = await sec.put('/api/security/policy', { ...policy, passwordMaxAgeDays: 365 });
    expect(below.statusCode).toBe(400);
    expect(json(below).field).toBe('passwordMaxAgeDays');
  });

  it('b) 登录失败处理、超时退出: five failures lock the account (answered like any wrong password); 30 idle minutes end a session', async () => {
    await newStaff('mlps_lock');
    const s = new Session(hall.app);
    for (let i = 0; i < 5; i++) expect((await s.login('mlps_lock', 'Wrong#2026x')).statusCode).toBe(401);
    const row = await hall.ctx.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'mlps_lock')
      .executeTakeFirstOrThrow();
    expect(Number(row.locked_until)).toBeGreaterThan(hall.clock.now());
    const right = await s.login('mlps_lock', 'Start#2026ab');
    expect(right.statusCode).toBe(401);
    expect(json(right).code).toBe('INVALID_CREDENTIALS');

    const clerk = await signedIn(hall.app, 'clerk');
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(200);
    hall.clock.advance(31 * 60_000);
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(401);
    sec = await signedIn(hall.app, 'secadmin');
  });

  it('c) 鉴别信息传输保护: the session cookie is HttpOnly and SameSite; only a hash of its token is stored', async () => {
    const s = new Session(hall.app);
    const res = await s.login('clerk');
    const cookie = res.cookies.find((c) => c.name === 'ow_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(String(cookie?.sameSite).toLowerCase()).toMatch(/strict|lax/);
    const stored = await hall.ctx.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((r) => r.id)).not.toContain(cookie?.value);
  });

  it('d) 双因素鉴别: an administrator’s right password alone opens nothing; a TOTP code is asked for', async () => {
    const s = new Session(hall.app);
    const res = await s.login('auditor');
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('TOTP_REQUIRED');
    expect(res.cookies.find((c) => c.name === 'ow_session')).toBeUndefined();
  });
});

describe('8.1.4.2 访问控制', () => {
  it('c) 停用多余账户: a disabled account cannot sign in', async () => {
    const id = json(await newStaff('mlps_leaver')).id;
    expect((await sec.patch(`/api/users/${id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect(json(await new Session(hall.app).login('mlps_leaver', 'Start#2026ab')).code).toBe('INVALID_CREDENTIALS');
  });

  it('d) 最小权限、管理用户权限分离: each administrator keeps to their power; administrator powers never enter a custom role', async () => {
    const sys = await signedIn(hall.app, 'sysadmin');
    const aud = await signedIn(hall.app, 'auditor');
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await aud.get('/api/users')).statusCode).toBe(403);
    expect(
      (await sys.post(`/api/users/${ids.clerk}/reset-password`, { initialPassword: 'Taken#2026x' })).statusCode,
    ).toBe(403);
    const composed = await sec.post('/api/roles', {
      code: 'mlps_mix',
      name: '混合角色',
      permissions: ['audit.read', 'case.read'],
    });
    expect(composed.statusCode).toBe(409);
    expect(json(composed).code).toBe('SEPARATION_OF_DUTIES');
    const both = await sec.post('/api/admin-requests', {
      kind: 'update',
      targetUserId: ids.auditor,
      patch: { roles: ['auditadmin', 'sysadmin'] },
    });
    expect(both.statusCode).toBe(409);
  });

  it('e) 授权主体配置策略: only the security administrator composes roles and grants them', async () => {
    const sys = await signedIn(hall.app, 'sysadmin');
    expect(
      (await sys.post('/api/roles', { code: 'mlps_role', name: '某角色', permissions: ['case.read'] })).statusCode,
    ).toBe(403);
    expect((await sys.patch(`/api/users/${ids.clerk}`, { roles: ['clerk', 'supervisor'] })).statusCode).toBe(403);
  });
});

describe('8.1.4.3 安全审计', () => {
  it('a) b) 审计覆盖每个用户、记录时间用户类型结果: a refused sign-in and a role change are recorded with all of them', async () => {
    await new Session(hall.app).login('clerk', 'Wrong#2026x');
    expect(
      (await sec.post('/api/roles', { code: 'mlps_audited', name: '审计用角色', permissions: ['case.read'] }))
        .statusCode,
    ).toBe(201);
    const clerk = await signedIn(hall.app, 'clerk');
    expect((await clerk.get('/api/audit')).statusCode).toBe(403);
    const rows = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['at', 'user_id', 'username', 'action', 'outcome', 'ip', 'target_id'])
      .where('action', 'in', ['auth.login', 'role.create', 'access.denied'])
      .execute();
    const failed = rows.find((r) => r.action === 'auth.login' && r.username === 'clerk' && r.outcome === 'failure');
    const created = rows.find((r) => r.action === 'role.create' && r.target_id === 'mlps_audited');
    const denied = rows.find((r) => r.action === 'access.denied' && r.username === 'clerk');
    for (const r of [failed, created, denied]) {
      expect(r).toBeDefined();
      expect(Number(r?.at)).toBeGreaterThan(0);
      expect(r?.ip).not.toBeUndefined();
    }
    expect(created?.user_id).toBe(ids.secadmin);
    expect(created?.outcome).toBe('success');
  });

  it('c) 审计记录保护: a changed record breaks the keyed chain at that record; no route writes the log', async () => {
    expect((await verifyAuditChain(hall.ctx.db)).ok).toBe(true);
    const victim = await hall.ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'detail'])
      .where('action', '=', 'role.create')
      .executeTakeFirstOrThrow();
    await hall.ctx.db
      .updateTable('audit_log')
      .set({ detail: '{"covered":"up"}' })
      .where('seq', '=', victim.seq)
      .execute();
    const broken = await verifyAuditChain(hall.ctx.db);
    expect(broken.ok).toBe(false);
    expect(broken.firstBrokenSeq).toBe(Number(victim.seq));
    await hall.ctx.db.updateTable('audit_log').set({ detail: victim.detail }).where('seq', '=', victim.seq).execute();
    expect((await verifyAuditChain(hall.ctx.db)).ok).toBe(true);
    const doc = json(await hall.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const auditWrites = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([p]) => p.startsWith('/api/audit'))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .filter((op) => !op.startsWith('get '));
    expect(auditWrites).toEqual(['post /api/audit/verify']);
  });
});

describe('8.1.4.4 入侵防范', () => {
  it('b) c) 关闭不需要的服务、限制管理终端: the server listens on this machine only unless told otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('d) 数据有效性检验: bad input is a 400 naming the field, and nothing is written', async () => {
    const bad = await sec.post('/api/roles', { code: 'Robert); DROP', name: '某角色', permissions: ['case.read'] });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'code' });
  });
});

describe('8.1.4.7 数据完整性 and 8.1.4.8 数据保密性', () => {
  it('7 b) 存储完整性: a stored file whose bytes changed is refused, never served', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ow-mlps-'));
    try {
      const bytes = Buffer.from('%PDF-1.7 result');
      await storeCaseFile(dir, 'case-1', ['results', 'r.pdf'], bytes);
      expect(await loadCaseFile(dir, 'case-1', ['results', 'r.pdf'], sha256Of(bytes))).toEqual(bytes);
      writeFileSync(path.join(dir, 'files', 'case-1', 'results', 'r.pdf'), '%PDF-1.7 forged');
      await expect(loadCaseFile(dir, 'case-1', ['results', 'r.pdf'], sha256Of(bytes))).rejects.toBeInstanceOf(
        StoredFileIntegrityError,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('8 b) 存储保密性: an ID and a phone number are stored encrypted, with only the masked form readable', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    const docNumber = '110101199003074514';
    const clerkHall = json(await clerk.get('/api/auth/me')).halls[0].id;
    const id = await person(clerk, clerkHall, { docNumber, phone: '13987654321' });
    const row = await hall.ctx.db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(docNumber);
    expect(raw).not.toContain('13987654321');
    // 8.1.4.11 b): staff without the right see the masked number only.
    const shown = JSON.stringify(json(await clerk.get(`/api/applicants/${id}`)));
    expect(shown).not.toContain(docNumber);
    expect(shown).not.toContain('13987654321');
    expect(shown).toContain('4321');
  });
});

describe('8.1.4.10 剩余信息保护', () => {
  it('a) b) 鉴别信息与敏感数据的存储空间清除: a signed-out session row is gone; SQLite overwrites deleted content', async () => {
    const s = await signedIn(hall.app, 'clerk');
    const before = await hall.ctx.db.selectFrom('sessions').select('id').execute();
    expect((await s.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const after = await hall.ctx.db.selectFrom('sessions').select('id').execute();
    expect(after.length).toBe(before.length - 1);
    if (hall.ctx.dialect === 'sqlite') {
      const { rows } = await sql<{ secure_delete: number }>`PRAGMA secure_delete`.execute(hall.ctx.db);
      expect(Number(rows[0]?.secure_delete)).toBe(1);
    }
  });
});
