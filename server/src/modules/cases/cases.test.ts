import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, marks, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { readWorkbook } from '../../../test/xlsx-read.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let hallId: string;
let departmentId: string;
let itemId: string;
let otherItemId: string;
let windows: { id: string }[];
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departments = json(await head.get(`/api/departments?hallId=${hallId}`)).items;
  departmentId = departments[0].id;
  windows = json(await head.get(`/api/windows?hallId=${hallId}`)).items;
  itemId = await publishedItem(head, hallId, departmentId, 'LIST-1');
  otherItemId = await publishedItem(head, hallId, departments[1].id, 'LIST-2', { name: '药品零售许可' });
});
afterAll(() => hall.close());

async function accepted(who: Session, over: Record<string, unknown> = {}, name = '钱学森', phone = '13611112222') {
  hall.clock.advance(1000);
  const applicantId = await person(clerk, hallId, { name, phone });
  const r = json(
    await who.post('/api/intake/receptions', {
      itemId,
      applicantId,
      windowId: windows[0]!.id,
      materials: complete(),
      ...over,
    }),
  );
  return json(await who.post(`/api/cases/${r.id}/accept`));
}

describe('case lists', () => {
  it('lists urgent cases first, filters and searches, pages', async () => {
    const regular = await accepted(clerk, {}, '王大明');
    const urgent = await accepted(clerk, { urgency: 'urgent' }, '李急');
    const special = await accepted(
      supervisor,
      { urgency: 'special', windowId: windows[1]!.id, itemId: otherItemId },
      '赵特',
    );
    hall.clock.advance(1000);
    const pending = json(
      await clerk.post('/api/intake/receptions', {
        itemId,
        applicantId: await person(clerk, hallId, { name: '孙待补' }),
        materials: marks({ licence: { status: 'missing', copies: 0, pages: 0 } }),
      }),
    );
    const all = json(await clerk.get('/api/cases?pageSize=50'));
    expect(all.total).toBe(4);
    expect(all.items.map((c: any) => c.id)).toEqual([urgent.id, special.id, pending.id, regular.id]);
    expect(all.items[0]).toMatchObject({ urgency: 'urgent', urgencyLabel: '紧急（绿色通道）', applicantName: '李急' });

    const ids = async (q: string) => json(await clerk.get(`/api/cases?${q}`)).items.map((c: any) => c.id);
    expect(await ids('status=received')).toEqual([pending.id]);
    expect(await ids('status=in_process,received')).toHaveLength(4);
    expect(await ids(`itemId=${otherItemId}`)).toEqual([special.id]);
    expect(await ids(`windowId=${windows[1]!.id}`)).toEqual([special.id]);
    // Only accepted cases have steps in a department.
    expect(await ids(`departmentId=${departmentId}`)).toEqual([urgent.id, regular.id]);
    expect(await ids('urgency=special')).toEqual([special.id]);
    const supervisorId = json(await supervisor.get('/api/auth/me')).id;
    expect(await ids(`personId=${supervisorId}`)).toEqual([special.id]);
    expect(await ids(`q=${encodeURIComponent('王大')}`)).toEqual([regular.id]);
    expect(await ids(`q=${regular.caseNo}`)).toEqual([regular.id]);
    expect(await ids('from=2026-03-02&to=2026-03-02')).toHaveLength(4);
    expect(await ids('from=2026-03-03')).toHaveLength(0);
    const page2 = json(await clerk.get('/api/cases?pageSize=3&page=2'));
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.items.map((c: any) => c.id)).toEqual([regular.id]);
    expect(json(await clerk.get('/api/cases?status=lost'))).toMatchObject({ code: 'VALIDATION', field: 'status' });
  });

  it('shows a hall’s cases only to its own staff', async () => {
    const town = await signedIn(hall.app, 'town_clerk');
    expect(json(await town.get('/api/cases')).total).toBe(0);
    expect((await (await signedIn(hall.app, 'applicant')).get('/api/cases')).statusCode).toBe(403);
  });

  it('masks personal numbers in the case detail', async () => {
    const c = await accepted(clerk, {}, '吴用', '13877776666');
    const detail = json(await clerk.get(`/api/cases/${c.id}`));
    expect(detail.applicant.phone).toBe('138****6666');
    expect(detail.applicant.docNumber).toMatch(/^5108\*{10}\d{3}[\dX]$/);
    expect(JSON.stringify(detail)).not.toContain('13877776666');
  });
});

