import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let supervisor: Session;
let clerk: Session;
let hallId: string;
let itemId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  supervisor = await signedIn(hall.app, 'supervisor');
  clerk = await signedIn(hall.app, 'clerk');
  hallId = json(await clerk.get('/api/auth/me')).halls[0].id;
  itemId = json(await clerk.get(`/api/catalog/items?hallId=${hallId}&status=published&pageSize=1`)).items[0].id;
});
afterAll(() => hall.close());

const entry = (over: Record<string, unknown> = {}) => ({
  hallId,
  kind: 'faq',
  title: '灵活就业人员如何参加职工养老保险？',
  body: '持身份证到社保窗口办理参保登记，按月缴费。',
  tags: ['社保', '养老'],
  itemIds: [],
  ...over,
});

async function create(over: Record<string, unknown> = {}) {
  const res = await supervisor.post('/api/knowledge', entry(over));
  expect(res.statusCode, res.body).toBe(201);
  return json(res);
}

const search = async (query: string) =>
  json(await clerk.get(`/api/knowledge?${query}`)).items as { id: string; title: string }[];

describe('knowledge base (R2.6)', () => {
  it('finds entries by Chinese text in title, body and tags, title matches first', async () => {
    const inBody = await create({
      title: '退休手续办理流程',
      body: '办理退休需先核定养老保险缴费年限。',
      tags: ['退休'],
    });
    const inTitle = await create({ title: '养老保险关系转移接续', body: '跨省流动就业的，转移接续。', tags: ['转移'] });
    const inTag = await create({ title: '城乡居民参保', body: '按年缴费。', tags: ['养老保险'] });
    const other = await create({ title: '食品经营许可延续', body: '有效期届满30个工作日前申请。', tags: ['食品'] });
    const found = await search(`q=${encodeURIComponent('养老保险')}`);
    const ids = found.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([inBody.id, inTitle.id, inTag.id]));
    expect(ids).not.toContain(other.id);
    // Title matches come before tag matches, which come before body-only matches.
    expect(ids.indexOf(inTitle.id)).toBeLessThan(ids.indexOf(inTag.id));
    expect(ids.indexOf(inTag.id)).toBeLessThan(ids.indexOf(inBody.id));
    expect(found[0]!.title).toContain('养老保险');
    expect((await search(`tag=${encodeURIComponent('食品')}`)).map((e) => e.id)).toEqual([other.id]);
  });

  it('suggests entries for a question as it is typed', async () => {
    const target = await create({
      title: '烟花爆竹零售许可证到期延续',
      body: '有效期届满前30日向应急管理部门申请延续。',
      tags: ['烟花爆竹'],
    });
    await create({ title: '不动产登记资料查询', body: '携带身份证件查询。', tags: ['不动产'] });
    const res = await clerk.get(
      `/api/knowledge/suggest?hallId=${hallId}&text=${encodeURIComponent('烟花爆竹的许可证快到期了怎么办？')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const found = json(res).items as { id: string; title: string }[];
    expect(found[0]!.id).toBe(target.id);
    expect(found.map((e) => e.title)).not.toContain('不动产登记资料查询');
    expect(json(await clerk.get('/api/knowledge/suggest?text=')).items).toEqual([]);
  });

  it('links entries to service items and records who wrote them and every version', async () => {
    const policy = await create({
      kind: 'policy',
      title: '2026年起营业执照变更实行全程网办',
      tags: ['政策变化'],
      itemIds: [itemId],
    });
    expect(policy).toMatchObject({ version: 1, createdBy: '李秀英', status: 'active' });
    expect(policy.items[0].id).toBe(itemId);
    expect((await search(`itemId=${itemId}`)).map((e) => e.id)).toContain(policy.id);

    const edited = json(
      await supervisor.put(`/api/knowledge/${policy.id}`, {
        kind: 'policy',
        title: '2026年起营业执照变更实行全程网办（修订）',
        body: '新增：可在线提交材料。',
        tags: ['政策变化'],
        itemIds: [itemId],
        note: '补充网办方式',
      }),
    );
    expect(edited.version).toBe(2);
    expect(edited.versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [2, '补充网办方式'],
      [1, '新建'],
    ]);
    expect(edited.versions[1].title).toBe('2026年起营业执照变更实行全程网办');
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', policy.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['knowledge.create', 'knowledge.update']);

    json(await supervisor.post(`/api/knowledge/${policy.id}/archive`));
    expect((await search(`q=${encodeURIComponent('全程网办')}`)).map((e) => e.id)).not.toContain(policy.id);
  });

  it('lets every staff post read, only supervisors and station heads write, and names bad fields', async () => {
    expect((await clerk.post('/api/knowledge', entry())).statusCode).toBe(403);
    const inspector = await signedIn(hall.app, 'inspector');
    expect((await inspector.get('/api/knowledge')).statusCode).toBe(200);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ kind: 'rumour' }, 'kind'],
      [{ tags: ['a|b'] }, 'tags.0'],
      [{ itemIds: ['no-such-item'] }, 'itemIds'],
    ];
    for (const [over, field] of cases) {
      const res = await supervisor.post('/api/knowledge', entry(over));
      expect(res.statusCode, field).toBe(400);
      expect(json(res).field).toBe(field);
    }
  });
});
