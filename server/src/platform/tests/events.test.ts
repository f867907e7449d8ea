import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers.ts';
import { type HallEvent, InProcessHallEvents, PostgresHallEvents } from '../events.ts';

const nextEvent = (subscribe: (l: (e: HallEvent) => void) => () => void, timeoutMs = 3000) =>
  new Promise<HallEvent>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event within the timeout')), timeoutMs);
    const off = subscribe((e) => {
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });

describe('hall events in one process', () => {
  it('delivers to the subscribers of the hall only, until they unsubscribe', async () => {
    const bus = new InProcessHallEvents();
    const seen: HallEvent[] = [];
    const off = bus.subscribe('h1', (e) => seen.push(e));
    bus.subscribe('h2', () => {
      throw new Error('another hall must not hear it');
    });
    await bus.publish({ hallId: 'h1', type: 'call', number: 'A001' });
    off();
    await bus.publish({ hallId: 'h1', type: 'call', number: 'A002' });
    expect(seen.map((e) => e.number)).toEqual(['A001']);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('hall events across app nodes (PostgreSQL LISTEN/NOTIFY)', () => {
  let handle: Awaited<ReturnType<typeof freshDatabase>>;
  let nodeA: PostgresHallEvents;
  let nodeB: PostgresHallEvents;
  beforeAll(async () => {
    handle = await freshDatabase();
    nodeA = new PostgresHallEvents(handle.db, handle.url!);
    nodeB = new PostgresHallEvents(handle.db, handle.url!);
    await Promise.all([nodeA.start(), nodeB.start()]);
  });
  afterAll(async () => {
    await nodeA.close();
    await nodeB.close();
    await handle.close();
  });

  it('delivers a call published on one node to the displays of another, and of itself', async () => {
    const onB = nextEvent((l) => nodeB.subscribe('hall-1', l));
    const onA = nextEvent((l) => nodeA.subscribe('hall-1', l));
    await nodeA.publish({ hallId: 'hall-1', type: 'call', number: 'A001', windowNumber: 3 });
    expect(await onB).toEqual({ hallId: 'hall-1', type: 'call', number: 'A001', windowNumber: 3 });
    expect((await onA).number).toBe('A001');
  });

  it('delivers only after the publishing transaction commits', async () => {
    const received: HallEvent[] = [];
    const off = nodeB.subscribe('hall-2', (e) => received.push(e));
    await handle.db.transaction().execute(async (trx) => {
      const inTrx = new PostgresHallEvents(trx, handle.url!);
      await inTrx.publish({ hallId: 'hall-2', type: 'call', number: 'B001' });
      await new Promise((r) => setTimeout(r, 200));
      expect(received).toHaveLength(0);
    });
    await new Promise((r) => setTimeout(r, 300));
    off();
    expect(received.map((e) => e.number)).toEqual(['B001']);
  });

  it('reconnects a listener that lost its connection, tells its screens to reload, and hears calls again', async () => {
    const resync = nextEvent((l) => nodeB.subscribe('hall-3', l), 5000);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and query like 'LISTEN%' and pid <> pg_backend_pid()`.execute(handle.db);
    expect((await resync).type).toBe('resync');
    // Node A lost its listener too; both are back.
    await new Promise((r) => setTimeout(r, 1500));
    const onB = nextEvent((l) => nodeB.subscribe('hall-3', l));
    await nodeA.publish({ hallId: 'hall-3', type: 'call', number: 'C009' });
    expect((await onB).number).toBe('C009');
  });
});
