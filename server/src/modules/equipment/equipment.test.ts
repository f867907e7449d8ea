import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let inspector: Session;
let hallId: string;
let windowId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  inspector = await signedIn(hall.app, 'inspector');
  hallId = json(await supervisor.get('/api/auth/me')).halls[0].id;
  windowId = json(await supervisor.get(`/api/windows?hallId=${hallId}`)).items[0].id;
});
afterAll(() => hall.close());

const add = (body: Record<string, unknown>) => supervisor.post('/api/equipment', { hallId, ...body });

describe('equipment register', () => {
  it('registers devices by window; a bad window or a repeated asset number names the field', async () => {
    const kiosk = await add({ kind: 'kiosk', name: '自助取号机', assetNo: 'ZZ-T01', location: '大厅入口' });
    expect(kiosk.statusCode, kiosk.body).toBe(201);
    expect(json(kiosk).equipment).toMatchObject({ kindLabel: '自助终端', status: 'normal', openFaults: 0 });
    const again = await add({ kind: 'printer', name: '打印机', assetNo: 'ZZ-T01' });
    expect(json(again)).toMatchObject({ code: 'VALIDATION', field: 'assetNo' });
    const badWindow = await add({ kind: 'printer', name: '打印机', assetNo: 'DY-1', windowId: 'nope' });
    expect(json(badWindow)).toMatchObject({ code: 'VALIDATION', field: 'windowId' });
    const printer = await add({ kind: 'printer', name: '窗口打印机', assetNo: 'DY-1', windowId });
    expect(json(printer).equipment.windowName).toMatch(/号窗口$/);
    expect((await clerk.post('/api/equipment', { hallId, kind: 'pc', name: 'x', assetNo: 'x' })).statusCode).toBe(403);
    const byWindow = json(await clerk.get(`/api/equipment?hallId=${hallId}&windowId=${windowId}`));
    expect(byWindow.items.map((e: { assetNo: string }) => e.assetNo)).toContain('DY-1');
    expect(byWindow.items.every((e: { windowId: string }) => e.windowId === windowId)).toBe(true);
  });

  it("a kiosk's fault shows on the supervisor's board until it is fixed", async () => {
    const list = json(await clerk.get(`/api/equipment?hallId=${hallId}`));
    const kiosk = list.items.find((e: { assetNo: string }) => e.assetNo === 'ZZ-T01');
    const printer = list.items.find((e: { assetNo: string }) => e.assetNo === 'DY-1');
    expect(json(await clerk.post(`/api/equipment/${kiosk.id}/faults`, { description: '' }))).toMatchObject({
      field: 'description',
    });
    await clerk.post(`/api/equipment/${printer.id}/faults`, { description: '卡纸' });
    const reported = json(await clerk.post(`/api/equipment/${kiosk.id}/faults`, { description: '触摸屏无响应' }));
    expect(reported.equipment).toMatchObject({ status: 'faulty', openFaults: 1 });
    const board = json(await supervisor.get(`/api/supervision/board?hallId=${hallId}`));
    expect(board.equipmentFaults.map((f: { assetNo: string }) => f.assetNo)).toEqual(['ZZ-T01', 'DY-1']);
    expect(board.equipmentFaults[0]).toMatchObject({ publicFacing: true, description: '触摸屏无响应' });
    expect(json(await inspector.get(`/api/supervision/board?hallId=${hallId}`)).equipmentFaults).toHaveLength(2);

    const faultId = reported.faults[0].id;
    expect((await clerk.post(`/api/equipment/faults/${faultId}/fix`, { resolution: '更换' })).statusCode).toBe(403);
    const fixed = json(await supervisor.post(`/api/equipment/faults/${faultId}/fix`, { resolution: '重启后恢复' }));
    expect(fixed.equipment).toMatchObject({ status: 'normal', openFaults: 0 });
    expect((await supervisor.post(`/api/equipment/faults/${faultId}/fix`, { resolution: 'x' })).statusCode).toBe(409);
    const after = json(await supervisor.get(`/api/supervision/board?hallId=${hallId}`));
    expect(after.equipmentFaults.map((f: { assetNo: string }) => f.assetNo)).toEqual(['DY-1']);
  });

  it('a maintenance plan comes due and moves on by its interval when maintenance is recorded', async () => {
    const res = await add({
      kind: 'id_reader',
      name: '身份证读卡器',
      assetNo: 'SF-1',
      maintenanceEveryDays: 90,
      nextMaintenanceDay: '2026-03-01',
    });
    const e = json(res).equipment;
    expect(e.maintenanceDue).toBe(true);
    const future = await supervisor.post(`/api/equipment/${e.id}/maintenance`, { day: '2027-01-01', note: '清洁' });
    expect(json(future)).toMatchObject({ code: 'VALIDATION', field: 'day' });
    const done = json(await supervisor.post(`/api/equipment/${e.id}/maintenance`, { day: '2026-03-02', note: '清洁' }));
    expect(done.equipment).toMatchObject({ nextMaintenanceDay: '2026-05-31', maintenanceDue: false });
    expect(done.maintenance[0]).toMatchObject({ day: '2026-03-02', note: '清洁' });
  });

  it('edits a device and its maintenance plan: a partial change keeps the rest, audited; retiring ends it', async () => {
    const e = json(
      await add({
        kind: 'display',
        name: '综合显示屏',
        assetNo: 'XS-1',
        windowId,
        location: '大厅东墙',
        maintenanceEveryDays: 30,
        nextMaintenanceDay: '2026-04-01',
      }),
    ).equipment;
    const patch = (body: Record<string, unknown>, who = supervisor) => who.patch(`/api/equipment/${e.id}`, body);
    expect((await patch({ name: '叫号屏' }, clerk)).statusCode).toBe(403);
    expect(json(await patch({ assetNo: 'DY-1' }))).toMatchObject({ code: 'VALIDATION', field: 'assetNo' });
    expect(json(await patch({ windowId: 'nope' }))).toMatchObject({ code: 'VALIDATION', field: 'windowId' });
    expect(json(await patch({ nextMaintenanceDay: '2026/05/01' }))).toMatchObject({ field: 'nextMaintenanceDay' });

    const renamed = json(await patch({ name: '叫号屏' })).equipment;
    expect(renamed).toMatchObject({
      name: '叫号屏',
      assetNo: 'XS-1',
      windowId,
      location: '大厅东墙',
      maintenanceEveryDays: 30,
      nextMaintenanceDay: '2026-04-01',
    });
    const replanned = json(
      await patch({ maintenanceEveryDays: 180, nextMaintenanceDay: '2026-09-01', windowId: null }),
    );
    expect(replanned.equipment).toMatchObject({
      name: '叫号屏',
      windowId: null,
      maintenanceEveryDays: 180,
      nextMaintenanceDay: '2026-09-01',
      maintenanceDue: false,
    });
    const noPlan = json(await patch({ maintenanceEveryDays: null, nextMaintenanceDay: null })).equipment;
    expect(noPlan).toMatchObject({ maintenanceEveryDays: null, nextMaintenanceDay: null, maintenanceDue: false });
    const rows = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', e.id)
      .where('action', '=', 'equipment.update')
      .execute();
    expect(rows).toHaveLength(3);

    expect(json(await patch({ retired: true })).equipment.status).toBe('retired');
    expect((await clerk.post(`/api/equipment/${e.id}/faults`, { description: '黑屏' })).statusCode).toBe(409);
  });
});
