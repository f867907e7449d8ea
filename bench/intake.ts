/** Accepting a case: HTTP against a real server process, and the same transaction straight through the service. */
import pino from 'pino';
import { itemContent, material, nextResidentId } from '../server/test/intake-fixtures.ts';
import { installAuditKeys, verifyAuditChain } from '../server/src/platform/audit.ts';
import { type AuditKeyRing, loadAuditKeyRing } from '../server/src/platform/audit-keys.ts';
import { installPiiKeys } from '../server/src/platform/pii/index.ts';
import { openKeyFile } from '../server/src/platform/pii/keys.ts';
import { resolveSession } from '../server/src/platform/auth/sessions.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { Actor, AppContext } from '../server/src/platform/context.ts';
import { openDatabase, type OpenOptions } from '../server/src/platform/db/database.ts';
import { openHallEvents } from '../server/src/platform/events.ts';
import { receptionInput } from '../server/src/modules/intake/schema.ts';
import { acceptOnTheSpot } from '../server/src/modules/intake/on-the-spot.ts';
import { Client, percentile } from './lib.ts';

const MATERIALS = ['form', 'licence', 'id', 'lease', 'plan', 'photo'];

export interface IntakeSetup {
  hallId: string;
  itemId: string;
  windowId: string;
  applicantIds: string[];
  clerk: Client;
}

export const receptionBody = (s: IntakeSetup, i: number) => ({
  itemId: s.itemId,
  applicantId: s.applicantIds[i % s.applicantIds.length],
  windowId: s.windowId,
  materials: MATERIALS.map((key) => ({ key, status: 'received', copies: 1, pages: 2 })),
});

/** An item with six required materials, published, and one applicant per client. */
export async function setUpIntake(base: string, clients: number): Promise<IntakeSetup> {
  const head = await new Client(base).login('head');
  const clerk = await new Client(base).login('clerk');
  const hallId = (await head.ok('GET', '/api/auth/me')).halls[0].id as string;
  const departmentId = (await head.ok('GET', `/api/departments?hallId=${hallId}`)).items[0].id as string;
  const windowId = (await head.ok('GET', `/api/windows?hallId=${hallId}`)).items[0].id as string;
  const content = itemContent(departmentId, {
    materials: MATERIALS.map((key, i) => material(key, `材料${i + 1}`, 'required', i < 2)),
  });
  const code = `BENCH-${Date.now().toString(36)}`;
  const item = await head.ok('POST', '/api/catalog/items', { hallId, code, content });
  await head.ok('POST', `/api/catalog/items/${item.id}/publish`);
  const applicantIds: string[] = [];
  for (let i = 0; i < clients; i++) {
    const a = await clerk.ok('POST', '/api/applicants', {
      hallId,
      kind: 'person',
      name: '李建华',
      docType: 'resident_id',
      docNumber: nextResidentId(),
      phone: '13912345678',
      address: '青川县乔庄镇滨河路8号',
    });
    applicantIds.push(a.id);
  }
  return { hallId, itemId: item.id, windowId, applicantIds, clerk };
}

export interface LoadResult {
  accepted: number;
  failed: number;
  seconds: number;
  rps: number;
  acceptMs: number[];
  caseMs: number[];
  errors: string[];
}

export function summarise(r: LoadResult) {
  const accept = [...r.acceptMs].sort((a, b) => a - b);
  const whole = [...r.caseMs].sort((a, b) => a - b);
  return {
    p50: percentile(accept, 50),
    p99: percentile(accept, 99),
    caseP99: percentile(whole, 99),
  };
}

/** `clients` loops, each registering a reception and accepting it, for `seconds`. */
export async function runLoad(
  clients: number,
  seconds: number,
  oneCase: (client: number, n: number) => Promise<{ acceptMs: number }>,
  onTick?: () => void,
): Promise<LoadResult> {
  const result: LoadResult = { accepted: 0, failed: 0, seconds: 0, rps: 0, acceptMs: [], caseMs: [], errors: [] };
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const tick = onTick ? setInterval(onTick, 250) : null;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let n = 0;
      while (performance.now() < end) {
        const start = performance.now();
        try {
          const { acceptMs } = await oneCase(c, n++);
          result.accepted++;
          result.acceptMs.push(acceptMs);
          result.caseMs.push(performance.now() - start);
        } catch (e) {
          result.failed++;
          if (result.errors.length < 5) result.errors.push(String(e).slice(0, 300));
        }
      }
    }),
  );
  if (tick) clearInterval(tick);
  result.seconds = (performance.now() - t0) / 1000;
  result.rps = result.accepted / result.seconds;
  return result;
}

