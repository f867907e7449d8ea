import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

let server: ChildProcess | undefined;
let dataDir = '';

/** Starts the real hall system (SQLite, demo data, built web UI) on a free port for the browser tests. */
export default async function setup(project: TestProject) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Test-only clock: while this file holds an ISO instant the server takes it as "now" (see support/clock.ts).
  const clockFile = path.join(dataDir, 'clock.txt');
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ONEWINDOW_CLOCK_FILE: clockFile,
      SIGNIN_MAX_ATTEMPTS: '1000',
      // One browser, one address, and a test clock that can stand still: the public limits would be shared by every file.
      PUBLIC_LIMIT_FACTOR: '100',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not become healthy within 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('clockFile', clockFile);
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** A port nobody listens on now: the shards of a parallel run each start their own server. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    clockFile: string;
  }
}
