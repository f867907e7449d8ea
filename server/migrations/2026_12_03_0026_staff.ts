import type { Kysely } from 'kysely';

// 窗口人员管理: staff files, AB posts, weekly rosters, attendance and leave.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    // 工号
    .addColumn('staff_no', 'text', (c) => c.notNull().unique())
    // A small image (data: URL) shown on the rating pad and the window screen.
    .addColumn('photo', 'text')
    // JSON array of window ids the person serves.
    .addColumn('window_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('entry_date', 'text')
    // 保密协议: when it was signed (epoch ms), null while unsigned.
    .addColumn('confidentiality_signed_at', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // AB岗: for a post of a department (subject = role code) or a window (subject = window id), A and B. A stand-in
  // the supervisor assigns is a row of kind 'stand_in' valid from_day..to_day.
  await db.schema
    .createTable('staff_ab_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('a_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('b_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('from_day', 'text')
    .addColumn('to_day', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_ab_pairs_a').on('staff_ab_pairs').columns(['a_user_id']).execute();
  // 排班: who sits at which window in which session of a day.
  await db.schema
    .createTable('staff_roster')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    // 'am' | 'pm'
    .addColumn('session', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('staff_roster_slot', ['hall_id', 'day', 'session', 'window_id'])
    .execute();
  await db.schema.createIndex('staff_roster_user').on('staff_roster').columns(['user_id', 'day']).execute();
  // 考勤: clock in / out, leaving the post (暂离) and coming back.
  await db.schema
    .createTable('staff_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    // 'in' | 'out' | 'away' | 'back'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.references('windows.id'))
    .addColumn('stand_in_id', 'text', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('staff_attendance_user').on('staff_attendance').columns(['user_id', 'day']).execute();
  // 请假: requested → B confirms → approved (or rejected / cancelled).
  await db.schema
    .createTable('staff_leaves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hall_id', 'text', (c) => c.notNull().references('halls.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    // 'annual' | 'sick' | 'personal' | 'trip' | 'training'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_day', 'text', (c) => c.notNull())
    .addColumn('to_day', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // How to reach the person during leave (masked phone or a note).
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('b_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('b_user_name', 'text', (c) => c.notNull())
    .addColumn('b_confirmed_at', 'bigint')
    // 'supervisor' | 'station_head': who must approve.
    .addColumn('approver_role', 'text', (c) => c.notNull())
    // 'requested' | 'confirmed' | 'approved' | 'rejected' | 'cancelled'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_leaves_user').on('staff_leaves').columns(['user_id', 'from_day']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['staff_leaves', 'staff_attendance', 'staff_roster', 'staff_ab_pairs', 'staff_profiles'])
    await db.schema.dropTable(t).execute();
}
