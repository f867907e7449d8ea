/**
 * The schedule (R16.2): each hall's monthly, quarterly and yearly report of the period just ended, generated once.
 * Version 1 is the schedule's; the unique key (hall, kind, period, version) makes a second node or a repeated pass
 * lose the insert instead of writing a second report. A period with a report already (any version) is skipped.
 */
import { parsePeriod, periodJustEnded, reportKinds } from '../../domain/reports/index.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { runPeriodically } from '../../platform/periodic.ts';
import { whenQuiet } from '../../platform/request-load.ts';
import { allHalls } from '../org/service.ts';
import * as repo from './repository.ts';
import { writeReport } from './service.ts';

export const REPORT_SWEEP_INTERVAL_MS = 60 * 60_000;

/**
 * The running server's pass gives way to the people using it: before each report it waits until fewer than 10
 * requests a second are coming in, two minutes at most (at midnight, when a period ends, nothing waits).
 */
const yieldToClerks = () => whenQuiet({ below: 10, maxWaitMs: 2 * 60_000 });

/** The schedule reads the figures as the hall's own reporting would, limited to that one hall. */
const scheduleActor = (hallId: string): Actor => ({
  userId: 'system',
  username: 'system',
  displayName: '系统',
  roles: [],
  permissions: new Set(['supervision.view', 'report.manage']),
  hallIds: [hallId],
  departmentIds: [],
  mustChangePassword: false,
  sessionId: 'report-sweep',
  ip: null,
});

/** Writes the reports still missing; `beforeEach` runs before each one is written (the running server's yield). */
export async function sweepReports(
  ctx: AppContext,
  beforeEach: () => Promise<unknown> = async () => {},
): Promise<number> {
  const today = chinaDay(ctx.clock.now());
  let written = 0;
  for (const hall of await allHalls(ctx.db)) {
    for (const kind of reportKinds) {
      const period = parsePeriod(kind, periodJustEnded(kind, today))!;
      if ((await repo.latestVersion(ctx.db, hall.id, kind, period.key)) !== null) continue;
      await beforeEach();
      const id = await writeReport(ctx, scheduleActor(hall.id), {
        hallId: hall.id,
        kind,
        period,
        origin: 'schedule',
        version: 1,
      });
      if (id) written += 1;
    }
  }
  return written;
}

export function startReportSweeps(ctx: AppContext, intervalMs = REPORT_SWEEP_INTERVAL_MS): () => void {
  return runPeriodically(ctx.log, 'periodic report sweep', intervalMs, () => sweepReports(ctx, yieldToClerks));
}
