/**
 * The occasional complaint (投诉) or report (举报) about a case, as the complaints module writes it: registered on
 * a working day after the visit, the reply due in the type's working days on the hall calendar, most answered in
 * time, some late, the recent ones still being handled; the number continues the year's TS series; the
 * complainant's name and phone encrypted (platform/pii) and the phone masked; some upheld with their rectification.
 */
import { type ComplaintCategory, progressNoticeDay } from '../../domain/complaints/index.ts';
import { maskPhone } from '../../domain/masking.ts';
import { chinaDay } from '../../platform/clock.ts';
import { pii } from '../../platform/pii/index.ts';
import type { Aftercare, Finished } from './aftercare.ts';
import { dayIndex, momentOn } from './hall.ts';
import { mobile, personName } from './people.ts';
import { hex, seededId } from './random.ts';

const CATEGORIES: Record<ComplaintCategory, number> = {
  attitude: 0.3,
  efficiency: 0.35,
  conduct: 0.1,
  policy: 0.15,
  integrity: 0.03,
  other: 0.07,
};
const CHANNELS = { phone: 0.3, visit: 0.2, hotline: 0.25, online: 0.15, box: 0.05, superior: 0.05 };
const CHANNEL_NAMES: Record<string, string> = {
  phone: '电话',
  visit: '来访',
  hotline: '12345热线',
  online: '网上',
  box: '意见箱',
  superior: '上级转办',
};
const MATTERS: Record<ComplaintCategory, string> = {
  attitude: '窗口工作人员态度生硬，解释不耐心',
  efficiency: '办件进度慢，超过承诺时限仍未办结',
  conduct: '工作时间窗口无人，等候较久',
  policy: '对材料要求的解释前后不一致',
  integrity: '反映工作人员暗示可加快办理',
  other: '大厅指引不清楚',
};

/** The rating module's share of cases the applicant rates from the SMS link (好差评), and of complaints. */

