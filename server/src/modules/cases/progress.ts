/** The public progress lookup (办件进度查询): no login, nothing personal, no way to probe case numbers. */
import type { AppContext } from '../../platform/context.ts';
import { chinaDay } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { findApplicant } from '../applicants/service.ts';
import { publicNoticesOfCase } from '../notices/service.ts';
import { findHall } from '../org/service.ts';
import { stateLabel } from './presenter.ts';
import * as repo from './repository.ts';

const lastFour = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '').slice(-4);

export async function publicProgress(ctx: AppContext, q: { no: string; phone4: string }) {
  const c = await repo.findCaseByNo(ctx.db, q.no.toUpperCase());
  // A wrong phone answers exactly like an unknown number, so the lookup cannot confirm a case exists.
  const unknown = () => notFound('办件', 'Case');
  if (!c) throw unknown();
  const [applicant, agent] = await Promise.all([
    findApplicant(ctx.db, c.applicant_id),
    c.agent_id ? findApplicant(ctx.db, c.agent_id) : Promise.resolve(undefined),
  ]);
  // The stored masked form keeps the last four digits, so the check never decrypts.
  if (lastFour(applicant?.phone_masked) !== q.phone4 && (!agent || lastFour(agent.phone_masked) !== q.phone4))
    throw unknown();
  const [steps, hall, notices] = await Promise.all([
    repo.stepsOf(ctx.db, c.id),
    findHall(ctx.db, c.hall_id),
    publicNoticesOfCase(
      ctx.db,
      c.id,
      [applicant?.name, applicant?.contact_name, agent?.name, agent?.contact_name].filter((x): x is string => !!x),
    ),
  ]);
  const active = steps.filter((s) => s.status === 'active').map((s) => s.name);
  return {
    caseNo: c.case_no ?? '',
    itemName: c.item_name,
    hallName: hall?.name ?? '',
    stateLabel: stateLabel(c.state),
    acceptedDay: c.accepted_day,
    promisedDate: c.deadline,
    provisional: c.deadline_provisional === 1,
    currentStep: active.length ? active.join('、') : null,
    /** The promised date is withheld while a hearing, test or expert review stops the clock. */
    clockStopped: c.state === 'suspended',
    completedDay: c.completed_day ?? null,
    steps: steps.map((s) => ({
      name: s.name,
      status: (['done', 'active', 'skipped'] as const).find((x) => x === s.status) ?? ('pending' as const),
      doneDay: s.done_at ? chinaDay(Number(s.done_at)) : null,
    })),
    /** What was sent about the case (通知), without the recipient. */
    notices,
  };
}
