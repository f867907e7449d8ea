/**
 * 投诉 / 举报 (R9, R19.8): registration from every channel, acknowledgement, classification and a responsible
 * person, the clock on the hall calendar, investigation notes, the written reply, the complainant's satisfaction and
 * re-opening on objection. Who may see a report and its source is decided in `mayRead` / `present`; every move is
 * guarded by the state it was read in and written with its step, audit record and notice in one transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import { addDays } from '../../domain/calendar/index.ts';
import {
  type ComplaintAction,
  type ComplaintCategory,
  type ComplaintState,
  categoryLabels,
  channelLabels,
  complaintCategories,
  complaintLight,
  complaintMove,
  DEFAULT_OBJECTION_DAYS,
  DEFAULT_REPLY_DAYS,
  isRestricted,
  kindLabels,
  type NoteKind,
  type Satisfaction,
  satisfactionLabels,
  stateLabels,
} from '../../domain/complaints/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pii } from '../../platform/pii/index.ts';
import { type Column, xlsx } from '../../platform/xlsx.ts';
import { displayNameMap, hallStaff } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { caseIdsOfApplicant, findCaseByNo } from '../cases/service.ts';
import { enqueueNotice } from '../notices/service.ts';
import { departmentsByIds, findHall, findWindow, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { ComplaintView, PublicInput, RegisterInput } from './schema.ts';

const F = { name: 'complaints.name', phone: 'complaints.phone', email: 'complaints.email' };
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const notFoundComplaint = () => notFound('投诉举报', 'Complaint');

export const mayHandle = (actor: Actor) => actor.permissions.has('complaint.handle');
export const maySupervise = (actor: Actor) => actor.permissions.has('complaint.supervise');

function assertDesk(actor: Actor) {
  if (!mayHandle(actor) && !maySupervise(actor)) throw forbidden();
}

/** A report about staff is for supervisors and inspectors only; to anyone else it does not exist. */
function mayRead(actor: Actor, c: repo.ComplaintRow) {
  if (!actor.hallIds.includes(c.hall_id)) return false;
  if (!mayHandle(actor) && !maySupervise(actor)) return false;
  return !isRestricted({ kind: c.kind, staffUserId: c.staff_user_id }) || maySupervise(actor);
}

async function loadComplaint(db: Db, actor: Actor, id: string) {
  const c = await repo.findComplaint(db, id);
  if (!c || !mayRead(actor, c)) throw notFoundComplaint();
  return c;
}

export async function replyDaysFor(db: Db, hallId: string, category: string) {
  const rows = await repo.typeDays(db, hallId);
  return rows.find((r) => r.category === category)?.days ?? DEFAULT_REPLY_DAYS;
}

