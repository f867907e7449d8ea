import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { piiFields, reveal } from '../../platform/pii/protect.ts';
import { loadRoleCatalog } from '../accounts/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { enqueueNotice } from '../notices/service.ts';
import { departmentsByIds, findDepartment } from '../org/service.ts';
import * as repo from './repository.ts';
import { openStatuses, type ReferInput, type Status } from './schema.ts';
import { consultationDetail, coverOf, loadConsultation, mayHandle, orderedId, trail, who } from './service.ts';

type Row = repo.ConsultationRow;

/**
 * Loads an open consultation the actor may act on. Acting on an unclaimed online one takes it: the actor
 * becomes its first-question owner and handler, for good.
 */
async function forHandling(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadConsultation(ctx, actor, id);
  if (!openStatuses.includes(c.status as Status)) {
    throw new AppError(409, 'CONFLICT', '该咨询已办结，不能再更改', 'The consultation is closed');
  }
  if (!mayHandle(actor, c) && !(await coverOf(ctx, actor, c)))
    throw forbidden(
      '只有首问人、当前经办人或窗口主管可以处理该咨询',
      'Only the first-question owner, the handler or a supervisor may act on this consultation',
    );
  return c;
}

/** One change: the row, its trail event and its audit record in one transaction. */
async function change(
  ctx: AppContext,
  actor: Actor,
  c: Row,
  action: string,
  asked: Partial<Row>,
  said: Record<string, unknown>,
  extra?: (trx: Db, now: number) => Promise<void>,
) {
  const now = ctx.clock.now();
  // AB岗: B acting for the away owner is on the trail as 邹敏（代杨帆）, with the owner's id beside it.
  const cover = await coverOf(ctx, actor, c);
  const by = cover ? { ...actor, displayName: `${actor.displayName}（代${cover.name}）` } : actor;
  const detail = cover ? { ...said, actingFor: cover } : said;
  const patch = cover && asked.answered_by ? { ...asked, answered_by: by.displayName } : asked;
  await ctx.db.transaction().execute(async (trx) => {
    const claim: Partial<Row> =
      c.status === 'unclaimed'
        ? {
            first_owner_id: actor.userId,
            first_owner_name: actor.displayName,
            handler_id: actor.userId,
            handler_name: actor.displayName,
            status: 'open',
          }
        : {};
    if (c.status === 'unclaimed') await trail(trx, c, now, who(actor), 'take', {});
    await repo.updateConsultation(trx, c.id, { ...claim, ...patch, updated_at: now });
    await extra?.(trx, now);
    const to = patch.status ?? claim.status ?? c.status;
    const recorded = to === c.status ? detail : { ...detail, statusFrom: c.status, statusTo: to };
    await trail(trx, c, now, who(by), action, recorded);
    await appendAudit(
      trx,
      byActor(actor, now, `consult.${action}`, 'consultation', c.id, { number: c.number, ...recorded }),
    );
  });
  return consultationDetail(ctx, actor, c.id);
}

/** A member of staff takes an online consultation and becomes its first-question owner. */
export async function takeConsultation(ctx: AppContext, actor: Actor, id: string) {
  const found = await loadConsultation(ctx, actor, id);
  if (found.status !== 'unclaimed')
    throw conflict(`该咨询已由${found.first_owner_name ?? '他人'}接手`, 'Someone has already taken it');
  const c = await forHandling(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateConsultation(trx, c.id, {
      first_owner_id: actor.userId,
      first_owner_name: actor.displayName,
      handler_id: actor.userId,
      handler_name: actor.displayName,
      status: 'open',
      updated_at: now,
    });
    await trail(trx, c, now, who(actor), 'take', {});
    await appendAudit(trx, byActor(actor, now, 'consult.take', 'consultation', c.id, { number: c.number }));
  });
  return consultationDetail(ctx, actor, c.id);
}

export async function answerConsultation(ctx: AppContext, actor: Actor, id: string, answer: string) {
  const c = await forHandling(ctx, actor, id);
  const waiting = (await repo.departmentRowsOf(ctx.db, id)).filter((d) => d.answer === null);
  if (waiting.length > 0) {
    throw conflict(
      `仍在等待${waiting.map((d) => d.department_name).join('、')}的答复，请先记录各部门意见`,
      'Record the answers of every department consulted first',
      'departments',
    );
  }
  const now = ctx.clock.now();
  return change(
    ctx,
    actor,
    c,
    'answer',
    { status: 'answered', answer, answered_at: now, answered_by: actor.displayName },
    {
      answer,
      late: c.due_date !== null && c.due_date < chinaDay(now),
    },
  );
}

/** A reply promised within N working days of the hall's calendar, counted from today (same clock as cases). */
export async function promiseReply(ctx: AppContext, actor: Actor, id: string, input: { days: number; note: string }) {
  const c = await forHandling(ctx, actor, id);
  const calendar = await calendarOf(ctx.db, c.hall_id);
  const { deadline, provisional } = calendar.addWorkingDays(chinaDay(ctx.clock.now()), input.days);
  return change(
    ctx,
    actor,
    c,
    'promise',
    {
      status: c.status === 'coordinating' ? 'coordinating' : 'promised',
      promised_days: input.days,
      due_date: deadline,
      due_provisional: provisional ? 1 : 0,
    },
    { days: input.days, dueDate: deadline, provisional, note: input.note, previousDueDate: c.due_date },
    // 咨询答复时限: the person is told by SMS when to expect the reply, in the same transaction.
    (trx, now) =>
      enqueueNotice(trx, {
        hallId: c.hall_id,
        event: 'consult_reply_due',
        now,
        recipient: { name: c.person_name, phone: reveal(piiFields.consultationPhone, c.id, c.contact_phone_enc) },
        channels: ['sms'],
        vars: { question: c.question.length > 30 ? `${c.question.slice(0, 30)}…` : c.question, replyDue: deadline },
      }).then(() => undefined),
  );
}

