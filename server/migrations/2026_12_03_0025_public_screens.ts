import type { Kysely } from 'kysely';

// The hall floor's screens: the kiosk's idle reset and the display's notices are set per hall; each material of an
// item version may carry its blank form (空白表格) and its filled-in sample (填写样例) as files to download.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('queue_hall_settings')
    .addColumn('kiosk_idle_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();
  // JSON array of the notices the hall display runs along its foot (公告).
  await db.schema
    .alterTable('queue_hall_settings')
    .addColumn('display_notices', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('catalog_material_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('material_key', 'text', (c) => c.notNull())
    // 'blank_form' | 'sample'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('catalog_material_files_slot', ['item_id', 'version', 'material_key', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_material_files').execute();
  await db.schema.alterTable('queue_hall_settings').dropColumn('display_notices').execute();
  await db.schema.alterTable('queue_hall_settings').dropColumn('kiosk_idle_seconds').execute();
}