async function nextNumber(db: Db, now: number) {
  const prefix = `TS${chinaDay(now).slice(0, 4)}`;
  const n = (await repo.countComplaintsOfYear(db, prefix)) + 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

const newLookupCode = () => randomBytes(5).toString('hex').toUpperCase().slice(0, 8);

const reveal = (c: repo.ComplaintRow, field: keyof typeof F, stored: string | null) =>
  stored ? pii().decrypt(F[field], c.id, stored) : null;

/** The complainant's name and e-mail/phone for a notice (never shown, never logged). */
function recipientOf(c: repo.ComplaintRow) {
  if (c.anonymous === 1) return null;
  const phone = reveal(c, 'phone', c.phone_enc);
  const email = reveal(c, 'email', c.email_enc);
  if (!phone && !email) return null;
  // A reporter's name is not written into the notice text, which the notice log shows.
  return { name: c.kind === 'report' ? '' : (reveal(c, 'name', c.name_enc) ?? ''), phone, email };
}

/** Whom the written reply is addressed to: the complainant by name; a reporter never by name. */
export const addresseeOf = (c: repo.ComplaintRow) =>
  c.kind === 'complaint' && c.anonymous === 0 ? (reveal(c, 'name', c.name_enc) ?? '投诉人') : '举报人';

export const hasContact = (c: repo.ComplaintRow) => c.anonymous === 0 && (!!c.phone_enc || !!c.email_enc);

export async function queueComplaintNotice(
  trx: Db,
  c: repo.ComplaintRow,
  event: 'complaint_received' | 'complaint_progress' | 'complaint_replied',
  now: number,
  dedupeKey?: string,
) {
  const to = recipientOf(c);
  if (!to) return [];
  return enqueueNotice(trx, {
    hallId: c.hall_id,
    event,
    now,
    recipient: to,
    vars: {
      complaintNo: c.number,
      kindLabel: kindLabels[c.kind as 'complaint'],
      dueDay: c.due_day,
      stateLabel: stateLabels[c.state as ComplaintState],
    },
    ...(dedupeKey ? { dedupeKey } : {}),
  });
}

interface Who {
  userId: string | null;
  name: string;
}
const whoOf = (actor: Actor): Who => ({ userId: actor.userId, name: actor.displayName });
const PUBLIC: Who = { userId: null, name: '投诉举报人（网上）' };

async function step(
  trx: Db,
  c: { id: string },
  who: Who,
  now: number,
  s: { action: string; from: string | null; to: string; text: string; noteKind?: NoteKind },
) {
  await repo.insertStep(trx, {
    id: newId(now),
    complaint_id: c.id,
    action: s.action,
    note_kind: s.noteKind ?? null,
    text: s.text,
    from_state: s.from,
    to_state: s.to,
    user_id: who.userId,
    user_name: who.name,
    at: now,
  });
}

/** Audit details name the record, never the complainant or the contact. */
async function audit(trx: Db, actor: Actor | null, now: number, action: string, c: repo.ComplaintRow, extra = {}) {
  const detail = { number: c.number, kind: c.kind, ...extra };
  if (actor) await appendAudit(trx, byActor(actor, now, action, 'complaint', c.id, detail));
  else
    await appendAudit(trx, {
      at: now,
      userId: null,
      username: 'public',
      action,
      targetType: 'complaint',
      targetId: c.id,
      outcome: 'success',
      ip: null,
      detail,
    });
}

interface Draft {
  hallId: string;
  kind: 'complaint' | 'report';
  channel: string;
  workOrderNo: string | null;
  category: ComplaintCategory;
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  email: string | null;
  matter: string;
  caseId: string | null;
  caseNo: string | null;
  itemName: string | null;
  windowId: string | null;
  staffUserId: string | null;
  departmentId: string | null;
  simple: boolean;
  reply: string | null;
}

function checkDraft(d: Draft) {
  if (d.anonymous && d.kind === 'complaint')
    throw invalid('anonymous', '投诉须留下投诉人信息，匿名只适用于举报', 'Only a report may be anonymous');
  if (!d.anonymous && !d.name) throw invalid('name', '请填写投诉举报人姓名', 'Give the name');
  if (!d.anonymous && !d.phone && !d.email)
    throw invalid('phone', '请留下联系电话或电子邮件，以便告知处理结果', 'Give a phone number or e-mail');
  if ((d.channel === 'hotline' || d.channel === 'superior') && !d.workOrderNo)
    throw invalid('workOrderNo', '转办件须填写工单号', 'Give the work-order number');
  if (d.simple && !d.reply) throw invalid('reply', '当场办结须填写当场答复内容', 'Give the answer given on the spot');
}

async function insertDraft(ctx: AppContext, d: Draft, actor: Actor | null) {
  checkDraft(d);
  const now = ctx.clock.now();
  const today = chinaDay(now);
  const calendar = await calendarOf(ctx.db, d.hallId);
  const days = d.simple ? 0 : await replyDaysFor(ctx.db, d.hallId, d.category);
  const due = calendar.addWorkingDays(today, days);
  const id = newId(now);
  const code = newLookupCode();
  const who = actor ? whoOf(actor) : PUBLIC;
  const enc = (field: keyof typeof F, v: string | null) => (v && !d.anonymous ? pii().encrypt(F[field], id, v) : null);
  let row!: repo.ComplaintRow;
  await ctx.db.transaction().execute(async (trx) => {
    row = {
      id,
      hall_id: d.hallId,
      number: await nextNumber(trx, now),
      lookup_hash: sha(code),
      kind: d.kind,
      channel: d.channel,
      work_order_no: d.workOrderNo,
      category: d.category,
      anonymous: d.anonymous ? 1 : 0,
      name_enc: enc('name', d.name),
      phone_enc: enc('phone', d.phone),
      phone_masked: d.anonymous ? null : maskPhone(d.phone),
      email_enc: enc('email', d.email),
      matter: d.matter,
      case_id: d.caseId,
      case_no: d.caseNo,
      item_name: d.itemName,
      department_id: d.departmentId,
      window_id: d.windowId,
      staff_user_id: d.staffUserId,
      state: d.simple ? 'replied' : 'open',
      simple: d.simple ? 1 : 0,
      cause: null,
      responsible_id: d.simple ? (actor?.userId ?? null) : null,
      received_day: today,
      due_day: due.deadline,
      provisional: due.provisional ? 1 : 0,
      round: 1,
      progress_noticed_round: d.simple ? 1 : 0,
      reply: d.simple ? d.reply : null,
      rectification: null,
      replied_at: d.simple ? now : null,
      replied_day: d.simple ? today : null,
      replied_by: d.simple ? (actor?.userId ?? null) : null,
      satisfaction: null,
      rated_at: null,
      acknowledged_at: now,
      created_by: actor?.userId ?? null,
      created_at: now,
      month: today.slice(0, 7),
      updated_at: now,
    };
    await repo.insertComplaint(trx, row);
    const channel = channelLabels[d.channel as 'phone'] ?? d.channel;
    await step(trx, row, who, now, {
      action: 'registered',
      from: null,
      to: 'open',
      text: `经${channel}登记受理${d.workOrderNo ? `（工单号 ${d.workOrderNo}）` : ''}，答复期限 ${due.deadline}`,
    });
    await queueComplaintNotice(trx, row, 'complaint_received', now);
    if (d.simple) {
      await step(trx, row, who, now, { action: 'replied', from: 'open', to: 'replied', text: d.reply ?? '' });
      await queueComplaintNotice(trx, row, 'complaint_replied', now);
    }
    await audit(trx, actor, now, 'complaint.register', row, { channel: d.channel, simple: d.simple });
  });
  return { row, code };
}

/** 窗口、热线、信件…: registered by staff on the complainant's behalf. */
export async function registerComplaint(ctx: AppContext, actor: Actor, input: RegisterInput) {
  if (!mayHandle(actor)) throw forbidden();
  if (!actor.hallIds.includes(input.hallId)) throw invalid('hallId', '无权在该大厅登记', 'Not your hall');
  let caseRow: Awaited<ReturnType<typeof findCaseByNo>> | undefined;
  if (input.caseNo) {
    caseRow = await findCaseByNo(ctx.db, input.caseNo.toUpperCase());
    if (!caseRow || caseRow.hall_id !== input.hallId) throw invalid('caseNo', '未找到该办件编号', 'No such case');
  }
  if (input.windowId) {
    const w = await findWindow(ctx.db, input.windowId);
    if (!w || w.hall_id !== input.hallId) throw invalid('windowId', '窗口不存在', 'No such window');
  }
  if (input.staffUserId) {
    const staff = await hallStaff(ctx.db, [input.hallId]);
    if (!staff.some((s) => s.id === input.staffUserId))
      throw invalid('staffUserId', '该人员不在本大厅', 'No such staff in the hall');
  }
  const { row, code } = await insertDraft(
    ctx,
    {
      hallId: input.hallId,
      kind: input.kind,
      channel: input.channel,
      workOrderNo: input.workOrderNo || null,
      category: input.category,
      anonymous: input.anonymous,
      name: input.name || null,
      phone: input.phone || null,
      email: input.email || null,
      matter: input.matter,
      caseId: caseRow?.id ?? null,
      caseNo: caseRow?.case_no ?? null,
      itemName: caseRow?.item_name ?? null,
      windowId: input.windowId ?? null,
      staffUserId: input.staffUserId ?? null,
      departmentId: input.departmentId ?? null,
      simple: input.simple,
      reply: input.reply || null,
    },
    actor,
  );
  // A clerk who registers a report about a colleague gets the receipt, not the file: it is for supervisors only.
  if (!mayRead(actor, row)) {
    const [view] = await present(ctx, actor, [row], false);
    return { ...view!, steps: [], actions: [], lookupCode: code };
  }
  return { ...(await complaintDetail(ctx, actor, row.id)), lookupCode: code };
}

/** The public form (网上投诉举报): a report may be anonymous; the number and lookup code are its only key. */
export async function registerOnline(ctx: AppContext, input: PublicInput) {
  const hall = await findHall(ctx.db, input.hallId);
  if (!hall) throw invalid('hallId', '服务大厅不存在', 'No such hall');
  let caseRow: Awaited<ReturnType<typeof findCaseByNo>> | undefined;
  if (input.caseNo) {
    caseRow = await findCaseByNo(ctx.db, input.caseNo.toUpperCase());
    if (!caseRow || caseRow.hall_id !== input.hallId) throw invalid('caseNo', '未找到该办件编号', 'No such case');
  }
  const { row, code } = await insertDraft(
    ctx,
    {
      hallId: input.hallId,
      kind: input.kind,
      channel: 'online',
      workOrderNo: null,
      category: input.category,
      anonymous: input.anonymous,
      name: input.anonymous ? null : input.name || null,
      phone: input.anonymous ? null : input.phone || null,
      email: input.anonymous ? null : input.email || null,
      matter: input.matter,
      caseId: caseRow?.id ?? null,
      caseNo: caseRow?.case_no ?? null,
      itemName: caseRow?.item_name ?? null,
      windowId: null,
      staffUserId: null,
      departmentId: null,
      simple: false,
      reply: null,
    },
    null,
  );
  return { number: row.number, lookupCode: code, dueDay: row.due_day };
}

/** What the desk shows. The source of a report is shown only in the detail, and only to those who supervise. */
async function present(ctx: AppContext, actor: Actor, rows: repo.ComplaintRow[], detail: boolean) {
  const today = chinaDay(ctx.clock.now());
  const names = await displayNameMap(
    ctx.db,
    rows.flatMap((r) => [r.staff_user_id, r.responsible_id]).filter((x): x is string => !!x),
  );
  const deptIds = [...new Set(rows.map((r) => r.department_id).filter((x): x is string => !!x))];
  const depts = new Map((await departmentsByIds(ctx.db, deptIds)).map((d) => [d.id, d.name]));
  const windows = new Map<string, number>();
  for (const w of new Set(rows.map((r) => r.window_id).filter((x): x is string => !!x))) {
    const found = await findWindow(ctx.db, w);
    if (found) windows.set(w, found.number);
  }
  return rows.map((r): ComplaintView => {
    const restricted = isRestricted({ kind: r.kind, staffUserId: r.staff_user_id });
    const showSource = r.kind === 'complaint' || (detail && maySupervise(actor));
    const complainant =
      r.anonymous === 1 ? '匿名' : showSource ? (reveal(r, 'name', r.name_enc) ?? '') : '举报人信息保密';
    const contact =
      r.anonymous === 1 || !showSource
        ? null
        : (r.phone_masked ?? (r.email_enc ? maskEmailOf(reveal(r, 'email', r.email_enc) ?? '') : null));
    return {
      id: r.id,
      hallId: r.hall_id,
      number: r.number,
      kind: r.kind as ComplaintView['kind'],
      channel: r.channel as ComplaintView['channel'],
      workOrderNo: r.work_order_no,
      category: r.category as ComplaintView['category'],
      anonymous: r.anonymous === 1,
      complainant,
      contact,
      matter: r.matter,
      caseNo: r.case_no,
      itemName: r.item_name,
      windowNumber: r.window_id ? (windows.get(r.window_id) ?? null) : null,
      staffName: r.staff_user_id ? (names.get(r.staff_user_id) ?? null) : null,
      departmentName: r.department_id ? (depts.get(r.department_id) ?? null) : null,
      state: r.state as ComplaintState,
      simple: r.simple === 1,
      cause: r.cause,
      responsibleId: r.responsible_id,
      responsibleName: r.responsible_id ? (names.get(r.responsible_id) ?? null) : null,
      receivedDay: r.received_day,
      dueDay: r.due_day,
      provisional: r.provisional === 1,
      light: complaintLight(r.state as ComplaintState, today, r.due_day),
      round: r.round,
      reply: r.reply,
      rectification: r.rectification,
      repliedDay: r.replied_day,
      satisfaction: r.satisfaction as Satisfaction | null,
      restricted,
      createdAt: Number(r.created_at),
    };
  });
}

const maskEmailOf = (email: string) => {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
};

export async function listComplaints(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; state?: string; kind?: string; applicantId?: string },
) {
  assertDesk(actor);
  // 一企一档: an applicant's complaints are those about their cases; a report (举报) is never in anyone's file.
  const caseIds = q.applicantId ? await caseIdsOfApplicant(ctx, q.applicantId) : undefined;
  const rows = await repo.listComplaints(ctx.db, {
    hallIds: visibleHallIds(actor, q.hallId),
    state: q.state,
    kind: q.applicantId ? 'complaint' : q.kind,
    caseIds,
    restricted: maySupervise(actor),
  });
  const items = await present(ctx, actor, rows, false);
  return { items, total: items.length };
}

