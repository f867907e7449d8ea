/** The back office's work lists: active steps with their case, read by the case core that owns both tables. */
import type { Db } from '../../platform/db/database.ts';

export interface InboxFilter {
  hallIds: string[];
  departmentId?: string;
  assigneeId?: string;
  /** My work: steps I hold, and unclaimed ones of a post I may work in my departments (or any, hall-wide). */
  openTo?: {
    userId: string;
    roles: string[];
    departmentIds: string[];
    hallWide: boolean;
    authorities: string[];
    /** AB岗: the people the user acts for now; the steps they hold show too (B代A). */
    actingFor?: string[];
  };
  /** true: only steps nobody has claimed; false: only claimed ones. */
  unassigned?: boolean;
  urgency?: string;
  q?: string;
}

/** Active steps with their case; urgent (green channel) first, then the earliest step deadline. */
export async function inbox(db: Db, f: InboxFilter) {
  let q = db
    .selectFrom('case_steps')
    .innerJoin('cases', 'cases.id', 'case_steps.case_id')
    .innerJoin('applicants', 'applicants.id', 'cases.applicant_id')
    .where('case_steps.status', '=', 'active')
    .where('cases.hall_id', 'in', f.hallIds.length ? f.hallIds : [''])
    .where('cases.state', 'not in', [
      'withdrawn',
      'completed',
      'awaiting_collection',
      'delivered',
      'archived',
      'terminated',
    ]);
  if (f.departmentId) q = q.where('case_steps.department_id', '=', f.departmentId);
  if (f.assigneeId) q = q.where('case_steps.assignee_id', '=', f.assigneeId);
  const o = f.openTo;
  if (o) {
    q = q.where((eb) =>
      eb.or([
        eb('case_steps.assignee_id', 'in', [o.userId, ...(o.actingFor ?? [])]),
        eb.and([
          eb('case_steps.assignee_id', 'is', null),
          eb('case_steps.role', 'in', o.roles.length ? o.roles : ['']),
          // A sign-off step shows only to those at its level or above.
          eb.or([
            eb('case_steps.authority', 'is', null),
            eb('case_steps.authority', 'in', o.authorities.length ? o.authorities : ['']),
          ]),
          ...(o.hallWide
            ? []
            : [
                eb.or([
                  eb('case_steps.department_id', 'is', null),
                  eb('case_steps.department_id', 'in', o.departmentIds.length ? o.departmentIds : ['']),
                ]),
              ]),
        ]),
      ]),
    );
  }
  if (f.unassigned === true) q = q.where('case_steps.assignee_id', 'is', null);
  if (f.unassigned === false) q = q.where('case_steps.assignee_id', 'is not', null);
  if (f.urgency) q = q.where('cases.urgency', '=', f.urgency);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([
        eb('cases.case_no', 'like', like),
        eb('applicants.name', 'like', like),
        eb('cases.item_name', 'like', like),
      ]),
    );
  }
  return q
    .selectAll('case_steps')
    .select([
      'cases.case_no',
      'cases.item_name',
      'cases.state',
      'cases.urgency',
      'cases.priority',
      'cases.deadline as case_deadline',
      'cases.warning_days',
      'cases.hall_id',
      'applicants.name as applicant_name',
      'cases.deadline_provisional as case_deadline_provisional',
    ])
    .orderBy('cases.priority')
    .orderBy('case_steps.deadline')
    .orderBy('case_steps.activated_at')
    .limit(500)
    .execute();
}
export type InboxRow = Awaited<ReturnType<typeof inbox>>[number];
