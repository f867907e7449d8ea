/** The demo halls' equipment register (设备台账): the lobby's kiosk and display, a printer, ID reader and pad per window. */
import { chinaDay } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';

const perWindow = [
  { kind: 'printer', name: '窗口打印机', prefix: 'DY', every: 90 },
  { kind: 'id_reader', name: '身份证读卡器', prefix: 'SF', every: 180 },
  { kind: 'pad', name: '服务评价器', prefix: 'PJ', every: null },
] as const;

export async function seedDemoEquipment(db: Db, now: number): Promise<void> {
  const next = (days: number) => chinaDay(now + days * 86_400_000);
  const halls = await db.selectFrom('halls').select(['id']).execute();
  for (const hall of halls) {
    const windows = await db
      .selectFrom('windows')
      .select(['id', 'number'])
      .where('hall_id', '=', hall.id)
      .orderBy('number')
      .execute();
    const rows = [
      { window_id: null, kind: 'kiosk', name: '自助取号终端', asset_no: 'ZZ-01', location: '大厅入口', every: 30 },
      { window_id: null, kind: 'display', name: '叫号综合显示屏', asset_no: 'XS-01', location: '大厅正面', every: 90 },
      ...windows.slice(0, 4).flatMap((w) =>
        perWindow.map((d) => ({
          window_id: w.id,
          kind: d.kind,
          name: d.name,
          asset_no: `${d.prefix}-${String(w.number).padStart(2, '0')}`,
          location: `${w.number}号窗口`,
          every: d.every,
        })),
      ),
    ];
    for (const [i, r] of rows.entries()) {
      await db
        .insertInto('equipment')
        .values({
          id: newId(now),
          hall_id: hall.id,
          window_id: r.window_id,
          kind: r.kind,
          name: r.name,
          asset_no: r.asset_no,
          location: r.location,
          status: 'normal',
          maintenance_every_days: r.every,
          next_maintenance_day: r.every ? next(7 + i * 3) : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
}