export function emitComplaint(a: Aftercare, c: Finished) {
  const { rnd, t, now } = a;
  const { hall } = c;
  const i = dayIndex(hall, chinaDay(c.receivedAt)) + rnd.int(0, 5);
  const at = Math.max(c.receivedAt + 3_600_000, momentOn(hall, i, rnd.next() * 7));
  if (at > now) return;
  const day = chinaDay(at);
  const category = rnd.weighted(CATEGORIES);
  const kind = category === 'integrity' || rnd.chance(0.08) ? 'report' : 'complaint';
  const anonymous = kind === 'report' && rnd.chance(0.5);
  const channel = rnd.weighted(CHANNELS);
  const simple = kind === 'complaint' && channel === 'visit' && rnd.chance(0.3);
  const days = simple ? 0 : a.replyDays(hall.id, category);
  const due = hall.deadline(day, days);
  const dueDay = due.deadline!;
  const id = seededId(rnd, at);
  const year = day.slice(0, 4);
  const number = `TS${year}${String(a.complaintNo(year)).padStart(5, '0')}`;
  const phone = anonymous ? null : mobile(rnd);
  const enc = (field: string, v: string | null) => (v ? pii().encrypt(`complaints.${field}`, id, v) : null);
  const supervisor = hall.staff.get('supervisor')?.[0] ?? c.clerk;
  const handler =
    hall.staff.get('supervisor')?.[rnd.int(0, (hall.staff.get('supervisor')?.length ?? 1) - 1)] ?? c.clerk;
  const workOrder =
    channel === 'hotline' || channel === 'superior' ? `GD${day.replaceAll('-', '')}${rnd.int(1000, 9999)}` : null;
  const upheld = rnd.chance(0.4);
  const steps: [string, string | null, string, string | null, string, number][] = [
    [
      'registered',
      null,
      'open',
      null,
      `经${CHANNEL_NAMES[channel]}登记受理${workOrder ? `（工单号 ${workOrder}）` : ''}，答复期限 ${dueDay}`,
      at,
    ],
  ];
  let state = simple ? 'replied' : 'open';
  let assignedAt: number | null = null;
  let repliedAt: number | null = simple ? at : null;
  let ratedAt: number | null = null;
  let noticed = simple ? 1 : 0;
  const reply = upheld
    ? '经调查，反映情况属实，已对相关人员批评教育并整改，感谢您的监督。'
    : '经调查核实，窗口按规定办理，已向您说明有关政策，感谢您的理解。';
  const cause = upheld ? '经调查，投诉属实' : '经调查，投诉不属实';
  if (simple) steps.push(['replied', 'open', 'replied', null, '当场解释说明，投诉人表示认可', at]);
  else {
    const iDue = dayIndex(hall, dueDay);
    assignedAt = momentOn(hall, Math.min(i + rnd.int(0, 1), iDue), 2 + rnd.next() * 4);
    if (assignedAt <= at) assignedAt = at + 600_000;
    // Most are answered within the type's days; some late (overdue), the rest still being handled today.
    const late = rnd.chance(0.12);
    const iReply = late ? iDue + rnd.int(1, 4) : rnd.int(Math.min(i + 1, iDue), iDue);
    repliedAt = Math.max(assignedAt + 3_600_000, momentOn(hall, iReply, 3 + rnd.next() * 4));
    const noticeDay = progressNoticeDay(day, dueDay, (d) => hall.days[Math.max(0, dayIndex(hall, d) - 1)]!);
    const noticeAt = momentOn(hall, dayIndex(hall, noticeDay), 0.1);
    if (assignedAt <= now) {
      state = 'handling';
      steps.push(['assigned', 'open', 'handling', null, `定性：${cause}；负责人：${handler.name}`, assignedAt]);
    } else assignedAt = null;
    if (!anonymous && noticeAt <= now && noticeAt < repliedAt && noticeAt > (assignedAt ?? at)) {
      noticed = 1;
      steps.push(['progress_notice', state, state, null, '已告知投诉举报人办理进度', noticeAt]);
    }
    if (assignedAt !== null && repliedAt <= now) {
      state = 'replied';
      steps.push(['replied', 'handling', 'replied', null, reply, repliedAt]);
    } else repliedAt = null;
  }
  const satisfaction =
    kind === 'complaint' && repliedAt !== null && rnd.chance(0.7)
      ? rnd.weighted({ satisfied: 0.75, basically_satisfied: 0.2, dissatisfied: 0.05 })
      : null;
  if (satisfaction && repliedAt !== null) {
    ratedAt = repliedAt + rnd.int(1, 3) * 86_400_000;
    if (ratedAt <= now) {
      state = 'closed';
      const label = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' }[satisfaction];
      steps.push(['rated', 'replied', 'closed', null, label, ratedAt]);
    } else ratedAt = null;
  }
  const replied = repliedAt !== null;
  t.complaints.add(
    id,
    hall.id,
    number,
    hex(rnd, at),
    kind,
    channel,
    workOrder,
    category,
    anonymous ? 1 : 0,
    enc('name', anonymous ? null : personName(rnd)),
    enc('phone', phone),
    maskPhone(phone),
    null,
    MATTERS[category],
    c.caseId,
    c.caseNo,
    c.item.content.name,
    c.item.content.departmentIds[0] ?? null,
    c.windowId,
    c.clerk.id,
    state,
    simple ? 1 : 0,
    assignedAt !== null ? cause : null,
    simple ? supervisor.id : assignedAt !== null ? handler.id : null,
    day,
    dueDay,
    due.provisional ? 1 : 0,
    1,
    noticed,
    replied ? (simple ? '当场解释说明，投诉人表示认可' : reply) : null,
    replied && upheld && !simple ? '对当事人批评教育，规范窗口服务' : null,
    repliedAt,
    repliedAt === null ? null : chinaDay(repliedAt),
    replied ? (simple ? supervisor.id : handler.id) : null,
    ratedAt !== null ? satisfaction : null,
    ratedAt,
    at,
    channel === 'online' ? null : supervisor.id,
    at,
    day.slice(0, 7),
    Math.max(at, assignedAt ?? 0, repliedAt ?? 0, ratedAt ?? 0),
  );
  for (const [k, s] of steps.entries()) {
    const by = s[0] === 'registered' && channel === 'online' ? null : s[0] === 'registered' ? supervisor : handler;
    t.complaintSteps.add(
      seededId(rnd, s[5]),
      id,
      k + 1,
      s[0],
      s[3],
      s[4],
      s[1],
      s[2],
      by?.id ?? null,
      by?.name ?? '投诉举报人（网上）',
      s[5],
    );
  }
}