/** The desk list as .xlsx: the same rows and the same masking as the list (a reporter is never in it). */
export async function exportComplaints(
  ctx: AppContext,
  actor: Actor,
  q: { hallId?: string; state?: string; kind?: string },
) {
  const { items } = await listComplaints(ctx, actor, q);
  const text = (header: string): Column => ({ header, type: 'text' });
  const date = (header: string): Column => ({ header, type: 'date' });
  const header = [
    text('编号'),
    text('类型'),
    text('来源渠道'),
    text('工单号'),
    text('问题类别'),
    text('投诉举报人'),
    text('联系方式'),
    text('反映事项'),
    text('关联办件'),
    text('状态'),
    date('受理日期'),
    date('答复期限'),
    text('负责人'),
    text('问题定性'),
    date('答复日期'),
    text('满意度'),
  ];
  const rows = items.map((c) => [
    c.number,
    kindLabels[c.kind],
    channelLabels[c.channel],
    c.workOrderNo ?? '',
    categoryLabels[c.category],
    c.complainant,
    c.contact ?? '',
    c.matter,
    c.caseNo ?? '',
    stateLabels[c.state],
    c.receivedDay,
    c.dueDay,
    c.responsibleName ?? '',
    c.cause ?? '',
    c.repliedDay ?? '',
    c.satisfaction ? satisfactionLabels[c.satisfaction] : '',
  ]);
  return { xlsx: await xlsx('投诉举报', header, rows), fileName: `投诉举报-${chinaDay(ctx.clock.now())}.xlsx` };
}

