/**
 * `npm run test:crash [-- <cycles>] [-- --only sqlite|pg]`: kill -9 the server during intake load, restart it,
 * and check that every acceptance answered 2xx survived with its trail, that no case number is duplicated or
 * reused, that the audit chain verifies, and that the acceptance notice of every answered acceptance was queued and,
 * after the last restart, delivered to the SMS gateway (a local HTTP sink here) at least once. SQLite always; PostgreSQL on DATABASE_URL (a fresh database next to
 * it, dropped afterwards) or, without it, on a throw-away cluster of its own. Prints crash.* JSON lines and
 * exits non-zero when anything was lost or duplicated.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type IntakeSetup, receptionBody, setUpIntake } from '../bench/intake.ts';
import { Client, emit, note, type ServerProcess, sleep, startServer } from '../bench/lib.ts';
import { startCluster, stopCluster } from '../bench/pg.ts';
import { verifyAuditChain } from '../server/src/platform/audit.ts';
import { loadAuditKeyRing } from '../server/src/platform/audit-keys.ts';
import { openDatabase, type OpenOptions } from '../server/src/platform/db/database.ts';

const args = process.argv.slice(2);
const cyclesArg = args.find((a) => /^\d+$/.test(a));
const CYCLES = Number(cyclesArg ?? process.env.CRASH_CYCLES ?? 20);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : null;
const CLIENTS = 16;

interface Acknowledged {
  id: string;
  caseNo: string;
}

/** One case the way a window does it when all is handed in: registered and accepted in one request. */
async function acceptAtOnce(setup: IntakeSetup, body: object) {
  return setup.clerk.request('POST', '/api/intake/acceptances', body);
}

/** The two-step way: a reception, then its acceptance. */
async function receiveThenAccept(setup: IntakeSetup, body: object) {
  const r = await setup.clerk.request('POST', '/api/intake/receptions', body);
  if (r.status !== 201) throw new Error(`reception ${r.status}`);
  return setup.clerk.request('POST', `/api/cases/${r.json.id}/accept`);
}

/**
 * Clients registering and accepting cases until told to stop, half of them in one step and half in two;
 * keeps what the server answered 2xx.
 */
function load(setup: IntakeSetup, acked: Acknowledged[], stats: { errors: number }) {
  let running = true;
  const loops = Array.from({ length: CLIENTS }, async (_, c) => {
    const oneCase = c % 2 === 0 ? acceptAtOnce : receiveThenAccept;
    for (let n = 0; running; n++) {
      try {
        const a = await oneCase(setup, receptionBody(setup, c + n * 100));
        if (a.status >= 200 && a.status < 300) acked.push({ id: a.json.id, caseNo: a.json.caseNo });
        else throw new Error(`accept ${a.status}`);
      } catch {
        stats.errors++;
        // The server is down (or going down): wait for the next cycle.
        await sleep(20);
      }
    }
  });
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

/** The SMS gateway the servers send to: counts each notice's idempotency key as it arrives. */
const received = new Map<string, number>();
const gateway = createServer((req, res) => {
  let raw = '';
  req.on('data', (d) => {
    raw += d;
  });
  req.on('end', () => {
    try {
      const key = String(JSON.parse(raw).idempotencyKey);
      received.set(key, (received.get(key) ?? 0) + 1);
      res.writeHead(200).end('{"ok":true}');
    } catch {
      res.writeHead(400).end();
    }
  });
});
await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
const noticeEnv = {
  SMS_WEBHOOK_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
  SMS_WEBHOOK_SECRET: 'crash-test',
  NOTICE_POLL_MS: '200',
  NOTICE_RETRY_BASE_MS: '200',
  NOTICE_LEASE_MS: '15000',
};

/** After the last restart: waits (at most 90 s, past the 15 s lease of a killed server) until nothing is left to send. */
async function drainNotices(base: string) {
  const supervisor = await new Client(base).login('supervisor');
  for (let waited = 0; waited < 90_000; waited += 250) {
    const r = await supervisor.request('GET', '/api/notices?state=pending&pageSize=1');
    if (r.status === 200 && (r.json as { total: number }).total === 0) return;
    await sleep(250);
  }
}

/** The audit key and checkpoint file the servers of a run share, outside the database. */
const auditDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-crash-audit-'));
const auditEnv = (dialect: string) => ({
  AUDIT_KEY_FILE: path.join(auditDir, 'audit.key'),
  AUDIT_CHECKPOINT_FILE: path.join(auditDir, `${dialect}-checkpoints.log`),
  AUDIT_SYSLOG: 'off',
});

async function check(db: OpenOptions, acked: Acknowledged[], dialect: string) {
  const handle = openDatabase(db);
  try {
    const rows = await handle.db
      .selectFrom('cases')
      .select(['id', 'case_no'])
      .where('case_no', 'is not', null)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r.case_no]));
    const accepted = new Set(
      (await handle.db.selectFrom('case_events').select('case_id').where('action', '=', 'acceptCase').execute()).map(
        (e) => e.case_id,
      ),
    );
    let lost = 0;
    for (const a of acked) if (byId.get(a.id) !== a.caseNo || !accepted.has(a.id)) lost++;
    // A number held by two cases, or answered for one case and now held by another, is a duplicate.
    const holders = new Map<string, Set<string>>();
    for (const r of rows)
      holders.set(r.case_no as string, new Set([...(holders.get(r.case_no as string) ?? []), r.id]));
    for (const a of acked) holders.set(a.caseNo, new Set([...(holders.get(a.caseNo) ?? []), a.id]));
    const duplicates = [...holders.values()].filter((ids) => ids.size > 1).length;
    // The chain under the servers' key, held against the checkpoints they wrote between the kills.
    const env = auditEnv(dialect);
    const keys = loadAuditKeyRing({ keyFile: env.AUDIT_KEY_FILE, production: true }).ring;
    const audit = await verifyAuditChain(handle.db, {
      keys,
      anchor: { file: env.AUDIT_CHECKPOINT_FILE, syslog: false },
    });
    // Every answered acceptance queued its notice in its own transaction, and every notice reached the gateway.
    const notices = await handle.db
      .selectFrom('notices')
      .select(['case_id', 'event', 'state', 'idempotency_key'])
      .execute();
    const noticed = new Set(notices.filter((n) => n.event === 'accepted').map((n) => n.case_id));
    const noticesLost = acked.filter((a) => !noticed.has(a.id)).length;
    const undelivered = notices.filter((n) => n.state !== 'sent' || !received.has(n.idempotency_key)).length;
    const redelivered = notices.filter((n) => (received.get(n.idempotency_key) ?? 0) > 1).length;
    return {
      lost,
      duplicates,
      audit,
      cases: rows.length,
      notices: { queued: notices.length, lost: noticesLost, undelivered, redelivered },
    };
  } finally {
    await handle.close();
  }
}

