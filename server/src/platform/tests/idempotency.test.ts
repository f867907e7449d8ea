import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall();
});
afterAll(() => hall.close());

describe('Idempotency-Key', () => {
  it('answers a retried write with the first response and creates nothing twice', async () => {
    const sys = await signedIn(hall.app, 'sysadmin');
    const hallId = json(await sys.get('/api/auth/me')).halls[0].id;
    const body = { hallId, code: 'IDEM', name: '重试测试科' };
    const key = { 'idempotency-key': 'retry-0001-abcdef' };
    const first = await sys.post('/api/departments', body, key);
    const second = await sys.post('/api/departments', body, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replay']).toBe('true');
    expect(json(second)).toEqual(json(first));
    const rows = await hall.ctx.db.selectFrom('departments').select('id').where('code', '=', 'IDEM').execute();
    expect(rows).toHaveLength(1);

    const other = await sys.post('/api/departments', { ...body, code: 'IDEM2' }, key);
    expect(other.statusCode).toBe(422);
    expect(json(other).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps keys per user: the same key from someone else is a new request', async () => {
    const a = await signedIn(hall.app, 'sysadmin');
    const hallId = json(await a.get('/api/auth/me')).halls[0].id;
    const key = { 'idempotency-key': 'shared-key-12345' };
    expect((await a.post('/api/departments', { hallId, code: 'K1', name: '甲' }, key)).statusCode).toBe(201);
    const sec = await signedIn(hall.app, 'secadmin');
    const res = await sec.post(
      '/api/users',
      { username: 'idem_user', displayName: '乙', roles: ['clerk'], hallIds: [hallId], initialPassword: 'Start#2026' },
      key,
    );
    expect(res.statusCode).toBe(201);
  });
});
