import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

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

  it("reads in the hall's words: the person by name, the action and the object in Chinese", async () => {
    const auditor = await signedIn(hall.app, 'auditor');
    const [dep] = json(await auditor.get('/api/audit?action=org.department.create')).items;
    expect(dep).toMatchObject({ actionLabel: '组织机构 · 部门 · 新建', targetLabel: '部门' });
    const sys = json(await auditor.get('/api/audit/choices')).people.find(
      (p: { username: string }) => p.username === 'sysadmin',
    );
    expect(dep.displayName).toBe(sys.displayName);
    expect(dep.displayName).not.toBe('sysadmin');
    const [login] = json(await auditor.get('/api/audit?action=auth.login&username=sysadmin')).items;
    expect(login.actionLabel).toBe('登录 · 登录系统');
  });

  it('offers areas, named actions, object kinds and people to filter by, and an area filters its actions', async () => {
    const auditor = await signedIn(hall.app, 'auditor');
    const choices = json(await auditor.get('/api/audit/choices'));
    const org = choices.areas.find((a: { area: string }) => a.area === 'org');
    expect(org.areaLabel).toBe('组织机构');
    expect(choices.targets).toContainEqual({ code: 'department', label: '部门' });
    const inArea = json(await auditor.get('/api/audit?action=org.&pageSize=100')).items;
    expect(inArea.length).toBeGreaterThan(0);
    expect(inArea.every((r: { action: string }) => r.action.startsWith('org.'))).toBe(true);
  });

  it('exports the filtered log as a workbook, and the export is on the log with its size', async () => {
    const auditor = await signedIn(hall.app, 'auditor');
    const total = json(await auditor.get('/api/audit?username=sysadmin')).total;
    const res = await auditor.get('/api/audit/export?username=sysadmin');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志'));
    const [sheet] = await readWorkbook(res.rawPayload);
    expect(sheet?.name).toBe('审计日志');
    expect(sheet?.rows).toHaveLength(total);
    expect(sheet?.rows.every((r) => r['账号'] === 'sysadmin' && typeof r['序号'] === 'number')).toBe(true);
    expect(sheet?.rows.map((r) => r['操作'])).toContain('组织机构 · 部门 · 新建');
    expect(sheet?.rows[0]?.['时间']).toBeInstanceOf(Date);
    const [exported] = json(await auditor.get('/api/audit?action=audit.export')).items;
    expect(exported.detail).toMatchObject({ username: 'sysadmin', rows: total, total });
    expect((await (await signedIn(hall.app, 'clerk')).get('/api/audit/export')).statusCode).toBe(403);
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
