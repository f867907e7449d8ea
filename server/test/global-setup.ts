import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { prepareDemoHall } from './helpers.ts';

/**
 * Migrates and seeds the demo hall once for the run; each test hall starts as a copy of it (a file copy on
 * SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), which saves a second or so per file over building it each time.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-template-'));
    const file = path.join(dir, 'demo-hall.db');
    const handle = openDatabase({ databaseUrl: null, sqliteFile: file, synchronous: 'OFF' });
    await prepareDemoHall(handle.db);
    await handle.close();
    project.provide('demoHallTemplate', file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `ow_template_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${name}`;
  // Closed before any copy is made: PostgreSQL copies a template only while nobody is connected to it.
  const handle = openDatabase({ databaseUrl: templateUrl.toString(), poolSize: 2 });
  await prepareDemoHall(handle.db);
  await handle.close();
  project.provide('demoHallTemplate', name);
  return () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoHallTemplate: string;
  }
}
