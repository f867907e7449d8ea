import { roles } from '../../domain/roles.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import { parseContent } from '../catalog/service.ts';
import { publishedItem } from '../guide/service.ts';
import { departmentsByIds, findHall } from '../org/service.ts';
import { type NoticeContent, noticeContentSchema, renderNoticePdf } from './notice-pdf.ts';
import * as repo from './repository.ts';
import { loadConsultation, orderedId, trail, who } from './service.ts';

/**
 * Issues the written one-time notice of a consultation (R2.5) from the item's published version and keeps
 * its content with the consultation. A phone consultation gets no written notice.
 */
export async function issueNotice(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadConsultation(ctx, actor, id);
  if (c.channel === 'phone') {
    throw new AppError(
      409,
      'CONFLICT',
      '电话咨询不出具书面告知书',
      'A phone consultation gets no written notice',
      'channel',
    );
  }
  if (!c.item_id)
    throw invalid(
      'itemId',
      '请先选择所咨询的事项，告知书按事项的办事指南出具',
      'Choose the service item asked about first',
    );
  const item = await publishedItem(ctx.db, c.item_id);
  if (!item) throw invalid('itemId', '所咨询的事项尚未发布或已停用', 'The service item is not published');
  const content = parseContent(item.content);
  const hall = await findHall(ctx.db, c.hall_id);
  if (!hall) throw notFound('服务大厅', 'Hall');
  const stepDepartments = content.steps.map((s) => s.departmentId).filter((d): d is string => d !== null);
  const departments = await departmentsByIds(ctx.db, stepDepartments);
  const now = ctx.clock.now();
  const existing = await repo.noticesOf(ctx.db, id);
  const noticeNumber = `${c.number}-G${existing.length + 1}`;
  const notice: NoticeContent = {
    noticeNumber,
    issuedAt: now,
    issuedBy: actor.displayName,
    hall: { name: hall.name, address: hall.address, phone: hall.phone, openingHours: hall.opening_hours },
    consultation: {
      number: c.number,
      channel: c.channel,
      personName: c.person_name,
      // The document leaves the hall: the phone is always printed masked.
      contactPhone: c.contact_phone_masked,
      question: c.question,
      answer: c.answer,
      referralText: c.referral_text,
      dueDate: c.due_date,
      dueProvisional: c.due_provisional === 1,
      registeredDay: c.registered_day,
      firstOwnerName: c.first_owner_name,
    },
    item: { id: item.id, code: item.code, version: item.version, content },
    roleNames: Object.fromEntries(roles.map((r) => [r.code, r.name])),
    departmentNames: Object.fromEntries(departments.map((d) => [d.id, d.name])),
  };
  const noticeId = orderedId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertNotice(trx, {
        id: noticeId,
        consultation_id: id,
        number: noticeNumber,
        item_id: item.id,
        item_version: item.version,
        content: JSON.stringify(notice),
        issued_at: now,
        issued_by: actor.displayName,
      });
      await trail(trx, c, now, who(actor), 'notice', { noticeNumber, item: content.name, version: item.version });
      await appendAudit(
        trx,
        byActor(actor, now, 'consult.notice', 'consultation', id, {
          number: c.number,
          noticeNumber,
          itemVersion: item.version,
        }),
      );
    });
  } catch (e) {
    // Two notices issued at the same moment would share a number: the second is asked to retry.
    if (isUniqueViolation(e)) throw conflict('告知书正在出具，请稍后重试', 'A notice is being issued; try again');
    throw e;
  }
  return { id: noticeId, number: noticeNumber };
}

/** The archived notice, rendered again from the content kept when it was issued. */
export async function noticePdf(ctx: AppContext, actor: Actor, id: string, noticeId: string) {
  await loadConsultation(ctx, actor, id);
  const n = await repo.findNotice(ctx.db, id, noticeId);
  if (!n) throw notFound('告知书', 'Notice');
  const pdf = await renderNoticePdf(noticeContentSchema.parse(JSON.parse(n.content)));
  return { number: n.number, pdf };
}
