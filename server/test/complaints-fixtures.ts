/**
 * 投诉举报 tests: the support hall with the feedback desk signed in, an anonymous visitor and a member of staff to
 * assign; and the registration form with the read-backs the tests check (notices, and the audit and step texts).
 */
import { ok, type SupportHall, supportHall } from './case-support-fixtures.ts';
import { Session as Anon, json, type Session, signedIn } from './helpers.ts';

export interface ComplaintsHall {
  h: SupportHall;
  feedback: Session;
  anon: Anon;
  /** The first member of staff a complaint may be assigned to. */
  staffId: string;
}

export async function complaintsHall(): Promise<ComplaintsHall> {
  const h = await supportHall();
  const feedback = await signedIn(h.hall.app, 'feedback');
  const anon = new Anon(h.hall.app);
  const staff = json(await h.s.clerk.get(`/api/complaints/assignees?hallId=${h.hallId}`)).items as {
    id: string;
    name: string;
  }[];
  return { h, feedback, anon, staffId: staff[0]!.id };
}

/** The form and read-backs on the hall `hall()` answers, read at each call (a test file sets it in beforeAll). */
export function complaintForms(hall: () => SupportHall) {
  const base = (over: Record<string, unknown> = {}) => ({
    hallId: hall().hallId,
    kind: 'complaint',
    channel: 'phone',
    category: 'attitude',
    name: '王小明',
    phone: '13800001234',
    matter: '3号窗口工作人员态度生硬，不耐心解释材料要求',
    ...over,
  });
  const register = async (s: Session, over: Record<string, unknown> = {}) =>
    ok(await s.post('/api/complaints', base(over)), 201);
  const noticesOf = (event: string) =>
    hall()
      .hall.ctx.db.selectFrom('notices')
      .select(['event', 'body', 'dedupe_key'])
      .where('event', '=', event)
      .execute();
  const everything = async () => {
    const audit = await hall().hall.ctx.db.selectFrom('audit_log').select(['detail']).execute();
    const steps = await hall().hall.ctx.db.selectFrom('complaint_steps').select(['text', 'user_name']).execute();
    return JSON.stringify([audit, steps]);
  };
  return { base, register, noticesOf, everything };
}
