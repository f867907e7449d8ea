import {
  defaultAppointmentEarlyMinutes,
  defaultPriorityWeights,
  defaultRatingWindowMinutes,
  defaultRecallLimit,
} from '../domain/queue/index.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

interface DemoQueueCategory {
  prefix: string;
  name: string;
  description: string;
  itemCategories: string[];
  windowNumbers: number[];
  minutes: number;
}

/** Queue categories of the demo halls, by hall code; each names the windows (by number) that serve it. */
const demoQueue: Record<string, DemoQueueCategory[]> = {
  'QCX-ZWFW': [
    {
      prefix: 'A',
      name: '企业开办与经营许可',
      description: '营业执照、食品经营许可、税务登记、社保单位登记',
      itemCategories: ['enterprise', 'tax', 'health'],
      windowNumbers: [1, 3],
      minutes: 15,
    },
    {
      prefix: 'B',
      name: '社会事务',
      description: '社保、医保、养老、救助、计生',
      itemCategories: ['social_security', 'civil', 'health'],
      windowNumbers: [2, 3, 8],
      minutes: 10,
    },
    {
      prefix: 'C',
      name: '公安户政与交管',
      description: '户口迁移、身份证、居住证、驾驶证',
      itemCategories: ['household', 'transport'],
      windowNumbers: [4, 8],
      minutes: 8,
    },
    {
      prefix: 'D',
      name: '婚姻登记',
      description: '结婚登记、离婚登记、补领婚姻登记证',
      itemCategories: ['civil'],
      windowNumbers: [5],
      minutes: 20,
    },
    {
      prefix: 'E',
      name: '不动产登记',
      description: '不动产首次登记、转移登记、抵押登记',
      itemCategories: ['construction'],
      windowNumbers: [6, 3],
      minutes: 20,
    },
    {
      prefix: 'F',
      name: '工程建设项目审批',
      description: '用地规划、施工许可、竣工验收备案',
      itemCategories: ['construction'],
      windowNumbers: [7],
      minutes: 25,
    },
  ],
  'QCX-QTZ-BMFW': [
    {
      prefix: 'A',
      name: '综合受理',
      description: '各类便民服务事项',
      itemCategories: ['other', 'civil'],
      windowNumbers: [1],
      minutes: 10,
    },
    {
      prefix: 'B',
      name: '社会事务',
      description: '低保、临时救助、高龄津贴',
      itemCategories: ['social_security', 'civil'],
      windowNumbers: [1, 2],
      minutes: 10,
    },
    {
      prefix: 'C',
      name: '农业农村',
      description: '惠农补贴、宅基地、农机购置',
      itemCategories: ['agriculture'],
      windowNumbers: [1, 3],
      minutes: 12,
    },
  ],
};

/** What the demo halls' displays show below the calls (公告); the supervisor edits them in 叫号设置. */
const demoDisplayNotices = [
  '请按叫号顺序到对应窗口办理，过号请重新取号',
  '办理业务请携带本人有效身份证件原件',
  '如需帮助，请到导办台咨询',
];

/** The demo halls' queue categories and floor settings; runs inside the demo seed's transaction. */
export async function seedDemoQueue(db: Db, now: number): Promise<void> {
  for (const [code, categories] of Object.entries(demoQueue)) {
    const hall = await db.selectFrom('halls').select('id').where('code', '=', code).executeTakeFirst();
    if (!hall) continue;
    const windows = await db.selectFrom('windows').select(['id', 'number']).where('hall_id', '=', hall.id).execute();
    await db
      .insertInto('queue_hall_settings')
      .values({
        hall_id: hall.id,
        recall_limit: defaultRecallLimit,
        priority_weights: JSON.stringify(defaultPriorityWeights),
        appointment_early_minutes: defaultAppointmentEarlyMinutes,
        rating_window_minutes: defaultRatingWindowMinutes,
        kiosk_idle_seconds: 60,
        display_notices: JSON.stringify(demoDisplayNotices),
        updated_at: now,
      })
      .execute();
    for (const [i, c] of categories.entries()) {
      const windowIds = c.windowNumbers.map((n) => {
        const w = windows.find((x) => x.number === n);
        if (!w) throw new Error(`demo data: queue category ${c.prefix} names unknown window ${n} in ${code}`);
        return w.id;
      });
      await db
        .insertInto('queue_categories')
        .values({
          id: newId(now),
          hall_id: hall.id,
          prefix: c.prefix,
          name: c.name,
          description: c.description,
          item_categories: JSON.stringify(c.itemCategories),
          window_ids: JSON.stringify(windowIds),
          default_service_minutes: c.minutes,
          sort_order: i + 1,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
}
