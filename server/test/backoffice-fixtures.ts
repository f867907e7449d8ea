/** The hall the back-office tests work in: its posts signed in, two departments, and the items they receive. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from './helpers.ts';
import { complete, person, publishedItem } from './intake-fixtures.ts';

export const posts = [
  'clerk',
  'handler',
  'reviewer',
  'approver',
  'router',
  'head',
  'supervisor',
  'feedback',
  'sysadmin',
] as const;

// Set by withBackofficeHall before the file's tests run; each test file (its own worker) builds its own hall.
export let hall: TestHall;
export let s: Record<(typeof posts)[number], Session>;
export let hallId: string;
/** The 市场监管 department (SC) that works the items, and another one to reroute to. */
export let sc: string;
export let other: string;
/** BO-1: reception, routing, review ∥ handling, approval; and BO-2, the same approved at leader level. */
export let itemId: string;
export let leaderItemId: string;

/** Builds the hall before the file's tests and closes it after them. */
export function withBackofficeHall(): void {
  beforeAll(async () => {
    hall = await buildTestHall();
    (hall.ctx.config as { dataDir: string }).dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-files-'));
    s = Object.fromEntries(await Promise.all(posts.map(async (n) => [n, await signedIn(hall.app, n)]))) as typeof s;
    hallId = json(await s.head.get('/api/auth/me')).halls[0].id;
    const departments = json(await s.head.get(`/api/departments?hallId=${hallId}`)).items as {
      id: string;
      code: string;
    }[];
    sc = departments.find((d) => d.code === 'SC')!.id;
    other = departments.find((d) => d.code !== 'SC')!.id;
    itemId = await publishedItem(s.head, hallId, sc, 'BO-1');
    leaderItemId = await publishedItem(s.head, hallId, sc, 'BO-2', {
      name: '特种设备使用登记',
      approvalLevel: 'leader',
    });
  });
  afterAll(() => hall.close());
}

export async function acceptedCase(over: Record<string, unknown> = {}, phone = '13712345678', item = itemId) {
  hall.clock.advance(1000);
  const applicantId = await person(s.clerk, hallId, { name: '韩梅梅', phone });
  const r = json(
    await s.clerk.post('/api/intake/receptions', { itemId: item, applicantId, materials: complete(), ...over }),
  );
  const res = await s.clerk.post(`/api/cases/${r.id}/accept`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}

export const stepOf = (c: any, key: string) => c.steps.find((x: any) => x.key === key);

export async function ok(res: Awaited<ReturnType<Session['post']>>, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return json(res);
}

export async function progress(caseNo: string, phone4: string) {
  hall.clock.advance(61_000); // past the public lookup's rate window
  const res = await new Session(hall.app).get(`/api/public/progress?no=${caseNo}&phone4=${phone4}`);
  expect(res.statusCode, res.body).toBe(200);
  return json(res);
}
