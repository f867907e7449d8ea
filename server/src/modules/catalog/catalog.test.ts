import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';
import { publishedContent } from './service.ts';

let hall: TestHall;
let head: Session;
let hallId: string;
let departmentId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
});
afterAll(() => hall.close());

const content = (over: Record<string, unknown> = {}) => ({
  name: '道路运输经营许可证补办',
  category: 'transport',
  departmentIds: [departmentId],
  description: '道路运输经营许可证遗失或损毁的补办。',
  basis: '《中华人民共和国道路运输条例》',
  conditions: '许可证遗失或损毁',
  kind: 'committed',
  legalDays: 20,
  promisedDays: 5,
  warningDays: 1,
  feeFen: 0,
  feeNote: '不收费',
  approvalLevel: 'section',
  materials: [
    {
      key: 'm1',
      name: '补办申请书',
      form: 'original',
      copies: 1,
      requirement: 'required',
      condition: '',
      notes: '',
      essential: true,
      hasBlankForm: true,
      hasSample: true,
    },
    {
      key: 'm2',
      name: '授权委托书',
      form: 'original',
      copies: 1,
      requirement: 'conditional',
      condition: '委托他人办理的',
      notes: '',
      essential: false,
      hasBlankForm: true,
      hasSample: false,
    },
  ],
  steps: [
    { key: 's1', name: '受理', order: 1, role: 'clerk', departmentId: null, limitDays: 0 },
    { key: 's2', name: '审核', order: 2, role: 'reviewer', departmentId, limitDays: 2 },
    { key: 's3', name: '现场核查', order: 2, role: 'handler', departmentId, limitDays: 3 },
    { key: 's4', name: '审批', order: 3, role: 'approver', departmentId, limitDays: 2 },
  ],
  faq: [{ question: '可以代办吗？', answer: '可以，需提供授权委托书。' }],
  ...over,
});

