/**
 * `npx tsx bench/statements.ts`: how many SQL statements a case costs — 当场受理 in one step, and the two-step way
 * (a reception, then its acceptance) — and in what order (the one-step's, to see how long the number counters'
 * row locks are held). SQLite, fresh temp file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import pino from 'pino';
import { resolveSession } from '../server/src/platform/auth/sessions.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { AppContext } from '../server/src/platform/context.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { openHallEvents } from '../server/src/platform/events.ts';
import { installAuditKeys } from '../server/src/platform/audit.ts';
import { loadAuditKeyRing } from '../server/src/platform/audit-keys.ts';
import { installPiiKeys } from '../server/src/platform/pii/index.ts';
import { openKeyFile } from '../server/src/platform/pii/keys.ts';
import { receptionInput } from '../server/src/modules/intake/schema.ts';
import { acceptOnTheSpot } from '../server/src/modules/intake/on-the-spot.ts';
import { acceptCase, registerReception } from '../server/src/modules/intake/service.ts';
import { receptionBody, setUpIntake } from './intake.ts';
import { auditFilesIn, startServer } from './lib.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-statements-'));
const files = auditFilesIn(dataDir);
const { server } = await startServer({ DATA_DIR: dataDir, ...files });
const setup = await setUpIntake(server.base, 1);
await server.stop();
const seen: string[] = [];
/** A statement as its kind and table, e.g. `insert:case_events`, to read the order the locks are taken in. */
function describe(node: RootOperationNode): string {
  const name = (n: unknown): string => {
    const t = n as { table?: { identifier?: { name?: string } }; kind?: string } | undefined;
    return t?.table?.identifier?.name ?? t?.kind ?? '?';
  };
  switch (node.kind) {
    case 'SelectQueryNode':
      return `select:${node.from?.froms.map(name).join('+') ?? ''}`;
    case 'InsertQueryNode':
      return `insert:${name(node.into)}`;
    case 'UpdateQueryNode':
      return `update:${name(node.table)}`;
    case 'DeleteQueryNode':
      return `delete:${node.from.froms.map(name).join('+')}`;
    default:
      return node.kind;
  }
}
// A builder used inside another (a UNION ALL's branches) is transformed too but never run on its own, so a
// statement is counted when its result comes back.
const described = new Map<unknown, string>();
const counter: KyselyPlugin = {
  transformQuery: (args) => {
    described.set(args.queryId, describe(args.node));
    return args.node;
  },
  transformResult: async (args) => {
    seen.push(described.get(args.queryId) ?? '?');
    return args.result;
  },
};
// The server's key files, so this process reads and writes what the server did.
installAuditKeys(loadAuditKeyRing({ keyFile: files.AUDIT_KEY_FILE, production: true }).ring);
installPiiKeys(openKeyFile({ path: files.PII_KEY_FILE, production: false }, () => {}).ring, files.PII_KEY_FILE);
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
await acceptOnTheSpot(ctx, found.actor, receptionInput.parse(receptionBody(setup, 1)));
console.log(JSON.stringify({ oneStep: seen.length, twoStep: { reception, accept }, oneStepKinds: seen.join(' ') }));
await events.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
