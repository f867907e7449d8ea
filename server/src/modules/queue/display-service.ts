import type { AppContext } from '../../platform/context.ts';
import type { HallEvent } from '../../platform/events.ts';
import { loadFloor, windowState } from './floor.ts';
import * as repo from './repository.ts';
import { kioskCategories, publicHall } from './ticket-issue-service.ts';

/** What the hall's big screen shows: each window's current number, the latest calls, and the queues. */
export async function displaySnapshot(ctx: AppContext, hallId: string) {
  const hall = await publicHall(ctx.db, hallId);
  const floor = await loadFloor(ctx.db, hallId);
  const [current, calls, categories, alarm] = await Promise.all([
    repo.currentOf(
      ctx.db,
      floor.windows.map((w) => w.id),
    ),
    repo.recentCalls(ctx.db, hallId, 12),
    kioskCategories(ctx, hallId),
    repo.alarmNoticeOf(ctx.db, hallId),
  ]);
  return {
    hall: { id: hall.id, name: hall.name },
    windows: floor.windows
      .filter((w) => w.status === 'active')
      .map((w) => ({
        id: w.id,
        number: w.number,
        name: w.name,
        state: windowState(floor, w.id),
        currentNumber: current.find((t) => t.window_id === w.id)?.number ?? null,
      })),
    recentCalls: calls.map((c) => ({
      ticketId: c.ticket_id,
      number: c.number,
      windowNumber: c.window_number,
      windowName: c.window_name,
      at: Number(c.at),
      recall: c.kind === 'recalled' ? Number((JSON.parse(c.detail ?? '{}') as { count?: number }).count ?? 1) : 0,
    })),
    categories,
    notices: floor.settings.displayNotices,
    alarmNotice: alarm?.text ?? null,
  };
}

/** The kiosk's own settings: how long it waits untouched before its start screen; where the ticket's QR code points. */
export async function kioskSettings(ctx: AppContext, hallId: string) {
  await publicHall(ctx.db, hallId);
  const idleSeconds = (await loadFloor(ctx.db, hallId)).settings.kioskIdleSeconds;
  return { idleSeconds, publicBaseUrl: ctx.config.publicBaseUrl };
}

export async function checkHall(ctx: AppContext, hallId: string): Promise<void> {
  await publicHall(ctx.db, hallId);
}

/** Feeds a display the hall's events, without staff names: only what is on the screen anyway. */
export function subscribeDisplay(ctx: AppContext, hallId: string, send: (e: HallEvent) => void): () => void {
  return ctx.events.subscribe(hallId, (e) =>
    send(e.type === 'finish' ? { hallId, type: 'finish', windowId: e.windowId } : e),
  );
}
