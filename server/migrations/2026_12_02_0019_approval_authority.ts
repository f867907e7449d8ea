import type { Kysely } from 'kysely';

/**
 * 审批权限: a person's authority level (科室负责人 / 分管领导 / 主要领导), set by the security administrator, and the
 * level each sign-off step of a case needs, copied from the item's published process at acceptance.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('authority_level', 'text').execute();
  await db.schema.alterTable('case_steps').addColumn('authority', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('case_steps').dropColumn('authority').execute();
  await db.schema.alterTable('users').dropColumn('authority_level').execute();
}
