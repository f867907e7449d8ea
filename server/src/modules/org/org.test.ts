import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let sys: Session;
beforeAll(async () => {
  hall = await buildTestHall();
  sys = await signedIn(hall.app, 'sysadmin');
});
afterAll(() => hall.close());

describe('halls, departments and windows', () => {
  it('opens a hall with departments and windows serving its items', async () => {
    const created = await sys.post('/api/halls', {
      code: 'NEW01',
      name: '青川县东城街道便民服务中心',
      address: '东城街道 1 号',
      phone: '0839-1234567',
      openingHours: '工作日 9:00-17:00',
    });
    expect(created.statusCode).toBe(201);
    const newHall = json(created);
    expect(json(await sys.get('/api/halls')).items.map((h: { id: string }) => h.id)).toContain(newHall.id);
    const dep = await sys.post('/api/departments', { hallId: newHall.id, code: 'MZ', name: '民政办' });
    expect(dep.statusCode).toBe(201);
    const dup = await sys.post('/api/departments', { hallId: newHall.id, code: 'MZ', name: '另一个民政办' });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).field).toBe('code');

    const win = await sys.post('/api/windows', {
      hallId: newHall.id,
      number: 1,
      name: '综合受理一号窗',
      kind: 'general',
      itemIds: [],
    });
    expect(win.statusCode).toBe(201);
    expect(
      (await sys.post('/api/windows', { hallId: newHall.id, number: 1, name: '重复', kind: 'general' })).statusCode,
    ).toBe(409);
    const patched = json(await sys.patch(`/api/windows/${json(win).id}`, { status: 'inactive', name: '综合受理窗口' }));
    expect(patched).toMatchObject({ status: 'inactive', name: '综合受理窗口' });
  });

  it('assigns service items to a window and refuses items of another hall', async () => {
    const me = json(await sys.get('/api/auth/me'));
    const [county, town] = me.halls;
    const countyItems = json(await sys.get(`/api/catalog/items?hallId=${county.id}&pageSize=5`)).items;
    const townItems = json(await sys.get(`/api/catalog/items?hallId=${town.id}&pageSize=5`)).items;
    const windows = json(await sys.get(`/api/windows?hallId=${county.id}`)).items;
    const ids = countyItems.slice(0, 3).map((i: { id: string }) => i.id);
    const updated = json(await sys.patch(`/api/windows/${windows[0].id}`, { itemIds: ids }));
    expect(updated.itemIds.sort()).toEqual([...ids].sort());
    const bad = await sys.patch(`/api/windows/${windows[0].id}`, { itemIds: [townItems[0].id] });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).field).toBe('itemIds');
  });

  it('rejects bad input naming the field, and unknown fields', async () => {
    const me = json(await sys.get('/api/auth/me'));
    const res = await sys.post('/api/windows', { hallId: me.halls[0].id, number: 'three', name: '窗口' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'VALIDATION', field: 'number' });
    expect(json(res).message).toContain('number');
    const extra = await sys.patch(`/api/halls/${me.halls[0].id}`, { colour: 'red' });
    expect(extra.statusCode).toBe(400);
    const english = await sys.request('POST', '/api/halls', { name: '' }, { 'accept-language': 'en-US' });
    expect(json(english).message).toMatch(/^Field /);
  });
});
