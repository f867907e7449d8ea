import { type Kysely, sql } from 'kysely';

// A period's completions (办结) per hall, for every on-time figure, 统计分析 and the 工作报告: read off the case's own
// completion instant by (hall_id, completed_at), so a hall's month reads that month's cases. Before, the month was
// found by probing the trail of every case the hall ever had, which grows with the years a hall keeps online
// (a county's month on the 2,000,000-case province: 183 ms that way, 2.3 ms off this index).
// The completion has written completed_at with its trail event since 0006; a case missing it takes its first
// completion event's instant here, so the figures read from the column count every completed case. The two partial
// indexes of completion events that the old way read (0008) are read by nothing now, and go.
const CHINA_OFFSET_MS = 8 * 3_600_000;

export async function up(db: Kysely<unknown>): Promise<void> {
  const missing = await sql<{ id: string; at: number | string }>`select c.id, min(e.at) as at
    from cases c join case_events e on e.case_id = c.id and e.to_state = 'completed'
    where c.completed_at is null group by c.id`.execute(db);
  for (const { id, at } of missing.rows) {
    const day = new Date(Number(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    await sql`update cases set completed_at = ${Number(at)}, completed_day = ${day} where id = ${id}`.execute(db);
  }
  await db.schema
    .createIndex('cases_hall_completed')
    .on('cases')
    .columns(['hall_id', 'completed_at'])
    .where(sql.ref('completed_at'), 'is not', null)
    .execute();
  await db.schema.dropIndex('case_events_completed_case').execute();
  await db.schema.dropIndex('case_events_completed').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('case_events_completed')
    .on('case_events')
    .columns(['at', 'case_id', 'seq'])
    .where(sql.ref('to_state'), '=', sql.lit('completed'))
    .execute();
  await db.schema
    .createIndex('case_events_completed_case')
    .on('case_events')
    .columns(['case_id', 'seq'])
    .where(sql.ref('to_state'), '=', sql.lit('completed'))
    .execute();
  await db.schema.dropIndex('cases_hall_completed').execute();
}