describe('service catalogue', () => {
  it('creates a draft, publishes it, and shows it in the public guide', async () => {
    const created = await head.post('/api/catalog/items', { hallId, code: 'JT-901', content: content() });
    expect(created.statusCode).toBe(201);
    const item = json(created);
    expect(item).toMatchObject({ status: 'draft', draftVersion: 1, publishedVersion: null });
    const anonymous = new Session(hall.app);
    expect((await anonymous.get(`/api/public/guide/${item.id}`)).statusCode).toBe(404);

    const published = json(await head.post(`/api/catalog/items/${item.id}/publish`));
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1, draftVersion: null });
    const guide = json(await anonymous.get(`/api/public/guide/${item.id}`));
    expect(guide.content.name).toBe('道路运输经营许可证补办');
    expect(guide.content.materials).toHaveLength(2);
    expect(guide.hall.id).toBe(hallId);
    const listed = json(await anonymous.get(`/api/public/guide?q=${encodeURIComponent('道路运输')}`)).items;
    expect(listed.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('makes a new version on publish and keeps the old one readable (R1.5)', async () => {
    const item = json(await head.post('/api/catalog/items', { hallId, code: 'JT-902', content: content() }));
    await head.post(`/api/catalog/items/${item.id}/publish`);
    const edited = content({
      promisedDays: 4,
      materials: [
        ...content().materials,
        {
          key: 'm3',
          name: '身份证',
          form: 'copy',
          copies: 1,
          requirement: 'required',
          condition: '',
          notes: '',
          essential: true,
          hasBlankForm: false,
          hasSample: false,
        },
      ],
    });
    edited.steps = edited.steps.map((s) => (s.key === 's3' ? { ...s, limitDays: 2 } : s));
    const draft = json(await head.put(`/api/catalog/items/${item.id}/draft`, { content: edited }));
    expect(draft).toMatchObject({ publishedVersion: 1, draftVersion: 2 });
    // The public still sees version 1 until the draft is published.
    expect(json(await new Session(hall.app).get(`/api/public/guide/${item.id}`)).content.promisedDays).toBe(5);
    const v2 = json(await head.post(`/api/catalog/items/${item.id}/publish`));
    expect(v2.publishedVersion).toBe(2);
    expect(v2.versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const v1 = json(await head.get(`/api/catalog/items/${item.id}/versions/1`));
    expect(v1.content.promisedDays).toBe(5);
    expect(v1.content.materials).toHaveLength(2);
    expect(json(await new Session(hall.app).get(`/api/public/guide/${item.id}`)).content.materials).toHaveLength(3);
  });

  it('keeps a published version’s content for the cases pinned to it, and never a draft’s', async () => {
    const item = json(await head.post('/api/catalog/items', { hallId, code: 'JT-903', content: content() }));
    // Read while still a draft (version 1), then edited: the edit is what is read next.
    expect((await publishedContent(hall.ctx.db, item.id, 1))?.promisedDays).toBe(5);
    const edit = (promisedDays: number) =>
      head.put(`/api/catalog/items/${item.id}/draft`, { content: content({ promisedDays }) });
    expect((await edit(6)).statusCode).toBe(200);
    expect((await publishedContent(hall.ctx.db, item.id, 1))?.promisedDays).toBe(6);
    await head.post(`/api/catalog/items/${item.id}/publish`);
    // Version 2, edited and published, is its own content; version 1 stays as it was published.
    expect((await edit(8)).statusCode).toBe(200);
    expect((await publishedContent(hall.ctx.db, item.id, 2))?.promisedDays).toBe(8);
    await head.post(`/api/catalog/items/${item.id}/publish`);
    expect((await publishedContent(hall.ctx.db, item.id, 1))?.promisedDays).toBe(6);
    expect((await publishedContent(hall.ctx.db, item.id, 2))?.promisedDays).toBe(8);
    expect(await publishedContent(hall.ctx.db, item.id, 3)).toBeNull();
  });

  it('names the field of every broken rule and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ promisedDays: 30 }, 'content.promisedDays'],
      [{ kind: 'instant' }, 'content.promisedDays'],
      [{ promisedDays: 3 }, 'content.steps'],
      [{ materials: [] }, 'content.materials'],
      [{ materials: [{ ...content().materials[1], condition: '' }] }, 'content.materials.0.condition'],
      [{ departmentIds: ['no-such-department'] }, 'content.departmentIds'],
      [{ category: 'space' }, 'content.category'],
    ];
    for (const [over, field] of cases) {
      const res = await head.post('/api/catalog/items', { hallId, code: 'JT-999', content: content(over) });
      expect(res.statusCode, field).toBe(400);
      expect(json(res).field, JSON.stringify(over)).toBe(field);
    }
    const rows = await hall.ctx.db.selectFrom('service_items').select('id').where('code', '=', 'JT-999').execute();
    expect(rows).toHaveLength(0);
  });

  it('keeps fee items in integer fen exactly and names the broken fee field', async () => {
    const feeItems = [
      { name: '工本费', amountFen: 1_999 },
      { name: '证照费', amountFen: 29 },
    ];
    const created = await head.post('/api/catalog/items', {
      hallId,
      code: 'JT-905',
      content: content({ feeFen: 5, feeItems, payBeforeCompletion: true }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = json(created).id;
    expect(json(await head.get(`/api/catalog/items/${id}`)).content).toMatchObject({
      feeFen: 2_028,
      feeItems,
      payBeforeCompletion: true,
    });
    const broken: [Record<string, unknown>, string][] = [
      [{ feeItems: [{ name: '工本费', amountFen: 0 }] }, 'content.feeItems.0.amountFen'],
      [{ feeItems: [{ name: '工本费', amountFen: 12.5 }] }, 'content.feeItems.0.amountFen'],
      [{ feeItems: [...feeItems, { name: '', amountFen: 100 }] }, 'content.feeItems.2.name'],
      [{ feeItems: [...feeItems, { name: '证照费', amountFen: 100 }] }, 'content.feeItems.2.name'],
      [{ feeFen: 0, payBeforeCompletion: true }, 'content.payBeforeCompletion'],
    ];
    for (const [over, field] of broken) {
      const res = await head.put(`/api/catalog/items/${id}/draft`, { content: content(over) });
      expect(res.statusCode, field).toBe(400);
      expect(json(res).field, JSON.stringify(over)).toBe(field);
    }
    expect(json(await head.get(`/api/catalog/items/${id}`)).content.feeItems).toEqual(feeItems);
  });

  it('refuses a duplicate code in the same hall', async () => {
    await head.post('/api/catalog/items', { hallId, code: 'JT-903', content: content() });
    const res = await head.post('/api/catalog/items', { hallId, code: 'JT-903', content: content() });
    expect(res.statusCode).toBe(409);
    expect(json(res).field).toBe('code');
  });

  it('retires an item: gone from the guide, still readable by staff', async () => {
    const item = json(await head.post('/api/catalog/items', { hallId, code: 'JT-904', content: content() }));
    await head.post(`/api/catalog/items/${item.id}/publish`);
    const retired = json(await head.post(`/api/catalog/items/${item.id}/retire`));
    expect(retired.status).toBe('retired');
    expect((await new Session(hall.app).get(`/api/public/guide/${item.id}`)).statusCode).toBe(404);
    expect((await head.get(`/api/catalog/items/${item.id}/versions/1`)).statusCode).toBe(200);
  });

  it('lets a clerk read the catalogue but not change it', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    const list = json(await clerk.get('/api/catalog/items?pageSize=100'));
    expect(list.total).toBeGreaterThanOrEqual(20);
    expect((await clerk.post('/api/catalog/items', { hallId, code: 'JT-905', content: content() })).statusCode).toBe(
      403,
    );
  });

  it('seeds a realistic demo hall: 20+ published items with materials and steps, 6+ windows', async () => {
    const guide = json(await new Session(hall.app).get(`/api/public/guide?hallId=${hallId}&pageSize=200`));
    expect(guide.total).toBeGreaterThanOrEqual(20);
    const windows = json(await head.get(`/api/windows?hallId=${hallId}`)).items;
    expect(windows.length).toBeGreaterThanOrEqual(6);
    const detail = json(await new Session(hall.app).get(`/api/public/guide/${guide.items[0].id}`));
    expect(detail.content.materials.length).toBeGreaterThanOrEqual(3);
    expect(detail.windows.length).toBeGreaterThanOrEqual(1);
  });
});
