/**
 * 县乡联办: the township station accepts a county item the county allows it to receive, the county's back office
 * works the case by the item's own process, and the result is handed over where the applicant chose; each hall
 * sees the case in its own scope, and nothing else crosses between the halls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { nextResidentId, person } from '../../../test/intake-fixtures.ts';

let hall: TestHall;
const sessions = new Map<string, Session>();
let countyId = '';
let townId = '';
type Item = { id: string; code: string; name: string; hallId: string; postAllowed: boolean; materials: any[] };
let offered: Item[] = [];

async function as(username: string) {
  let s = sessions.get(username);
  if (!s) {
    s = await signedIn(hall.app, username);
    sessions.set(username, s);
  }
  return s;
}

async function ok(res: Awaited<ReturnType<Session['post']>>, what: string, status = 200) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
  return json(res);
}

const audits = (action: string) =>
  hall.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

const received = (item: Item) =>
  item.materials.map((m) =>
    m.requirement === 'required'
      ? { key: m.key, status: 'received', copies: 1, pages: 2 }
      : { key: m.key, status: 'not_applicable' },
  );
const itemOf = (code: string) => offered.find((i) => i.code === code)!;

async function acceptAtStation(code: string, phone: string, over: Record<string, unknown> = {}) {
  const town = await as('town_clerk');
  const applicantId = await person(town, townId, { name: '赵秀英', phone });
  return town.post('/api/township/acceptances', {
    stationHallId: townId,
    itemId: itemOf(code).id,
    applicantId,
    materials: received(itemOf(code)),
    pickup: 'station',
    ...over,
  });
}

beforeAll(async () => {
  hall = await buildTestHall();
  const me = json(await (await as('sysadmin')).get('/api/auth/me'));
  for (const h of me.halls as { id: string; name: string }[]) {
    if (h.name.includes('桥头镇')) townId = h.id;
    else countyId = h.id;
  }
  offered = json(await (await as('town_clerk')).get(`/api/township/items?stationHallId=${townId}`)).items;
});
afterAll(() => hall.close());

describe('the reception form of the township station', () => {
  it('offers exactly the county items published as receivable at this station, with their checklists', () => {
    expect(offered.map((i) => [i.code, i.hallId, i.postAllowed])).toEqual([
      ['MZ-002', countyId, false],
      ['MZ-004', countyId, true],
    ]);
    expect(offered[1]!.materials.length).toBeGreaterThan(1);
  });

  it('is refused to staff of another hall (a county clerk naming the station)', async () => {
    const res = await (await as('clerk')).get(`/api/township/items?stationHallId=${townId}`);
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'VALIDATION', field: 'stationHallId' });
  });
});

describe('a county case received at the station, from acceptance to the hand-over at the station', () => {
  it('is numbered by the county, worked by the county back office and handed over by the station', async () => {
    const phone = '13811112222';
    const accepted = await ok(await acceptAtStation('MZ-004', phone), 'accept at the station', 201);
    // The case is the county's: its number, its process; the record names the receiving station.
    expect(accepted.caseNo).toMatch(/^QCX-ZWFW-\d{4}-\d{6}$/);
    expect(accepted).toMatchObject({
      stationName: '青川县桥头镇便民服务中心',
      countyName: '青川县政务服务中心',
      state: 'in_review',
      pickup: 'station',
      receivedBy: expect.any(String),
      handedOver: null,
      actions: [],
    });
    expect(accepted.steps.map((s: any) => [s.name, s.status])).toEqual([
      ['受理', 'done'],
      ['审核（残疾状况核实）', 'active'],
      ['审定', 'pending'],
      ['办结', 'pending'],
    ]);
    expect(accepted.documents.map((d: any) => d.kindLabel)).toEqual(['收件回执单']);
    const caseId = accepted.caseId as string;

    // The station prints the receipt it hands over; it cannot open the county's case itself.
    const town = await as('town_clerk');
    const receipt = accepted.documents[0];
    expect((await town.get(`/api/township/cases/${caseId}/documents/${receipt.id}/pdf`)).statusCode).toBe(200);
    expect((await town.get(`/api/cases/${caseId}`)).statusCode).toBe(404);

    // The county back office finds it in its own inbox, marked 乡镇收件 with the station's name.
    const reviewer = await as('mz_reviewer');
    const step = (c: any, name: string) => c.steps.find((s: any) => s.name === name);
    let c = json(await reviewer.get(`/api/cases/${caseId}`));
    expect(c.hallId).toBe(countyId);
    expect(json(await reviewer.get('/api/backoffice/inbox/mine')).items.map((i: any) => i.caseId)).toContain(caseId);
    expect(json(await reviewer.get(`/api/cases/${caseId}/township`)).township).toMatchObject({
      stationName: '青川县桥头镇便民服务中心',
      pickup: 'station',
      pickupLabel: '乡镇便民服务中心领取',
    });
    // The inbox marks it too (an unknown id is left out).
    const origins = json(await reviewer.get(`/api/township/origins?caseIds=${caseId},no-such-case`));
    expect(origins.items).toEqual([{ caseId, stationName: '青川县桥头镇便民服务中心' }]);
    // The station cannot do the county's back-office steps: the case is outside its halls, and that is audited.
    const review = step(c, '审核（残疾状况核实）');
    const refused = await town.post(`/api/cases/${caseId}/steps/${review.id}/claim`);
    expect(refused.statusCode).toBe(404);
    expect((await audits('access.out_of_scope')).map((a) => [a.username, a.target_id])).toContainEqual([
      'town_clerk',
      caseId,
    ]);

    c = await ok(await reviewer.post(`/api/cases/${caseId}/steps/${review.id}/claim`), 'claim review');
    c = await ok(await reviewer.post(`/api/cases/${caseId}/review/pass`, { note: '残疾状况属实' }), 'pass');
    // MZ-004 is signed at the 分管领导 level: the department's deputy leader signs it.
    const approver = await as('mz_leader');
    c = await ok(await approver.post(`/api/cases/${caseId}/steps/${step(c, '审定').id}/claim`), 'claim approval');
    c = await ok(await approver.post(`/api/cases/${caseId}/approval/approve`, { note: '同意' }), 'approve');
    // The station follows the county's progress in its own list.
    const listed = json(await town.get(`/api/township/cases?stationHallId=${townId}`));
    expect(listed.items.find((x: any) => x.caseId === caseId)).toMatchObject({ state: 'approved', actions: [] });
    // Not ready yet: the station cannot hand over before the county completes the case.
    const early = await town.post(`/api/township/cases/${caseId}/hand-over`, {
      collectedBy: '赵秀英',
      docType: 'resident_id',
      docNumber: nextResidentId(),
    });
    expect(early.statusCode).toBe(409);

    const clerk = await as('clerk');
    c = await ok(
      await clerk.post(`/api/cases/${caseId}/complete`, { outcome: 'success', summary: '准予' }),
      'complete',
    );
    expect(c.state).toBe('completed');
    // The applicant collects at the station: the county window may not record the hand-over.
    const atCounty = await clerk.post(`/api/cases/${caseId}/collect`, {
      collectedBy: '赵秀英',
      docType: 'resident_id',
      docNumber: nextResidentId(),
    });
    expect(atCounty.statusCode).toBe(409);
    expect(json(atCounty).code).toBe('PICKUP_ELSEWHERE');

    let s = await ok(await town.post(`/api/township/cases/${caseId}/notify`, { channel: 'sms' }), 'notify');
    expect(s).toMatchObject({ state: 'awaiting_collection', actions: ['handOver'] });
    const docNumber = nextResidentId();
    s = await ok(
      await town.post(`/api/township/cases/${caseId}/hand-over`, {
        collectedBy: '赵秀英',
        docType: 'resident_id',
        docNumber,
      }),
      'hand over at the station',
    );
    expect(s).toMatchObject({
      state: 'delivered',
      actions: [],
      handedOver: { hallName: '青川县桥头镇便民服务中心', by: expect.any(String) },
    });
    expect(JSON.stringify(s)).not.toContain(docNumber);
    // A second hand-over is refused, and the county archives the case.
    expect(
      (
        await town.post(`/api/township/cases/${caseId}/hand-over`, {
          collectedBy: '赵秀英',
          docType: 'resident_id',
          docNumber,
        })
      ).statusCode,
    ).toBe(409);
    await ok(await clerk.post(`/api/cases/${caseId}/archive`, {}), 'archive');

    // Trail and audit of each step, by the hall that did it.
    c = json(await clerk.get(`/api/cases/${caseId}`));
    expect(c.state).toBe('archived');
    const trail = c.events.map((e: any) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['townshipReception', 'registerCollection', 'townshipHandOver']));
    expect(c.events.find((e: any) => e.action === 'townshipHandOver').detail).toMatchObject({
      station: '青川县桥头镇便民服务中心',
    });
    expect((await audits('case.township_accept')).map((a) => [a.username, a.target_id])).toEqual([
      ['town_clerk', caseId],
    ]);
    expect((await audits('case.township_handover')).map((a) => [a.username, a.target_id])).toEqual([
      ['town_clerk', caseId],
    ]);

    // The public progress page shows both places; a wrong phone learns nothing.
    const pub = new Session(hall.app);
    const places = json(await pub.get(`/api/public/progress/places?no=${c.caseNo}&phone4=2222`));
    expect(places.places).toEqual({
      receivedAt: '青川县桥头镇便民服务中心',
      processedAt: '青川县政务服务中心',
      pickup: 'station',
      pickupLabel: '乡镇便民服务中心领取',
    });
    expect((await pub.get(`/api/public/progress/places?no=${c.caseNo}&phone4=0000`)).statusCode).toBe(404);
  });

  it('keeps the applicant in both registries: the station file and the county copy of the same person', async () => {
    const accepted = await ok(await acceptAtStation('MZ-002', '13811113333', { pickup: 'county' }), 'accept', 201);
    const clerk = await as('clerk');
    const c = json(await clerk.get(`/api/cases/${accepted.caseId}`));
    expect(c.applicant.name).toBe('赵秀英');
    // The county's copy is the county's file: its clerk opens it, the station does not.
    expect((await clerk.get(`/api/applicants/${c.applicant.id}`)).statusCode).toBe(200);
    expect((await (await as('town_clerk')).get(`/api/applicants/${c.applicant.id}`)).statusCode).toBe(404);
    expect(accepted.applicantName).toBe('赵秀英');
    // Collected at the county window: the station may not record it.
    const s = json(await (await as('town_clerk')).get(`/api/township/cases/${accepted.caseId}`));
    expect(s).toMatchObject({ pickup: 'county', pickupLabel: '县政务服务中心窗口领取', actions: [] });
  });
});

describe('a retried acceptance', () => {
  it('with the same Idempotency-Key gets the first answer and makes one case', async () => {
    const town = await as('town_clerk');
    const applicantId = await person(town, townId, { name: '钱玉兰', phone: '13811120000' });
    const body = {
      stationHallId: townId,
      itemId: itemOf('MZ-004').id,
      applicantId,
      materials: received(itemOf('MZ-004')),
      pickup: 'county',
    };
    const before = json(await town.get('/api/township/cases')).total;
    const first = await town.post('/api/township/acceptances', body, { 'idempotency-key': 'tw-accept-1' });
    const again = await town.post('/api/township/acceptances', body, { 'idempotency-key': 'tw-accept-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(json(again).caseNo).toBe(json(first).caseNo);
    expect(json(await town.get('/api/township/cases')).total).toBe(before + 1);
  });
});

describe('the catalogue', () => {
  it('refuses an item naming its own hall, or no hall, as a receiving station', async () => {
    const head = await as('sysadmin');
    const item = json(await head.get(`/api/catalog/items/${itemOf('MZ-004').id}`));
    expect(item.content.townshipReception).toEqual({ stationHallIds: [townId], postAllowed: true });
    for (const [ids, field] of [
      [[countyId], 'content.townshipReception.stationHallIds.0'],
      [[townId, 'no-such-hall'], 'content.townshipReception.stationHallIds.1'],
    ] as const) {
      const content = { ...item.content, townshipReception: { stationHallIds: ids, postAllowed: false } };
      const res = await head.put(`/api/catalog/items/${item.id}/draft`, { content });
      expect(res.statusCode).toBe(400);
      expect(json(res)).toMatchObject({ code: 'VALIDATION', field });
    }
  });
});

describe('refusals', () => {
  it('refuses a county item the station is not allowed to receive, and the station’s own items', async () => {
    const sys = await as('sysadmin');
    const countyItems = json(await sys.get(`/api/catalog/items?hallId=${countyId}&pageSize=100`)).items as any[];
    const notAllowed = countyItems.find((i) => i.code === 'GA-001');
    const townItems = json(await sys.get(`/api/catalog/items?hallId=${townId}&pageSize=100`)).items as any[];
    const own = townItems.find((i) => i.code === 'SH-001');
    const town = await as('town_clerk');
    const applicantId = await person(town, townId, { phone: '13811114444' });
    const before = json(await town.get('/api/township/cases')).total;
    for (const itemId of [notAllowed.id, own.id]) {
      const res = await town.post('/api/township/acceptances', {
        stationHallId: townId,
        itemId,
        applicantId,
        materials: [{ key: 'm1', status: 'received', copies: 1, pages: 1 }],
        pickup: 'station',
      });
      expect(res.statusCode).toBe(400);
      expect(json(res)).toMatchObject({
        code: 'VALIDATION',
        field: 'itemId',
        message: '该事项未授权本便民服务中心收件',
      });
    }
    expect(json(await town.get('/api/township/cases')).total).toBe(before);
  });

  it('refuses county staff on the station’s own items and cases', async () => {
    const town = await as('town_clerk');
    const townItems = json(await (await as('sysadmin')).get(`/api/catalog/items?hallId=${townId}&pageSize=100`))
      .items as any[];
    const sh = json(
      await (await as('sysadmin')).get(`/api/catalog/items/${townItems.find((i) => i.code === 'SH-001').id}`),
    );
    const applicantId = await person(town, townId, { phone: '13811115555' });
    const own = await ok(
      await town.post('/api/intake/acceptances', {
        itemId: sh.id,
        applicantId,
        materials: sh.content.materials.map((m: any) =>
          m.requirement === 'required'
            ? { key: m.key, status: 'received', copies: 1, pages: 1 }
            : { key: m.key, status: 'not_applicable' },
        ),
      }),
      'a station case',
      201,
    );
    const clerk = await as('clerk');
    const countyApplicant = await person(clerk, countyId, { phone: '13811116666' });
    const res = await clerk.post('/api/intake/acceptances', {
      itemId: sh.id,
      applicantId: countyApplicant,
      materials: [{ key: 'm1', status: 'received', copies: 1, pages: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).field).toBe('itemId');
    expect((await (await as('sh_reviewer')).get(`/api/cases/${own.id}`)).statusCode).toBe(200);
    expect((await (await as('mz_reviewer')).get(`/api/cases/${own.id}`)).statusCode).toBe(404);
    const step = json(await town.get(`/api/cases/${own.id}`)).steps.find((s: any) => s.status === 'active');
    expect((await (await as('reviewer')).post(`/api/cases/${own.id}/steps/${step.id}/claim`)).statusCode).toBe(404);
    // The township views are no way round: a station case is not a county case, and county staff see no station.
    expect((await clerk.get(`/api/township/cases/${own.id}`)).statusCode).toBe(404);
    expect(json(await clerk.get('/api/township/cases')).total).toBe(0);
    expect((await town.get(`/api/township/cases/${own.id}`)).statusCode).toBe(409);
  });

  it('refuses post where the item does not allow it, and post without an address, writing nothing', async () => {
    const before = json(await (await as('town_clerk')).get('/api/township/cases')).total;
    const noPost = await acceptAtStation('MZ-002', '13811117777', { pickup: 'post' });
    expect(noPost.statusCode).toBe(400);
    expect(json(noPost).field).toBe('pickup');
    const noAddress = await acceptAtStation('MZ-004', '13811118888', { pickup: 'post' });
    expect(json(noAddress)).toMatchObject({ code: 'VALIDATION', field: 'mailingAddress' });
    // An incomplete checklist is refused before anything of the case exists.
    const incomplete = await acceptAtStation('MZ-004', '13811119999', {
      materials: [{ key: 'm1', status: 'missing' }, ...received(itemOf('MZ-004')).slice(1)],
    });
    expect(incomplete.statusCode).toBe(409);
    expect(json(incomplete).code).toBe('MATERIALS_INCOMPLETE');
    expect(json(await (await as('town_clerk')).get('/api/township/cases')).total).toBe(before);
    // The county registry got no copy of an applicant whose reception was refused.
    const search = (hallId: string) =>
      (hallId === countyId ? as('clerk') : as('town_clerk')).then(async (s) =>
        json(await s.post('/api/applicants/search', { hallId, q: '13811119999' })),
      );
    expect((await search(townId)).items).toHaveLength(1);
    expect((await search(countyId)).items).toHaveLength(0);
    const posted = await ok(
      await acceptAtStation('MZ-004', '13811110000', { pickup: 'post', mailingAddress: '青川县桥头镇桥头街5号' }),
      'post',
      201,
    );
    expect(posted).toMatchObject({ pickup: 'post', mailingAddress: '青川县桥头镇桥头街5号' });
  });
});