/**
 * One case over HTTP: `POST /api/intake/acceptances`, registered and accepted in one transaction (当场受理).
 * With `otherNodes`, requests go round-robin over the clerk's node and those (same session: it lives in the database).
 */
export function httpCase(s: IntakeSetup, otherNodes: string[] = []) {
  const nodes = [s.clerk, ...otherNodes.map((base) => Object.assign(new Client(base), { cookie: s.clerk.cookie }))];
  let next = 0;
  return async (client: number, n: number) => {
    const t = performance.now();
    const node = nodes[next++ % nodes.length] as Client;
    const accepted = await node.request('POST', '/api/intake/acceptances', receptionBody(s, client + n * 1000));
    const acceptMs = performance.now() - t;
    if (accepted.status !== 201) throw new Error(`accept ${accepted.status} ${JSON.stringify(accepted.json)}`);
    return { acceptMs };
  };
}

/** The two-step way (register, then accept), for comparison: two requests and two transactions per case. */
export function twoStepCase(s: IntakeSetup) {
  return async (client: number, n: number) => {
    const received = await s.clerk.request('POST', '/api/intake/receptions', receptionBody(s, client + n * 1000));
    if (received.status !== 201) throw new Error(`reception ${received.status} ${JSON.stringify(received.json)}`);
    const t = performance.now();
    const accepted = await s.clerk.request('POST', `/api/cases/${received.json.id}/accept`);
    const acceptMs = performance.now() - t;
    if (accepted.status !== 200) throw new Error(`accept ${accepted.status} ${JSON.stringify(accepted.json)}`);
    return { acceptMs };
  };
}

/**
 * The product's service context over the server's database, in this process, with the server's key files (so what
 * is written here extends the audit chain the server signed), and the bench clerk as the actor.
 */
export async function serviceContext(
  db: OpenOptions,
  s: IntakeSetup,
  keyFiles: { auditKeyFile: string; piiKeyFile: string },
  extra: Partial<OpenOptions> = {},
): Promise<{ ctx: AppContext; actor: Actor; keys: AuditKeyRing; close(): Promise<void> }> {
  const keys = loadAuditKeyRing({ keyFile: keyFiles.auditKeyFile, production: true }).ring;
  installAuditKeys(keys);
  installPiiKeys(openKeyFile({ path: keyFiles.piiKeyFile, production: false }, () => {}).ring, keyFiles.piiKeyFile);
  const handle = openDatabase({ ...db, ...extra });
  const log = pino({ level: 'silent' });
  const events = await openHallEvents({
    dialect: handle.dialect,
    db: handle.db,
    databaseUrl: db.databaseUrl ?? null,
    log,
  });
  const ctx: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    config: loadConfig({}),
    clock: systemClock,
    log,
    events,
  };
  const close = async () => {
    await events.close();
    await handle.close();
  };
  const found = await resolveSession(handle.db, s.clerk.token, systemClock.now(), '127.0.0.1');
  if (!found || !('actor' in found)) {
    await close();
    throw new Error('the clerk session did not resolve');
  }
  return { ctx, actor: found.actor, keys, close };
}

/** The same work straight through the service functions, in this process, on the same database. */
export async function rawIntake(
  db: OpenOptions,
  s: IntakeSetup,
  clients: number,
  seconds: number,
  opts: { syncNormal?: boolean; auditKeyFile: string; piiKeyFile: string },
): Promise<LoadResult & { auditChainOk: boolean }> {
  // syncNormal is diagnostic only: how much of a case's time is the fsync of synchronous=FULL (the product keeps FULL).
  const { ctx, actor, keys, close } = await serviceContext(db, s, opts, {
    poolSize: clients,
    ...(opts.syncNormal ? { synchronous: 'NORMAL' as const } : {}),
  });
  try {
    const load = await runLoad(clients, seconds, async (client, n) => {
      const t = performance.now();
      await acceptOnTheSpot(ctx, actor, receptionInput.parse(receptionBody(s, client + n * 1000)));
      return { acceptMs: performance.now() - t };
    });
    const check = await verifyAuditChain(ctx.db, { keys });
    return { ...load, auditChainOk: check.ok };
  } finally {
    await close();
  }
}
