import { periodJustEnded } from '../../domain/reports/index.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { chinaDay } from '../../platform/clock.ts';
import { cardStateCounts } from '../assessment/service.ts';
import { myInbox } from '../backoffice/service.ts';
import { listCases } from '../cases/service.ts';
import { listComplaints } from '../complaints/service.ts';
import { listConsultations } from '../consult/service.ts';
import { listInspections, listRectifications } from '../inspections/service.ts';
import { listTickets, listWindows } from '../queue/service.ts';
import { myOpenTaskCounts } from '../reports/service.ts';
import { listLeaves } from '../staff/service.ts';
import { board, myAlerts, onTime } from '../supervision/service.ts';
import type { Workbench } from './schema.ts';

/** The roles whose home page shows the personal inbox by light. */
const backOfficeRoles = ['handler', 'reviewer', 'approver'];
/** Complaint states still on the desk (not replied or closed). */
const openComplaintStates = new Set(['open', 'handling']);
/** Leave requests a manager still has to decide. */
const undecidedLeave = new Set(['requested', 'confirmed']);
/** Enough for any hall's open notices; the list behind a count is read in full, never a page of it. */
const ALL = { page: 1, pageSize: 10_000 };

/**
 * The home page's counts, one section per role the actor holds. Each count is the length of the list that its
 * tile links to, read through the owning module's service with the same filter (so scope and masking agree).
 */
export async function workbench(ctx: AppContext, actor: Actor): Promise<Workbench> {
  const today = chinaDay(ctx.clock.now());
  const monthStart = `${today.slice(0, 8)}01`;
  const has = (...roles: string[]) => roles.some((r) => actor.roles.includes(r));
  const [clerk, backoffice, supervisor, inspector, head, tasks, assessment] = await Promise.all([
    has('clerk') ? clerkSection(ctx, actor, today) : null,
    has(...backOfficeRoles) ? backofficeSection(ctx, actor, today) : null,
    has('supervisor') ? supervisorSection(ctx, actor) : null,
    has('inspector') ? inspectorSection(ctx, actor, monthStart) : null,
    has('station_head') ? headSection(ctx, actor, monthStart, today) : null,
    myOpenTaskCounts(ctx, actor),
    assessmentSection(ctx, actor, today),
  ]);
  return { today, monthStart, clerk, backoffice, supervisor, inspector, head, tasks, assessment };
}

/** 待签发 for whoever signs, 待审核 for a reviewer who does not sign; person cards, as the 考核 page opens. */
async function assessmentSection(ctx: AppContext, actor: Actor, today: string) {
  const signs = actor.permissions.has('assessment.sign');
  const reviews = actor.permissions.has('assessment.review');
  const hallId = actor.hallIds[0];
  if (!(signs || reviews) || !hallId) return null;
  const period = periodJustEnded('monthly', today);
  const counts = await cardStateCounts(ctx, actor, { hallId, period, kind: 'person' });
  return {
    hallId,
    period,
    toSign: signs ? counts.reviewed : null,
    toReview: !signs ? counts.unreviewed : null,
  };
}

/** Cases of mine (received, first-question owner or a step of mine) with the case list's own filters. */
const myCases = async (ctx: AppContext, actor: Actor, f: { status?: string; from?: string; to?: string }) =>
  (await listCases(ctx, actor, { ...f, personId: actor.userId, limit: 1, offset: 0 })).total;

async function clerkSection(ctx: AppContext, actor: Actor, today: string) {
  const [receivedToday, awaitingSupplement, awaitingCollection, consultations, window] = await Promise.all([
    myCases(ctx, actor, { from: today, to: today }),
    myCases(ctx, actor, { status: 'awaiting_supplement' }),
    myCases(ctx, actor, { status: 'awaiting_collection' }),
    actor.permissions.has('consult.handle')
      ? listConsultations(ctx, actor, { status: 'active', mine: 'true', ...ALL, limit: 1, offset: 0 })
      : { total: 0 },
    myWindow(ctx, actor, today),
  ]);
  return { receivedToday, awaitingSupplement, awaitingCollection, consultationsOpen: consultations.total, window };
}

