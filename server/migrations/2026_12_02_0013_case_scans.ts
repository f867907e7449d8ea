import type { Kysely } from 'kysely';

// Scans of the materials handed in at reception, kept on disk beside the case (DATA_DIR/files/<caseId>/scans/).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    // The checklist material (its key in the case's pinned item version) the scan shows, and its name then.
    .addColumn('material_key', 'text', (c) => c.notNull())
    .addColumn('material_name', 'text', (c) => c.notNull())
    // Shown only; the file on disk is named by its sha256.
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'bigint', (c) => c.notNull())
    // The same file for the same material is kept once, however often the upload is retried.
    .addUniqueConstraint('case_scans_once', ['case_id', 'material_key', 'sha256'])
    .execute();
  await db.schema.createIndex('case_scans_case').on('case_scans').columns(['case_id', 'uploaded_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_scans').execute();
}
