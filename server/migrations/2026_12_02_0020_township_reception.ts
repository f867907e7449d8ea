import type { Kysely } from 'kysely';

// 县乡联办: a case of a county item received and accepted at a township station. The case belongs to the county
// hall (its number, calendar and back office); this row records the receiving station and where the result goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_township_receptions')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    // The county's case number, for the public progress lookup of both places.
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('station_hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('county_hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // 'station' | 'county' | 'post': where the applicant chose at reception to receive the result.
    .addColumn('pickup', 'text', (c) => c.notNull())
    .addColumn('mailing_address', 'text')
    .addColumn('received_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('received_by_name', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    // The hand-over, recorded by the hall where it happened.
    .addColumn('handed_over_at', 'bigint')
    .addColumn('handed_over_hall_id', 'text', (c) => c.references('halls.id'))
    .addColumn('handed_over_by_name', 'text')
    .execute();
  await db.schema
    .createIndex('case_township_station')
    .on('case_township_receptions')
    .columns(['station_hall_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_township_receptions').execute();
}