/** Not our remit: the body the person is sent to is recorded, and the text they were told is kept. */
export async function referConsultation(ctx: AppContext, actor: Actor, id: string, input: ReferInput) {
  const c = await forHandling(ctx, actor, id);
  let body: string;
  let departmentId: string | null = null;
  if (input.departmentId) {
    const dep = await findDepartment(ctx.db, input.departmentId);
    if (!dep || dep.hall_id !== c.hall_id)
      throw invalid('departmentId', '部门不存在或不属于该大厅', 'No such department in this hall');
    body = dep.phone ? `${dep.name}（电话 ${dep.phone}）` : dep.name;
    departmentId = dep.id;
  } else if (input.externalBody) {
    body = input.externalBody;
  } else {
    throw invalid('departmentId', '请选择转介的部门或填写外单位名称', 'Choose a department or name the outside body');
  }
  const guidance = input.guidance ? `${input.guidance}。` : '';
  const text = `您咨询的事项不属于本窗口办理范围（${input.reason}），请向${body}咨询办理。${guidance}`;
  return change(
    ctx,
    actor,
    c,
    'refer',
    { status: 'referred', referral_text: text, referral_department_id: departmentId },
    {
      to: body,
      departmentId,
      reason: input.reason,
      toldVia: input.toldVia,
      text,
    },
  );
}

/** A matter for several departments: the first-question owner asks each and records their answers (不得推诿). */
export async function coordinateConsultation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { departmentIds: string[]; question: string },
) {
  const c = await forHandling(ctx, actor, id);
  const ids = [...new Set(input.departmentIds)];
  const found = await departmentsByIds(ctx.db, ids);
  const bad = ids.find((d) => !found.some((x) => x.id === d && x.hall_id === c.hall_id));
  // In the order the owner listed them.
  const deps = ids.flatMap((d) => found.filter((x) => x.id === d));
  if (bad) throw invalid('departmentIds', `部门 ${bad} 不存在或不属于该大厅`, `Department ${bad} is not in this hall`);
  return change(
    ctx,
    actor,
    c,
    'coordinate',
    { status: 'coordinating' },
    {
      departments: deps.map((d) => d.name),
      question: input.question,
    },
    async (trx, now) => {
      for (const d of deps) {
        await repo.insertDepartmentRow(trx, {
          id: orderedId(now),
          consultation_id: c.id,
          department_id: d.id,
          department_name: d.name,
          question: input.question,
          asked_at: now,
          asked_by: actor.displayName,
          answer: null,
          answered_at: null,
          answered_by: null,
        });
      }
    },
  );
}

export async function recordDepartmentAnswer(ctx: AppContext, actor: Actor, id: string, rowId: string, answer: string) {
  const c = await forHandling(ctx, actor, id);
  const row = (await repo.departmentRowsOf(ctx.db, id)).find((d) => d.id === rowId);
  if (!row) throw notFound('协调部门', 'Consulted department');
  return change(
    ctx,
    actor,
    c,
    'department_answer',
    {},
    { department: row.department_name, answer },
    async (trx, now) => {
      await repo.updateDepartmentRow(trx, rowId, { answer, answered_at: now, answered_by: actor.displayName });
    },
  );
}

/** The handler is absent: another member of staff takes over; the first-question owner stays on record. */
export async function handOver(ctx: AppContext, actor: Actor, id: string, input: { toUserId: string; note: string }) {
  const c = await forHandling(ctx, actor, id);
  const target = (await repo.staffOfHall(ctx.db, c.hall_id)).find((u) => u.id === input.toUserId);
  // Custom roles count too: whoever's roles add up to consult.handle may take it over.
  if (!target || !(await loadRoleCatalog(ctx.db)).permissionsOf(target.roles).has('consult.handle')) {
    throw invalid(
      'toUserId',
      '接手人不存在、不在本大厅或无咨询处理权限',
      'That person cannot handle consultations in this hall',
    );
  }
  if (target.id === c.handler_id) throw invalid('toUserId', '接手人就是当前经办人', 'That person already handles it');
  return change(
    ctx,
    actor,
    c,
    'handover',
    { handler_id: target.id, handler_name: target.displayName },
    {
      from: c.handler_name ?? actor.displayName,
      to: target.displayName,
      note: input.note,
    },
  );
}

/** The service item asked about, chosen or corrected later (the notice needs it). */
export async function setItem(ctx: AppContext, actor: Actor, id: string, itemId: string | null) {
  const c = await forHandling(ctx, actor, id);
  if (itemId) {
    const item = await repo.findItemRef(ctx.db, itemId);
    if (!item || item.hall_id !== c.hall_id)
      throw invalid('itemId', '所咨询的事项不存在或不属于该大厅', 'The service item does not exist in this hall');
  }
  return change(ctx, actor, c, 'set_item', { item_id: itemId }, { from: c.item_id, to: itemId });
}