/** The window the clerk holds open (or paused) now, as the queue's window list shows it. */
async function myWindow(ctx: AppContext, actor: Actor, today: string) {
  if (!actor.permissions.has('queue.serve')) return null;
  for (const hallId of actor.hallIds) {
    const w = (await listWindows(ctx, actor, hallId)).find((x) => x.openedBy === actor.userId);
    if (!w) continue;
    const done = await listTickets(ctx, actor, { hallId, day: today, status: 'done' });
    return {
      id: w.id,
      number: w.number,
      name: w.name,
      state: w.state,
      waiting: w.waitingForMe,
      servedToday: done.items.filter((t) => t.windowId === w.id).length,
    };
  }
  return null;
}

async function backofficeSection(ctx: AppContext, actor: Actor, today: string) {
  const { items } = await myInbox(ctx, actor, {});
  const count = (light: string) => items.filter((i) => i.stepLight === light).length;
  return {
    total: items.length,
    green: count('green'),
    yellow: count('yellow'),
    red: count('red'),
    overdue: items.filter((i) => i.stepDeadline !== null && i.stepDeadline < today).length,
    dueToday: items.filter((i) => i.stepDeadline === today).length,
  };
}

async function leavesToDecide(ctx: AppContext, actor: Actor) {
  if (!actor.permissions.has('staff.leave.approve')) return 0;
  let n = 0;
  for (const hallId of actor.hallIds)
    n += (await listLeaves(ctx, actor, hallId)).items.filter((l) => undecidedLeave.has(l.status)).length;
  return n;
}

async function openComplaints(ctx: AppContext, actor: Actor) {
  const { items } = await listComplaints(ctx, actor, {});
  const open = items.filter((c) => openComplaintStates.has(c.state));
  return { open: open.length, dueSoon: open.filter((c) => c.light === 'yellow' || c.light === 'red').length };
}

async function supervisorSection(ctx: AppContext, actor: Actor) {
  const [b, alerts, complaints, leavesToApprove] = await Promise.all([
    board(ctx, actor, { stuckDays: 1 }),
    myAlerts(ctx, actor, 1),
    openComplaints(ctx, actor),
    leavesToDecide(ctx, actor),
  ]);
  return {
    boardRed: b.cases.filter((c) => c.level === 'red').length,
    boardYellow: b.cases.filter((c) => c.level === 'yellow').length,
    alertsUnread: alerts.unread,
    followUps: b.followUps.length,
    complaintsOpen: complaints.open,
    complaintsDueSoon: complaints.dueSoon,
    rectificationsOverdue: b.overdueRectifications.length,
    leavesToApprove,
    uncovered: b.uncoveredStaff.length,
  };
}

async function inspectorSection(ctx: AppContext, actor: Actor, monthStart: string) {
  const hall = (status: string) => listRectifications(ctx, actor, { view: 'hall', status, ...ALL });
  const [reported, open, overdue, newest] = await Promise.all([
    hall('reported'),
    hall('open'),
    hall('overdue'),
    listInspections(ctx, actor, { kind: 'records', page: 1, pageSize: 1 }),
  ]);
  // Findings of this month, in whichever sample they were recorded (a hall draws a few samples a month).
  let findingsThisMonth = 0;
  for (let page = 1; page <= 20; page++) {
    const { items } = await listInspections(ctx, actor, { page, pageSize: 500 });
    for (const i of items)
      findingsThisMonth += i.items.filter(
        (x) => x.result === 'finding' && x.checkedAt !== null && chinaDay(x.checkedAt) >= monthStart,
      ).length;
    if (items.length < 500) break;
  }
  return {
    rectificationsToVerify: reported.total,
    rectificationsOpen: open.total,
    rectificationsOverdue: overdue.total,
    sampleUnchecked: newest.items[0]?.items.filter((x) => x.result === 'pending').length ?? 0,
    findingsThisMonth,
  };
}

async function headSection(ctx: AppContext, actor: Actor, monthStart: string, today: string) {
  const [received, rate, complaints, leavesToApprove, inbox] = await Promise.all([
    listCases(ctx, actor, { from: monthStart, to: today, limit: 1, offset: 0 }),
    onTime(ctx, actor, { from: monthStart, to: today, by: 'department' }),
    openComplaints(ctx, actor),
    leavesToDecide(ctx, actor),
    myInbox(ctx, actor, {}),
  ]);
  return {
    receivedThisMonth: received.total,
    onTimeFinished: rate.overall.finished,
    onTimeRate: rate.overall.rate,
    complaintsOpen: complaints.open,
    leavesToApprove,
    approvals: inbox.items.length,
  };
}
