import { type Kysely, sql } from 'kysely';

// 考核 办理环节数 (steps_finished): the back office's volume indicator. A hall's set is written on its first use, so the
// halls that used 考核 keep a set without it. A set still holding the old default volume weights (受理 10, 咨询 5,
// 叫号 5) takes the new defaults (5, 2, 3 and 办理环节数 10): the weights still total 100. A set the station head
// changed gets the indicator at weight 0 (shown, not counted; the total stays 100), to be weighed in 指标设置.
// The month's figure reads the steps done in a period: without the index a big hall's month scans every step.
const OLD = { cases_received: 10, consultations_answered: 5, tickets_served: 5 } as const;
const NEW = { cases_received: 5, consultations_answered: 2, tickets_served: 3 } as const;
const STEPS_WEIGHT = 10;

type Row = { code: string; seq: number; weight: number; dimension: string };

const weightsAre = (rows: Row[], w: Record<string, number>) =>
  Object.entries(w).every(([code, weight]) => rows.some((r) => r.code === code && Number(r.weight) === weight));

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('case_steps_done').on('case_steps').columns(['status', 'done_at']).execute();
  const now = Date.now();
  const halls = await sql<{ hall_id: string }>`select distinct hall_id from assessment_indicators
    where hall_id not in (select hall_id from assessment_indicators where code = 'steps_finished')`.execute(db);
  for (const { hall_id } of halls.rows) {
    const rows = (
      await sql<Row>`select code, seq, weight, dimension from assessment_indicators where hall_id = ${hall_id}`.execute(
        db,
      )
    ).rows;
    const untouched = weightsAre(rows, OLD);
    // Placed after the set's last volume indicator (else last), the later ones moved down by one.
    const volume = rows.filter((r) => r.dimension === 'volume').map((r) => Number(r.seq));
    const seq = (volume.length ? Math.max(...volume) : Math.max(-1, ...rows.map((r) => Number(r.seq)))) + 1;
    await sql`update assessment_indicators set seq = seq + 1 where hall_id = ${hall_id} and seq >= ${seq}`.execute(db);
    if (untouched)
      for (const [code, weight] of Object.entries(NEW))
        await sql`update assessment_indicators set weight = ${weight}, updated_at = ${now}
          where hall_id = ${hall_id} and code = ${code}`.execute(db);
    await sql`insert into assessment_indicators
      (hall_id, code, seq, name, dimension, formula, source, target, direction, weight, unit, updated_at)
      values (${hall_id}, 'steps_finished', ${seq}, '办理环节数', 'volume',
        '期间由本人办结的后台环节（承办、审核、审批）个数', '办件环节（完成时间）', 20, 'higher',
        ${untouched ? STEPS_WEIGHT : 0}, '个', ${now})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const rows = (
    await sql<Row & { hall_id: string }>`select hall_id, code, seq, weight, dimension from assessment_indicators
      where code = 'steps_finished'`.execute(db)
  ).rows;
  for (const r of rows) {
    const set = (
      await sql<Row>`select code, seq, weight, dimension from assessment_indicators where hall_id = ${r.hall_id}`.execute(
        db,
      )
    ).rows;
    if (Number(r.weight) === STEPS_WEIGHT && weightsAre(set, NEW))
      for (const [code, weight] of Object.entries(OLD))
        await sql`update assessment_indicators set weight = ${weight}
          where hall_id = ${r.hall_id} and code = ${code}`.execute(db);
    await sql`delete from assessment_indicators where hall_id = ${r.hall_id} and code = 'steps_finished'`.execute(db);
    await sql`update assessment_indicators set seq = seq - 1 where hall_id = ${r.hall_id} and seq > ${r.seq}`.execute(
      db,
    );
  }
  await db.schema.dropIndex('case_steps_done').execute();
}