const allActions: ComplaintAction[] = ['assign', 'note', 'reply', 'rate', 'reopen'];

export async function complaintDetail(ctx: AppContext, actor: Actor, id: string) {
  assertDesk(actor);
  const c = await loadComplaint(ctx.db, actor, id);
  const [view] = await present(ctx, actor, [c], true);
  const steps = await repo.stepsOf(ctx.db, c.id);
  return {
    ...view!,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      noteKind: (s.note_kind ?? null) as NoteKind | null,
      text: s.text,
      fromState: s.from_state,
      toState: s.to_state,
      userName: s.user_name,
      at: Number(s.at),
    })),
    actions: mayHandle(actor) ? allActions.filter((a) => complaintMove(c.state as ComplaintState, a) !== null) : [],
  };
}

/** One move: the allowed-from check, the guarded update, the step and the audit record, in one transaction. */
async function move(
  ctx: AppContext,
  actor: Actor | null,
  c: repo.ComplaintRow,
  action: ComplaintAction,
  patch: (now: number, today: string) => Promise<Partial<repo.ComplaintRow>> | Partial<repo.ComplaintRow>,
  text: string,
  extra: { noteKind?: NoteKind; notice?: 'complaint_replied'; audit?: Record<string, unknown> } = {},
) {
  const from = c.state as ComplaintState;
  const to = complaintMove(from, action);
  if (!to) throw conflict(`当前状态（${stateLabels[from]}）不能进行此操作`, `Not open in state ${from}`, 'state');
  const now = ctx.clock.now();
  const p = { ...(await patch(now, chinaDay(now))), state: to, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateComplaintFrom(trx, c.id, from, p)))
      throw conflict('该投诉举报已被他人处理，请刷新', 'Moved by someone else; reload');
    await step(trx, c, actor ? whoOf(actor) : PUBLIC, now, {
      action:
        action === 'note'
          ? 'note'
          : action === 'assign'
            ? 'assigned'
            : action === 'reply'
              ? 'replied'
              : action === 'rate'
                ? 'rated'
                : 'reopened',
      from,
      to,
      text,
      ...(extra.noteKind ? { noteKind: extra.noteKind } : {}),
    });
    if (extra.notice) await queueComplaintNotice(trx, { ...c, ...p } as repo.ComplaintRow, extra.notice, now);
    await audit(trx, actor, now, `complaint.${action}`, c, { from, to, ...extra.audit });
  });
}

