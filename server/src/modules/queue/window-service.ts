import { appendAudit, byActor } from '../../platform/audit.ts';
import { chinaDay } from '../../platform/clock.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { WeeklyHours } from '../../domain/queue/hours.ts';
import { displayNamesOf } from '../accounts/service.ts';
import { assertPostReady } from '../training/service.ts';
import { checkedHours, saveWindowHours, timetablesOf } from './hours-service.ts';
import { categoriesOfWindow, type Floor, loadFloor, windowState } from './floor.ts';
import { presentTickets } from './ticket-view-service.ts';
import * as repo from './repository.ts';
import { busy, heldSession, loadWindow } from './window-access.ts';

export async function listWindows(ctx: AppContext, actor: Actor, hallId: string) {
  if (!actor.hallIds.includes(hallId)) throw notFound('服务大厅', 'Hall');
  const floor = await loadFloor(ctx.db, hallId);
  return windowsView(
    ctx,
    floor,
    floor.windows.map((w) => w.id),
  );
}

async function windowsView(ctx: AppContext, floor: Floor, windowIds: string[]) {
  const now = ctx.clock.now();
  const [current, settings, waiting, hours] = await Promise.all([
    repo.currentOf(ctx.db, windowIds),
    repo.windowSettings(ctx.db, windowIds),
    repo.waitingInHall(ctx.db, floor.hallId, chinaDay(now)),
    timetablesOf(ctx.db, [floor.hallId]),
  ]);
  const names = new Map(
    (
      await displayNamesOf(
        ctx.db,
        floor.sessions.map((s) => s.user_id),
      )
    ).map((u) => [u.id, u.display_name]),
  );
  const currentViews = await presentTickets(ctx.db, current, now);
  return floor.windows
    .filter((w) => windowIds.includes(w.id))
    .map((w) => {
      const session = floor.sessions.find((s) => s.window_id === w.id) ?? null;
      const categoryIds = categoriesOfWindow(floor, w.id);
      return {
        id: w.id,
        hallId: w.hall_id,
        number: w.number,
        name: w.name,
        state: windowState(floor, w.id),
        pauseReason: session?.pause_reason ?? null,
        openedBy: session?.user_id ?? null,
        openedByName: session
          ? `${names.get(session.user_id) ?? ''}${session.acting_for_name ? `（代${session.acting_for_name}）` : ''}` ||
            null
          : null,
        openingHours: settings.find((s) => s.window_id === w.id)?.opening_hours ?? '',
        weeklyHours: hours.get(floor.hallId)?.windows.get(w.id) ?? null,
        categoryIds,
        waitingForMe: waiting.filter(
          (t) => t.target_window_id === w.id || (t.target_window_id === null && categoryIds.includes(t.category_id)),
        ).length,
        current: currentViews.find((t) => t.windowId === w.id) ?? null,
      };
    });
}

export async function windowView(ctx: AppContext, actor: Actor, windowId: string) {
  const window = await loadWindow(ctx, actor, windowId);
  const [v] = await windowsView(ctx, await loadFloor(ctx.db, window.hall_id), [windowId]);
  return v!;
}

async function announceWindow(ctx: AppContext, hallId: string, windowId: string) {
  await ctx.events.publish({ hallId, type: 'window', windowId });
}

export async function openWindow(ctx: AppContext, actor: Actor, windowId: string) {
  const window = await loadWindow(ctx, actor, windowId);
  if (window.status !== 'active') throw conflict('该窗口已停用', 'The window is not in use');
  await assertPostReady(ctx.db, actor.userId);
  const now = ctx.clock.now();
  const id = newId(now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertSession(trx, {
        id,
        window_id: windowId,
        hall_id: window.hall_id,
        user_id: actor.userId,
        status: 'open',
        pause_reason: null,
        opened_at: now,
        paused_at: null,
        closed_at: null,
        updated_at: now,
      });
      await appendAudit(trx, byActor(actor, now, 'queue.window.open', 'window', windowId, { session: id }));
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('窗口已开启', 'The window is already open');
    throw e;
  }
  await announceWindow(ctx, window.hall_id, windowId);
  return windowView(ctx, actor, windowId);
}

/** Who holds the window's open session now (null when closed): the staff module checks AB cover against it. */
export async function windowHolder(ctx: AppContext, actor: Actor, windowId: string) {
  await loadWindow(ctx, actor, windowId);
  const [session] = await repo.openSessions(ctx.db, [windowId]);
  return session ? { userId: session.user_id, sessionId: session.id } : null;
}

