/**
 * 投诉 / 举报 (R9, R19.8): registration from every channel, acknowledgement, classification and a responsible
 * person, the clock on the hall calendar, investigation notes, the written reply, the complainant's satisfaction and
 * re-opening on objection. Who may see a report and its source is decided in `mayRead` / `present`; every move is
 * guarded by the state it was read in and written with its step, audit record and notice in one transaction.
 */
import { randomBytes } from 'node:crypto';
import { addDays } from '../../domain/calendar/index.ts';
import {
  type ComplaintCategory,
  categoryLabels,
  channelLabels,
  complaintCategories,
  DEFAULT_OBJECTION_DAYS,
  DEFAULT_REPLY_DAYS,
  kindLabels,
  satisfactionLabels,
  stateLabels,
} from '../../domain/complaints/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, invalid } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { pii } from '../../platform/pii/index.ts';
import { type Column, xlsx } from '../../platform/xlsx.ts';
import { hallStaff } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { caseIdsOfApplicant, findCaseByNo } from '../cases/service.ts';
import { findHall, findWindow, visibleHallIds } from '../org/service.ts';
import * as repo from './repository.ts';
import type { PublicInput, RegisterInput } from './schema.ts';
import {
  assertDesk,
  audit,
  F,
  mayHandle,
  mayRead,
  maySupervise,
  PUBLIC,
  queueComplaintNotice,
  replyDaysFor,
  sha,
  step,
  whoOf,
} from './desk-service.ts';
import { complaintDetail, present } from './view-service.ts';

async function nextNumber(db: Db, now: number) {
  const prefix = `TS${chinaDay(now).slice(0, 4)}`;
  const n = (await repo.countComplaintsOfYear(db, prefix)) + 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

const newLookupCode = () => randomBytes(5).toString('hex').toUpperCase().slice(0, 8);

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

export {
  addresseeOf,
  hasContact,
  mayHandle,
  maySupervise,
  queueComplaintNotice,
  replyDaysFor,
} from './desk-service.ts';
export { addNote, assignComplaint, reopenByStaff, replyComplaint, rateByStaff } from './handling-service.ts';
export { publicLookup, publicObject, publicRate, publicReplyRow } from './public-service.ts';
export { complaintDetail, replyRow } from './view-service.ts';