async function forHandling(ctx: AppContext, actor: Actor, id: string) {
  if (!mayHandle(actor)) throw forbidden();
  return loadComplaint(ctx.db, actor, id);
}

export async function assignComplaint(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { responsibleId: string; cause: string },
) {
  const c = await forHandling(ctx, actor, id);
  const staff = await hallStaff(ctx.db, [c.hall_id]);
  const who = staff.find((s) => s.id === input.responsibleId);
  if (!who) throw invalid('responsibleId', '负责人须为本大厅工作人员', 'The responsible person must be hall staff');
  await move(
    ctx,
    actor,
    c,
    'assign',
    () => ({ responsible_id: who.id, cause: input.cause }),
    `定性：${input.cause}；负责人：${who.display_name}`,
    {
      audit: { responsibleId: who.id },
    },
  );
  return complaintDetail(ctx, actor, id);
}

export async function addNote(ctx: AppContext, actor: Actor, id: string, input: { kind: NoteKind; text: string }) {
  const c = await forHandling(ctx, actor, id);
  await move(ctx, actor, c, 'note', () => ({}), input.text, { noteKind: input.kind, audit: { noteKind: input.kind } });
  return complaintDetail(ctx, actor, id);
}

export async function replyComplaint(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reply: string; rectification: string },
) {
  const c = await forHandling(ctx, actor, id);
  await move(
    ctx,
    actor,
    c,
    'reply',
    (now, today) => ({
      reply: input.reply,
      rectification: input.rectification || null,
      replied_at: now,
      replied_day: today,
      replied_by: actor.userId,
      responsible_id: c.responsible_id ?? actor.userId,
    }),
    input.reply,
    { notice: 'complaint_replied', audit: { onTime: chinaDay(ctx.clock.now()) <= c.due_day } },
  );
  return complaintDetail(ctx, actor, id);
}

