import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall();
});
afterAll(() => hall.close());

describe('audit log', () => {
  it('records writes and sign-ins with user, action, target, outcome and address', async () => {
    const sys = await signedIn(hall.app, 'sysadmin');
    const me = json(await sys.get('/api/auth/me'));
    const dep = json(await sys.post('/api/departments', { hallId: me.halls[0].id, code: 'AUD', name: '审计测试科' }));
    const auditor = await signedIn(hall.app, 'auditor');
    const found = json(await auditor.get(`/api/audit?targetId=${dep.id}`)).items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      username: 'sysadmin',
      action: 'org.department.create',
      targetType: 'department',
      outcome: 'success',
    });
    expect(found[0].ip).toBeTruthy();
    const logins = json(await auditor.get('/api/audit?action=auth.login&username=sysadmin')).items;
    expect(logins.length).toBeGreaterThanOrEqual(1);
  });

  it('verifies the chain, and finds the first record that was altered', async () => {
    const auditor = await signedIn(hall.app, 'auditor');
    const ok = json(await auditor.post('/api/audit/verify'));
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThan(3);
    await hall.ctx.db.updateTable('audit_log').set({ outcome: 'failure' }).where('seq', '=', 3).execute();
    const broken = json(await auditor.post('/api/audit/verify'));
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('notices a deleted record', async () => {
    const fresh = await buildTestHall();
    try {
      const auditor = await signedIn(fresh.app, 'auditor');
      await signedIn(fresh.app, 'clerk');
      await fresh.ctx.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
      const res = json(await auditor.post('/api/audit/verify'));
      expect(res.ok).toBe(false);
      expect(res.firstBrokenSeq).toBe(2);
    } finally {
      await fresh.close();
    }
  });
});
