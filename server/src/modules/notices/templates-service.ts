/** 通知模板 and 通知设置: each hall's wording of every event (checked, previewed, saved, reset) and the reminder settings. */
import { eventDefinitions, type NoticeEvent, renderTemplate, unknownPlaceholders } from '../../domain/notices/index.ts';
import { appendAudit, byActor } from '../../platform/audit.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import {
  COLLECTION_REMINDER_DAYS_KEY,
  readCollectionReminderDays,
  writeCollectionReminderDays,
} from '../../platform/settings.ts';
import { DEFAULT_COLLECTION_REMINDER_DAYS } from '../../domain/notices/collection.ts';
import { findHall, visibleHallIds } from '../org/service.ts';
import { type NoticeVars, publicLink } from './link-service.ts';
import * as repo from './repository.ts';
import type { NoticeSettings, TemplateInput } from './schema.ts';

/** 通知模板: every event with the hall's own wording or the default. */
export async function listTemplates(ctx: AppContext, actor: Actor, hallId: string) {
  if (!visibleHallIds(actor, hallId).includes(hallId)) throw invalid('hallId', '无权查看该大厅', 'Not your hall');
  const own = new Map((await repo.templatesOf(ctx.db, hallId)).map((t) => [t.event, t]));
  return Object.entries(eventDefinitions).map(([event, d]) => {
    const t = own.get(event);
    return {
      event,
      label: d.zh,
      legal: d.legal,
      variables: [...d.variables],
      subject: t?.subject ?? d.subject,
      body: t?.body ?? d.body,
      custom: t !== undefined,
      updatedAt: t ? Number(t.updated_at) : null,
    };
  });
}

function checkTemplate(event: NoticeEvent, input: { subject: string; body: string }) {
  const known = eventDefinitions[event].variables;
  for (const field of ['subject', 'body'] as const) {
    const bad = unknownPlaceholders(input[field], known);
    if (bad.length) {
      throw invalid(
        field,
        `模板中有未知变量：${bad.map((b) => `{${b}}`).join('、')}`,
        `Unknown variables: ${bad.join(', ')}`,
      );
    }
  }
}

/** Sample values for the preview: a made-up applicant, never a real one. */
const sample: NoticeVars = {
  applicantName: '张三',
  caseNo: 'BJ-2026-000123',
  itemName: '营业执照变更登记',
  deadline: '2026-12-18',
  missingItems: '身份证复印件、租赁合同',
  supplementDeadline: '2026-12-10',
  reason: '需现场核查',
  extraDays: 5,
  outcome: '准予许可',
  place: '政务服务大厅 3 号窗口',
  replyDue: '2026-12-07',
  question: '个体工商户注销需要哪些材料',
  appointmentTime: '2026-12-08 09:30',
  appointmentCode: 'K7M2QX',
  prereviewNo: 'YS-2026-0001',
  note: '请携带身份证原件。',
  surveyUrl: 'https://example.gov.cn/rate',
};

export async function previewTemplate(
  ctx: AppContext,
  actor: Actor,
  hallId: string,
  event: NoticeEvent,
  input: TemplateInput,
) {
  if (!visibleHallIds(actor, hallId).includes(hallId)) throw invalid('hallId', '无权查看该大厅', 'Not your hall');
  checkTemplate(event, input);
  const hall = await findHall(ctx.db, hallId);
  const vars: NoticeVars = {
    hallName: hall?.name ?? '',
    hallPhone: hall?.phone ?? '',
    hallAddress: hall?.address ?? '',
    progressUrl: `${publicLink('/progress')}`,
    ...sample,
  };
  return { subject: renderTemplate(input.subject, vars), body: renderTemplate(input.body, vars) };
}

export async function saveTemplate(
  ctx: AppContext,
  actor: Actor,
  hallId: string,
  event: NoticeEvent,
  input: TemplateInput,
) {
  if (!actor.hallIds.includes(hallId))
    throw invalid('hallId', '只能编辑本大厅的模板', 'Only your own hall’s templates');
  checkTemplate(event, input);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveTemplate(trx, {
      hall_id: hallId,
      event,
      subject: input.subject,
      body: input.body,
      updated_at: now,
      updated_by: actor.userId,
    });
    await appendAudit(
      trx,
      byActor(actor, now, 'notice.template.save', 'notice_template', `${hallId}:${event}`, { event }),
    );
  });
  return (await listTemplates(ctx, actor, hallId)).find((t) => t.event === event)!;
}

/** Back to the default wording. */
export async function resetTemplate(ctx: AppContext, actor: Actor, hallId: string, event: NoticeEvent) {
  if (!actor.hallIds.includes(hallId))
    throw invalid('hallId', '只能编辑本大厅的模板', 'Only your own hall’s templates');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteTemplate(trx, hallId, event);
    await appendAudit(
      trx,
      byActor(actor, now, 'notice.template.reset', 'notice_template', `${hallId}:${event}`, { event }),
    );
  });
  return (await listTemplates(ctx, actor, hallId)).find((t) => t.event === event)!;
}

/** 领取提醒 and other settings of the notices, the same for every hall of the deployment. */
export async function noticeSettings(ctx: AppContext): Promise<NoticeSettings> {
  return { collectionReminderDays: await readCollectionReminderDays(ctx.db, DEFAULT_COLLECTION_REMINDER_DAYS) };
}

export async function saveNoticeSettings(
  ctx: AppContext,
  actor: Actor,
  input: NoticeSettings,
): Promise<NoticeSettings> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readCollectionReminderDays(trx, DEFAULT_COLLECTION_REMINDER_DAYS);
    await writeCollectionReminderDays(trx, input.collectionReminderDays, now);
    await appendAudit(
      trx,
      byActor(actor, now, 'notice.settings.save', 'settings', COLLECTION_REMINDER_DAYS_KEY, {
        before,
        after: input.collectionReminderDays,
      }),
    );
  });
  return noticeSettings(ctx);
}