export async function rateByStaff(ctx: AppContext, actor: Actor, id: string, satisfaction: Satisfaction) {
  const c = await forHandling(ctx, actor, id);
  await rate(ctx, actor, c, satisfaction, '');
  return complaintDetail(ctx, actor, id);
}

function rate(ctx: AppContext, actor: Actor | null, c: repo.ComplaintRow, satisfaction: Satisfaction, comment: string) {
  return move(
    ctx,
    actor,
    c,
    'rate',
    (now) => ({ satisfaction, rated_at: now }),
    `${satisfactionLabels[satisfaction]}${comment ? `：${comment}` : ''}`,
    { audit: { satisfaction } },
  );
}

function reopen(ctx: AppContext, actor: Actor | null, c: repo.ComplaintRow, reason: string) {
  return move(
    ctx,
    actor,
    c,
    'reopen',
    async (_now, today) => {
      const days = c.simple === 1 ? DEFAULT_REPLY_DAYS : await replyDaysFor(ctx.db, c.hall_id, c.category);
      const due = (await calendarOf(ctx.db, c.hall_id)).addWorkingDays(today, days);
      return {
        round: c.round + 1,
        due_day: due.deadline,
        provisional: due.provisional ? 1 : 0,
        received_day: c.received_day,
        reply: null,
        replied_at: null,
        replied_day: null,
        replied_by: null,
        satisfaction: null,
        rated_at: null,
      };
    },
    `对答复有异议，重新处理：${reason}`,
    { audit: { round: c.round + 1 } },
  );
}

export async function reopenByStaff(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const c = await forHandling(ctx, actor, id);
  await reopen(ctx, actor, c, reason);
  return complaintDetail(ctx, actor, id);
}

