import type { Db } from '../../platform/db/database.ts';

export const findDepartment = (db: Db, id: string) =>
  db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();

export const userInHall = (db: Db, userId: string, hallId: string) =>
  db
    .selectFrom('users')
    .innerJoin('user_halls', 'user_halls.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.status', 'users.authority_level'])
    .where('users.id', '=', userId)
    .where('user_halls.hall_id', '=', hallId)
    .executeTakeFirst();

export const departmentsOfUser = (db: Db, userId: string) =>
  db.selectFrom('user_departments').select('department_id').where('user_id', '=', userId).execute();

/** Active staff of a department who may process cases there: the people a step can be assigned or handed to. */
export async function departmentStaff(db: Db, departmentId: string) {
  return db
    .selectFrom('users')
    .innerJoin('user_departments', 'user_departments.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.username'])
    .where('user_departments.department_id', '=', departmentId)
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
}
