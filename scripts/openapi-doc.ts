/**
 * Writes the server's OpenAPI document (what `/api/openapi.json` answers) without a running server: the app is built
 * over a throw-away SQLite file, so the linter and the web's type generator read exactly what the routes declare.
 *   tsx scripts/openapi-doc.ts [out.json]   (stdout when no file is named; `npm run lint:openapi` writes tmp/, ignored)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../server/src/app.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { AppContext } from '../server/src/platform/context.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { openHallEvents } from '../server/src/platform/events.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'onewindow-openapi-'));
const handle = openDatabase({ databaseUrl: null, sqliteFile: path.join(dir, 'hall.db'), synchronous: 'OFF' });
const log = pino({ level: 'silent' });
const events = await openHallEvents({ dialect: handle.dialect, db: handle.db, databaseUrl: null, log });
const config = { ...loadConfig({ DATA_DIR: dir }), webDist: '/nonexistent' };
const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock: systemClock, log, events };
const app = await buildApp(ctx);
await app.ready();
const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await events.close();
await handle.close();
rmSync(dir, { recursive: true, force: true });
const out = process.argv[2];
if (out) {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, doc);
} else process.stdout.write(doc);