describe('public progress lookup', () => {
  it('answers with the item, steps and promised date for the right phone digits, nothing personal', async () => {
    const c = await accepted(clerk, {}, '郑成功', '13955554321');
    const anon = new Session(hall.app);
    const res = await anon.get(`/api/public/progress?no=${c.caseNo}&phone4=4321`);
    expect(res.statusCode, res.body).toBe(200);
    const p = json(res);
    expect(p).toMatchObject({
      caseNo: c.caseNo,
      itemName: '食品经营许可证变更',
      stateLabel: '办理中',
      promisedDate: '2026-03-09',
      currentStep: '材料审核、现场核查',
    });
    expect(p.steps.map((s: any) => s.status)).toEqual(['done', 'active', 'active', 'pending']);
    expect(res.body).not.toContain('郑成功');
    expect(res.body).not.toContain('4321"');
    expect(Object.keys(p).sort()).toEqual([
      'acceptedDay',
      'caseNo',
      'clockStopped',
      'completedDay',
      'currentStep',
      'hallName',
      'itemName',
      'notices',
      'promisedDate',
      'provisional',
      'stateLabel',
      'steps',
    ]);
  });

  it('answers a wrong phone exactly like an unknown case, and limits guessing by IP', async () => {
    const c = await accepted(clerk, {}, '冯唐', '13900001111');
    hall.clock.advance(61_000);
    const anon = new Session(hall.app);
    const wrong = await anon.get(`/api/public/progress?no=${c.caseNo}&phone4=2222`);
    const unknown = await anon.get('/api/public/progress?no=QCX-ZWFW-2026-999999&phone4=1111');
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.body).toBe(unknown.body);
    for (let i = 0; i < 8; i++)
      await anon.get(`/api/public/progress?no=${c.caseNo}&phone4=${String(i).padStart(4, '0')}`);
    const limited = await anon.get(`/api/public/progress?no=${c.caseNo}&phone4=1111`);
    expect(limited.statusCode).toBe(429);
    expect(json(limited).code).toBe('RATE_LIMITED');
    hall.clock.advance(60_000);
    expect((await anon.get(`/api/public/progress?no=${c.caseNo}&phone4=1111`)).statusCode).toBe(200);
  });
});

describe('case list export', () => {
  it('exports the filtered list as an .xlsx workbook with personal numbers masked', async () => {
    const c = await accepted(clerk, {}, '欧阳修', '13766668888');
    // The bulk export is a supervisor's (least privilege): a clerk reads cases one list page at a time.
    expect((await clerk.get('/api/cases/export')).statusCode).toBe(403);
    const res = await supervisor.get(`/api/cases/export?q=${encodeURIComponent('欧阳')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet, ...more] = await readWorkbook(res.rawPayload);
    expect(more).toHaveLength(0);
    expect(sheet!.name).toBe('办件清单');
    expect(sheet!.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.rows).toHaveLength(1);
    const row = sheet!.rows[0]!;
    expect(row).toMatchObject({ 办件编号: c.caseNo, 申请人: '欧阳修', 联系电话: '137****8888' });
    // The ID number stays masked text; the days are real date cells.
    expect(typeof row['证件号码']).toBe('string');
    expect(row['证件号码']).toContain('*');
    expect(row['受理日期']).toBeInstanceOf(Date);
    expect(row['承诺办结日期']).toBeInstanceOf(Date);
    expect(sheet!.sheet.getRow(2).getCell(sheet!.header.indexOf('受理日期') + 1).numFmt).toBe('yyyy-mm-dd');
    const text = JSON.stringify(sheet!.rows);
    expect(text).not.toContain('13766668888');
    expect(text).not.toContain('王大明');
    expect((await supervisor.get('/api/cases/export?status=lost')).statusCode).toBe(400);
  });
});
