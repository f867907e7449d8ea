/**
 * What follows a case in the history: its 好差评 rating from the invitation link (a bad one with its 差评 loop and,
 * now and then, the staff member's appeal), and the occasional complaint about it. Rows as the rating and
 * complaints modules write them: the loop's stages and clocks from domain/ratings/loop.ts, the complaint's reply
 * due in its type's working days, its number continuing the year's TS series, the complainant's details encrypted.
 */
import { createHash } from 'node:crypto';
import { openLoop, type LoopState, stepLoop } from '../../domain/ratings/loop.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { HistoryTables } from './bulk.ts';
import { dayIndex, type HallPlan, type ItemPlan, momentOn, type Staff } from './hall.ts';
import { emitComplaint } from './complaints.ts';
import { hex, type Random, seededId } from './random.ts';

const SCORE = { very_satisfied: 5, satisfied: 4, basically_satisfied: 3, dissatisfied: 2, very_dissatisfied: 1 };
const LEVELS = {
  very_satisfied: 0.6,
  satisfied: 0.27,
  basically_satisfied: 0.07,
  dissatisfied: 0.04,
  very_dissatisfied: 0.02,
};
export const aftercareShares = { rated: 0.4, complaint: 0.02, appeal: 0.3, appealUpheld: 0.5, rerated: 0.7 };

/** Stand-in for the rectification evidence file: a 1×1 PNG, stored beside the case as the module stores uploads. */
export const EVIDENCE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const EVIDENCE_SHA = createHash('sha256').update(EVIDENCE_PNG).digest('hex');

export interface Finished {
  hall: HallPlan;
  item: ItemPlan;
  caseId: string;
  caseNo: string | null;
  applicantId: string;
  windowId: string | null;
  clerk: Staff;
  receivedAt: number;
  completedAt: number | null;
}

export interface Aftercare {
  rnd: Random;
  t: HistoryTables;
  now: number;
  /** Next complaint number of a year (TS2025 → 1, 2 …), continuing the module's count. */
  complaintNo(year: string): number;
  replyDays(hallId: string, category: string): number;
  /** Cases whose rectification evidence file must be stored. */
  evidence: string[];
}

export function emitAftercare(a: Aftercare, c: Finished): void {
  if (c.completedAt !== null && c.caseNo && a.rnd.chance(aftercareShares.rated)) emitRating(a, c, c.completedAt);
  if (a.rnd.chance(aftercareShares.complaint)) emitComplaint(a, c);
}

function emitRating(a: Aftercare, c: Finished, completedAt: number) {
  const { rnd, t, now } = a;
  const { hall } = c;
  const invitation = t.invitations.add(
    c.caseId,
    hall.id,
    hex(rnd, completedAt),
    null,
    c.caseNo,
    c.item.id,
    c.item.content.name,
    c.item.content.departmentIds[0] ?? null,
    c.windowId,
    c.clerk.id,
    c.clerk.name,
    c.applicantId,
    completedAt,
  );
  const i0 = dayIndex(hall, chinaDay(completedAt)) + rnd.int(0, 3);
  const at = Math.max(completedAt + 60_000, momentOn(hall, i0, rnd.next() * 7.5));
  if (at > now) return;
  const level = rnd.weighted(LEVELS);
  const bad = SCORE[level] <= 2;
  const day = chinaDay(at);
  const ratingId = seededId(rnd, at);
  const reasons = bad ? ['办理时间长'] : level === 'very_satisfied' ? ['服务热情', '办事高效'] : [];
  const rating = t.caseRatings.add(
    ratingId,
    hall.id,
    c.caseId,
    1,
    level,
    SCORE[level],
    bad ? 1 : 0,
    JSON.stringify(reasons),
    bad ? '跑了两趟才办好' : '',
    'link',
    c.clerk.id,
    0,
    day,
    at,
  );
  if (!bad) return;
  emitLoop(a, c, ratingId, at, level, invitation);
  // The staff member appeals some bad ratings; the supervisor upholds about half (the rating leaves the figures).
  if (!rnd.chance(aftercareShares.appeal)) return;
  const appealed = at + 86_400_000;
  if (appealed > now) return;
  const decided = appealed + 2 * 86_400_000;
  const done = decided <= now;
  const upheld = done && rnd.chance(aftercareShares.appealUpheld);
  const judge = hall.staff.get('supervisor')?.[0] ?? c.clerk;
  t.caseRatingAppeals.add(
    seededId(rnd, appealed),
    hall.id,
    ratingId,
    c.clerk.id,
    c.clerk.name,
    '申请人对办理时限有误解，材料不全导致补正',
    done ? (upheld ? 'upheld' : 'rejected') : 'open',
    done ? (upheld ? '经核实，差评系对政策误解，申诉成立' : '经核实，维持评价') : null,
    done ? judge.name : null,
    done ? decided : null,
    appealed,
  );
  if (upheld) t.caseRatings.set(rating, 'excluded', 1);
}

