import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

interface DemoEntry {
  kind: 'faq' | 'policy';
  title: string;
  body: string;
  tags: string[];
  itemCodes: string[];
}

/** The county centre's knowledge base (常见问题解答 / 政策变化), written by the station head. */
const demoEntries: DemoEntry[] = [
  {
    kind: 'faq',
    title: '个体工商户设立需要带哪些材料？',
    body: '经营者本人身份证件原件及复印件、经营场所使用证明（房产证明或租赁合同）、个体工商户登记申请书（窗口可领空白表格）。家庭经营的，还需家庭成员关系证明。材料齐全的当场办结。',
    tags: ['个体工商户', '营业执照', '材料'],
    itemCodes: ['SC-002'],
  },
  {
    kind: 'faq',
    title: '企业名称变更可以委托他人办理吗？',
    body: '可以。受托人需携带授权委托书及本人身份证件原件，委托书须由法定代表人签字并加盖公章。',
    tags: ['委托', '企业变更'],
    itemCodes: ['SC-001'],
  },
  {
    kind: 'faq',
    title: '灵活就业人员如何参加城乡居民养老保险？',
    body: '年满16周岁、不在校、未参加职工养老保险的本县户籍居民，可持身份证到社保窗口办理城乡居民养老保险参保登记，按年选择缴费档次，通过银行代扣或线上缴纳。',
    tags: ['社保', '养老保险', '灵活就业'],
    itemCodes: ['RS-002'],
  },
  {
    kind: 'faq',
    title: '身份证丢失了怎么补办？',
    body: '本人携带户口簿到户政窗口申请补领，现场采集人像和指纹，缴纳工本费20元；急用的可同时申领临时身份证。异地补领可在任一受理点办理。',
    tags: ['身份证', '补领', '户政'],
    itemCodes: ['GA-004'],
  },
  {
    kind: 'policy',
    title: '结婚登记实行全国通办',
    body: '自2025年5月10日起施行的《婚姻登记条例》规定，内地居民办理结婚登记不再需要户口簿，男女双方持本人身份证和签字声明即可在全国任一婚姻登记机关办理。',
    tags: ['婚姻登记', '全国通办', '政策变化'],
    itemCodes: ['MZ-001'],
  },
  {
    kind: 'policy',
    title: '食品经营许可延续改为告知承诺',
    body: '食品经营许可证有效期届满申请延续，经营条件未发生变化的，实行告知承诺制：申请人书面承诺后当场换发新证，监管部门事后核查。',
    tags: ['食品经营', '告知承诺', '政策变化'],
    itemCodes: ['SC-003'],
  },
];

export async function seedDemoKnowledge(db: Db, now: number, hallCode = 'QCX-ZWFW', author = '王志强'): Promise<void> {
  const hall = await db.selectFrom('halls').select('id').where('code', '=', hallCode).executeTakeFirst();
  if (!hall) return;
  const items = await db.selectFrom('service_items').select(['id', 'code']).where('hall_id', '=', hall.id).execute();
  for (const e of demoEntries) {
    const id = newId(now);
    const itemIds = e.itemCodes.flatMap((c) => items.filter((i) => i.code === c).map((i) => i.id));
    const common = {
      kind: e.kind,
      title: e.title,
      body: e.body,
      tags: JSON.stringify(e.tags),
      item_ids: JSON.stringify(itemIds),
    };
    await db
      .insertInto('knowledge_entries')
      .values({
        id,
        hall_id: hall.id,
        ...common,
        tags_text: `|${e.tags.join('|')}|`,
        status: 'active',
        version: 1,
        created_at: now,
        created_by: author,
        updated_at: now,
        updated_by: author,
      })
      .execute();
    await db
      .insertInto('knowledge_versions')
      .values({ entry_id: id, version: 1, ...common, note: '新建', edited_at: now, edited_by: author })
      .execute();
  }
}
