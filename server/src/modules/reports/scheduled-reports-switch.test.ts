/**
 * SCHEDULED_REPORTS=off: a node that leaves the scheduled 工作报告 to another writes none. Two real `serve` processes
 * start on fresh SQLite folders side by side, one with the switch off: once the other has written its demo hall's
 * reports of the periods just ended, the switched-off one still has none. Bad values are refused by name.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

interface Node {
  dir: string;
  child: ChildProcess;
  base: string;
}
const nodes: Node[] = [];

async function serve(extra: Record<string, string>): Promise<Node> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-reports-switch-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_COST: '10',
      ...extra,
    },
    stdio: 'ignore',
  });
  const node = { dir, child, base: `http://127.0.0.1:${port}` };
  nodes.push(node);
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`${node.base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return node;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

const reportsOf = (node: Node) => {
  const db = new Database(path.join(node.dir, 'onewindow.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select count(*) as n from periodic_reports').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

afterAll(async () => {
  for (const n of nodes) {
    n.child.kill('SIGTERM');
    await new Promise((r) => (n.child.exitCode === null ? n.child.once('exit', r) : r(null)));
    rmSync(n.dir, { recursive: true, force: true });
  }
});

describe('SCHEDULED_REPORTS', () => {
  it('is on by default, and "on"/"off" only', () => {
    expect(loadConfig({}).scheduledReports).toBe(true);
    expect(loadConfig({ SCHEDULED_REPORTS: 'off' }).scheduledReports).toBe(false);
    expect(() => loadConfig({ SCHEDULED_REPORTS: 'no' })).toThrow(/SCHEDULED_REPORTS must be "on" or "off"/);
  });

  it('off: the node writes no scheduled report, while a node left on writes its hall reports', async () => {
    const [writer, other] = await Promise.all([serve({}), serve({ SCHEDULED_REPORTS: 'off' })]);
    let written = 0;
    for (let i = 0; i < 600 && written === 0; i++) {
      written = reportsOf(writer);
      if (!written) await new Promise((r) => setTimeout(r, 100));
    }
    expect(written).toBeGreaterThan(0);
    expect(reportsOf(other)).toBe(0);
  }, 120_000);
});