/** The public lookup by number and code; a wrong code answers exactly like an unknown number. */
async function byCode(ctx: AppContext, q: { number: string; code: string }) {
  const c = await repo.findComplaintByNumber(ctx.db, q.number.trim().toUpperCase());
  if (!c || c.lookup_hash !== sha(q.code.trim().toUpperCase())) throw notFoundComplaint();
  return c;
}

function publicView(c: repo.ComplaintRow) {
  const state = c.state as ComplaintState;
  return {
    number: c.number,
    kindLabel: kindLabels[c.kind as 'complaint'],
    state,
    stateLabel: stateLabels[state],
    receivedDay: c.received_day,
    dueDay: c.due_day,
    reply: c.reply,
    rectification: c.rectification,
    repliedDay: c.replied_day,
    satisfaction: c.satisfaction as Satisfaction | null,
    mayRate: complaintMove(state, 'rate') !== null,
    mayObject: complaintMove(state, 'reopen') !== null,
  };
}

export async function publicLookup(ctx: AppContext, q: { number: string; code: string }) {
  return publicView(await byCode(ctx, q));
}

export async function publicRate(
  ctx: AppContext,
  q: { number: string; code: string; satisfaction: Satisfaction; comment: string },
) {
  const c = await byCode(ctx, q);
  await rate(ctx, null, c, q.satisfaction, q.comment);
  return publicView((await repo.findComplaint(ctx.db, c.id))!);
}

export async function publicObject(ctx: AppContext, q: { number: string; code: string; reason: string }) {
  const c = await byCode(ctx, q);
  await reopen(ctx, null, c, q.reason);
  return publicView((await repo.findComplaint(ctx.db, c.id))!);
}

export async function publicReplyRow(ctx: AppContext, q: { number: string; code: string }) {
  const c = await byCode(ctx, q);
  if (!c.reply) throw notFound('书面答复', 'Written reply');
  return c;
}

export async function replyRow(ctx: AppContext, actor: Actor, id: string) {
  assertDesk(actor);
  const c = await loadComplaint(ctx.db, actor, id);
  if (!c.reply) throw notFound('书面答复', 'Written reply');
  return c;
}

export async function assignees(ctx: AppContext, actor: Actor, hallId?: string) {
  assertDesk(actor);
  const staff = await hallStaff(ctx.db, visibleHallIds(actor, hallId));
  const items = staff.map((s) => ({ id: s.id, name: s.display_name }));
  return { items, total: items.length };
}

export async function listTypeDays(ctx: AppContext, actor: Actor, hallId: string) {
  assertDesk(actor);
  if (!actor.hallIds.includes(hallId)) throw invalid('hallId', '无权查看该大厅', 'Not your hall');
  const rows = await repo.typeDays(ctx.db, hallId);
  return {
    hallId,
    items: [
      ...complaintCategories.map((category) => ({
        category,
        days: rows.find((r) => r.category === category)?.days ?? DEFAULT_REPLY_DAYS,
      })),
      {
        category: 'objection' as const,
        days: rows.find((r) => r.category === 'objection')?.days ?? DEFAULT_OBJECTION_DAYS,
      },
    ],
  };
}

export async function setTypeDays(
  ctx: AppContext,
  actor: Actor,
  input: { hallId: string; category: string; days: number },
) {
  if (!maySupervise(actor)) throw forbidden();
  if (!actor.hallIds.includes(input.hallId)) throw invalid('hallId', '无权设置该大厅', 'Not your hall');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveTypeDays(trx, input.hallId, input.category, input.days, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'complaint.type_days', 'hall', input.hallId, { category: input.category, days: input.days }),
    );
  });
  return listTypeDays(ctx, actor, input.hallId);
}

export const previousWorkingDay = (isWorking: (d: string) => boolean, day: string) => {
  let d = addDays(day, -1);
  for (let i = 0; i < 60 && !isWorking(d); i++) d = addDays(d, -1);
  return d;
};

/** 统计分析 reads the complaints received in a period by category. */
export { categoriesReceivedBetween, categoryCountsBetween } from './repository.ts';

// 考核 reads these figures' records through the owner's service.
export { upheldComplaintsBetween } from './repository.ts';
