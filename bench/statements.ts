/**
 * `npx tsx bench/statements.ts`: how many SQL statements a case costs — 当场受理 in one step, and the two-step way
 * (a reception, then its acceptance) — and in what order (the one-step's, to see how long the number counters'
 * row locks are held). SQLite, fresh temp file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import pino from 'pino';
import { resolveSession } from '../server/src/platform/auth/sessions.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { AppContext } from '../server/src/platform/context.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { openHallEvents } from '../server/src/platform/events.ts';
import { receptionInput } from '../server/src/modules/intake/schema.ts';
import { acceptAtWindow } from '../server/src/modules/intake/on-the-spot.ts';
import { acceptCase, registerReception } from '../server/src/modules/intake/service.ts';
import { receptionBody, setUpIntake } from './intake.ts';
import { startServer } from './lib.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-statements-'));
const { server } = await startServer({ DATA_DIR: dataDir });
const setup = await setUpIntake(server.base, 1);
await server.stop();
const seen: string[] = [];
const counter: KyselyPlugin = {
  transformQuery: (args) => {
    seen.push(args.node.kind);
    return args.node;
  },
  transformResult: async (args) => args.result,
};
const handle = openDatabase({ databaseUrl: null, dataDir });
const db = handle.db.withPlugin(counter);
const log = pino({ level: 'silent' });
const events = await openHallEvents({ dialect: handle.dialect, db, databaseUrl: null, log });
const ctx: AppContext = { db, dialect: handle.dialect, config: loadConfig({}), clock: systemClock, log, events };
const found = await resolveSession(handle.db, setup.clerk.token, systemClock.now(), null);
if (!found || !('actor' in found)) throw new Error('no session');
const received = await registerReception(ctx, found.actor, receptionInput.parse(receptionBody(setup, 0)));
const reception = seen.length;
seen.length = 0;
await acceptCase(ctx, found.actor, received.id);
const accept = seen.length;
seen.length = 0;
await acceptAtWindow(ctx, found.actor, receptionInput.parse(receptionBody(setup, 1)));
console.log(JSON.stringify({ oneStep: seen.length, twoStep: { reception, accept }, oneStepKinds: seen.join(' ') }));
await events.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