/**
 * AB岗 at the window: the person covering the holder (checked by the staff module) takes the open session over and
 * serves its queue as 邹敏（代杨帆）; a session paused for the holder's 暂离 opens again. On the audit trail.
 */
export async function takeOverWindow(
  ctx: AppContext,
  actor: Actor,
  windowId: string,
  holder: { id: string; name: string },
) {
  const window = await loadWindow(ctx, actor, windowId);
  await assertPostReady(ctx.db, actor.userId);
  const [session] = await repo.openSessions(ctx.db, [windowId]);
  if (!session) throw conflict('窗口未开启', 'The window is not open');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await repo.takeOverSession(trx, session.id, holder.id, {
      user_id: actor.userId,
      acting_for_id: holder.id,
      acting_for_name: holder.name,
      status: 'open',
      pause_reason: null,
      paused_at: null,
      updated_at: now,
    });
    if (!taken) throw conflict('窗口已由他人接替，请刷新', 'The window changed meanwhile; reload');
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.window.cover', 'window', windowId, { session: session.id, actingFor: holder.id }),
    );
  });
  await announceWindow(ctx, window.hall_id, windowId);
  return windowView(ctx, actor, windowId);
}

export async function pauseWindow(ctx: AppContext, actor: Actor, windowId: string, reason: string) {
  const { window, session } = await heldSession(ctx, actor, windowId);
  if (session.status === 'paused') throw conflict('窗口已暂停', 'The window is already paused');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, session.id, {
      status: 'paused',
      pause_reason: reason,
      paused_at: now,
      updated_at: now,
    });
    await appendAudit(trx, byActor(actor, now, 'queue.window.pause', 'window', windowId, { reason }));
  });
  await announceWindow(ctx, window.hall_id, windowId);
  return windowView(ctx, actor, windowId);
}

export async function resumeWindow(ctx: AppContext, actor: Actor, windowId: string) {
  const { window, session } = await heldSession(ctx, actor, windowId);
  if (session.status !== 'paused') throw conflict('窗口未暂停', 'The window is not paused');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, session.id, { status: 'open', pause_reason: null, paused_at: null, updated_at: now });
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.window.resume', 'window', windowId, {
        pausedMs: now - Number(session.paused_at ?? now),
      }),
    );
  });
  await announceWindow(ctx, window.hall_id, windowId);
  return windowView(ctx, actor, windowId);
}

export async function closeWindow(ctx: AppContext, actor: Actor, windowId: string) {
  const { window, session } = await heldSession(ctx, actor, windowId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if ((await repo.currentOf(trx, [windowId])).length) throw busy();
    await repo.updateSession(trx, session.id, { status: 'closed', closed_at: now, updated_at: now });
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.window.close', 'window', windowId, { openMs: now - Number(session.opened_at) }),
    );
  });
  await announceWindow(ctx, window.hall_id, windowId);
  return windowView(ctx, actor, windowId);
}

/** 办公时间 of a window: its timetable by weekday and/or the text shown for it (derived from the timetable when left out). */
export async function saveWindowSettings(
  ctx: AppContext,
  actor: Actor,
  windowId: string,
  input: { openingHours?: string | undefined; weeklyHours?: WeeklyHours | null | undefined },
) {
  const window = await loadWindow(ctx, actor, windowId);
  if (input.openingHours === undefined && input.weeklyHours === undefined) {
    throw invalid('weeklyHours', '请设置办公时间', 'Give the opening hours');
  }
  const week = input.weeklyHours ? checkedHours(input.weeklyHours) : input.weeklyHours;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const derived = week === undefined ? undefined : await saveWindowHours(trx, window, week, now);
    const openingHours = input.openingHours ?? derived ?? '';
    await repo.saveWindowSettings(
      trx,
      {
        window_id: windowId,
        hall_id: window.hall_id,
        opening_hours: openingHours,
        pad_token_hash: null,
        pad_token_issued_at: null,
        updated_at: now,
      },
      { opening_hours: openingHours, updated_at: now },
    );
    await appendAudit(
      trx,
      byActor(actor, now, 'queue.window.settings', 'window', windowId, { openingHours, weeklyHours: week ?? null }),
    );
  });
  return windowView(ctx, actor, windowId);
}