/** The 差评 loop, moved on by the module's own rule at plausible times and cut at "now". */
function emitLoop(
  a: Aftercare,
  c: Finished,
  ratingId: string,
  ratedAt: number,
  level: string,
  invitation: ReturnType<HistoryTables['invitations']['add']>,
) {
  const { rnd, t, now } = a;
  const { hall } = c;
  const cal = hall.calendar;
  const taskId = seededId(rnd, ratedAt);
  let s: LoopState = openLoop(cal, chinaDay(ratedAt));
  const events: [string, string, string, string, string, number][] = [
    ['open', 'call_back', 'call_back', JSON.stringify({ level }), '申请人', ratedAt],
  ];
  const feedback = hall.staff.get('feedback')?.[0] ?? c.clerk;
  const cols = { reached: null as number | null, callNote: null as string | null, calledAt: null as number | null };
  const more = { verifiedAt: null as number | null, planned: false, rectifiedAt: null as number | null };
  let rerating: string | null = null;
  let closedAt: number | null = null;
  let at = ratedAt;
  const step = (wd: number, kind: string, action: Parameters<typeof stepLoop>[2], detail: object, by: string) => {
    const i = dayIndex(hall, chinaDay(at)) + wd;
    const next = Math.max(at + 1_800_000, momentOn(hall, i, 1 + rnd.next() * 6));
    if (next > now) return false;
    const moved = stepLoop(cal, s, { ...action, day: chinaDay(next) } as typeof action);
    if (!moved.ok) return false;
    events.push([kind, s.stage, moved.state.stage, JSON.stringify(detail), by, next]);
    s = moved.state;
    at = next;
    return true;
  };
  if (
    step(
      1,
      'call_back',
      { kind: 'call_back', day: '', reached: true },
      { reached: true, note: '已联系申请人' },
      feedback.name,
    )
  ) {
    cols.reached = 1;
    cols.callNote = '已联系申请人，了解差评原因';
    cols.calledAt = at;
    if (
      step(
        rnd.int(1, 2),
        'verify',
        { kind: 'verify', day: '' },
        { finding: '办理环节衔接不畅', rectifyDays: 15 },
        feedback.name,
      )
    ) {
      more.verifiedAt = at;
      if (
        step(
          0,
          'plan',
          { kind: 'plan', day: '' },
          { plan: '优化窗口与后台衔接', responsible: c.clerk.name },
          feedback.name,
        )
      ) {
        more.planned = true;
        s = { ...s, evidence: 1 };
        events.push([
          'evidence',
          'rectify',
          'rectify',
          JSON.stringify({ name: '整改证明.png', sha256: EVIDENCE_SHA }),
          feedback.name,
          at,
        ]);
        a.evidence.push(c.caseId);
        t.caseRatingEvidence.add(
          seededId(rnd, at),
          taskId,
          c.caseId,
          '整改证明.png',
          'image/png',
          EVIDENCE_SHA,
          EVIDENCE_PNG.length,
          feedback.name,
          at,
        );
        if (step(rnd.int(2, 8), 'rectified', { kind: 'rectified', day: '' }, { note: '已完成整改' }, feedback.name)) {
          more.rectifiedAt = at;
          // Rectified: the applicant gets a fresh link to rate once more (kept as its hash, like the first).
          t.invitations.set(invitation, 'rerate_token_hash', hex(rnd, at));
          if (
            rnd.chance(aftercareShares.rerated) &&
            step(rnd.int(1, 4), 'rerate', { kind: 'rerate', day: '' }, { level: 'satisfied' }, '申请人')
          ) {
            rerating = seededId(rnd, at);
            closedAt = at;
            t.caseRatings.add(
              rerating,
              hall.id,
              c.caseId,
              2,
              'satisfied',
              4,
              0,
              '[]',
              '整改后满意',
              'link',
              c.clerk.id,
              0,
              chinaDay(at),
              at,
            );
          }
        }
      }
    }
  }
  t.caseRatingTasks.add(
    taskId,
    hall.id,
    c.caseId,
    ratingId,
    s.stage,
    s.dueDay,
    s.callBackDue,
    s.verifyDue,
    s.rectifyDue,
    s.rerateDue,
    cols.reached,
    cols.callNote,
    cols.calledAt,
    cols.calledAt ? feedback.name : null,
    more.verifiedAt ? '办理环节衔接不畅' : null,
    more.verifiedAt,
    more.verifiedAt ? feedback.name : null,
    more.planned ? '优化窗口与后台衔接' : null,
    more.planned ? c.clerk.name : null,
    more.rectifiedAt,
    more.rectifiedAt ? '已完成整改' : null,
    rerating,
    closedAt,
    ratedAt,
    at,
  );
  for (const [k, e] of events.entries()) t.caseRatingEvents.add(seededId(rnd, e[5]), taskId, k + 1, ...e);
}