async function run(dialect: 'sqlite' | 'pg', dbEnv: Record<string, string>, db: OpenOptions) {
  const env = { ...dbEnv, ...auditEnv(dialect), ...noticeEnv };
  const acked: Acknowledged[] = [];
  const stats = { errors: 0 };
  let { server } = await startServer(env);
  const setup = await setUpIntake(server.base, CLIENTS);
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const stop = load(setup, acked, stats);
    // Kill at a random moment once this cycle has some acceptances in flight (or after 5 s regardless).
    const before = acked.length;
    for (let waited = 0; acked.length < before + 3 && waited < 5000; waited += 20) await sleep(20);
    await sleep(Math.random() * 1000);
    await server.stop('SIGKILL');
    await stop();
    const restarted: { server: ServerProcess } = await startServer(env, [], Number(new URL(server.base).port));
    server = restarted.server;
    note(`${dialect} cycle ${cycle}/${CYCLES}: ${acked.length} acceptances answered so far`);
  }
  await drainNotices(server.base);
  await server.stop();
  const result = await check(db, acked, dialect);
  const extra = { dialect, cycles: CYCLES, acknowledged: acked.length, casesInDb: result.cases };
  emit('crash.lost', result.lost, 'cases', extra);
  emit('crash.duplicates', result.duplicates, 'case numbers', extra);
  const audit = {
    checked: result.audit.checked,
    firstBrokenSeq: result.audit.firstBrokenSeq,
    problem: result.audit.problem,
  };
  emit('crash.notices_lost', result.notices.lost, 'notices', { ...extra, queued: result.notices.queued });
  emit('crash.notices_undelivered', result.notices.undelivered, 'notices', extra);
  // At least once: a notice sent just before a kill and not yet recorded goes again, with the same idempotency key.
  emit('crash.notices_redelivered', result.notices.redelivered, 'notices', extra);
  emit('crash.audit_ok', result.audit.ok ? 1 : 0, 'bool', {
    ...extra,
    ...audit,
    checkpoints: result.audit.checkpoints?.lines,
  });
  return (
    result.lost === 0 &&
    result.duplicates === 0 &&
    result.audit.ok &&
    acked.length > 0 &&
    result.notices.lost === 0 &&
    result.notices.undelivered === 0
  );
}

let ok = true;
if (!only || only === 'sqlite') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-crash-'));
  try {
    ok = (await run('sqlite', { DATA_DIR: dataDir }, { databaseUrl: null, dataDir })) && ok;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (!only || only === 'pg') {
  const own = !process.env.DATABASE_URL;
  const adminUrl = process.env.DATABASE_URL || startCluster();
  const name = `ow_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    ok = (await run('pg', { DATABASE_URL: url.toString() }, { databaseUrl: url.toString(), poolSize: 2 })) && ok;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    if (own) stopCluster();
  }
}
rmSync(auditDir, { recursive: true, force: true });
gateway.close();
process.exit(ok ? 0 : 1);
