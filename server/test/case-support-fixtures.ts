/** A hall with the posts the escalation, expert and deferred-material tests need, and cases to work on. */
import { expect } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from './helpers.ts';
import { complete, itemContent, marks, material, person, publishedItem } from './intake-fixtures.ts';

export const posts = [
  'clerk',
  'handler',
  'reviewer',
  'approver',
  'supervisor',
  'head',
  'inspector',
  'town_clerk',
] as const;
export type Post = (typeof posts)[number];

export interface SupportHall {
  hall: TestHall;
  s: Record<Post, Session>;
  hallId: string;
  sc: string;
  itemId: string;
  /** The same process, but the item lets approval go before deferred materials are in. */
  lenientItemId: string;
}

export async function supportHall(): Promise<SupportHall> {
  const hall = await buildTestHall();
  const s = Object.fromEntries(await Promise.all(posts.map(async (n) => [n, await signedIn(hall.app, n)]))) as Record<
    Post,
    Session
  >;
  const hallId = json(await s.head.get('/api/auth/me')).halls[0].id as string;
  const departments = json(await s.head.get(`/api/departments?hallId=${hallId}`)).items as {
    id: string;
    code: string;
  }[];
  const sc = departments.find((d) => d.code === 'SC')!.id;
  // Two non-essential required materials, so a 容缺受理 can defer both.
  const materials = [
    ...itemContent(sc).materials,
    material('lease', '房屋租赁合同', 'required', false, { form: 'copy' }),
  ];
  const itemId = await publishedItem(s.head, hallId, sc, 'CS-1', { materials });
  const lenientItemId = await publishedItem(s.head, hallId, sc, 'CS-2', {
    name: '食品经营许可证延续',
    materials,
    deferredApprovalAllowed: true,
  });
  return { hall, s, hallId, sc, itemId, lenientItemId };
}

export async function ok(res: { statusCode: number; body: string }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body);
}

/** A case accepted with every material: in process, its parallel steps waiting to be claimed. */
export async function acceptedCase(h: SupportHall, item = h.itemId) {
  h.hall.clock.advance(1000);
  const applicantId = await person(h.s.clerk, h.hallId, { name: '韩梅梅', phone: '13712345678' });
  const materials = [...complete(), { key: 'lease', status: 'received', copies: 1, pages: 4 }];
  const r = json(await h.s.clerk.post('/api/intake/receptions', { itemId: item, applicantId, materials }));
  return ok(await h.s.clerk.post(`/api/cases/${r.id}/accept`));
}

/** A case accepted with the licence and the lease deferred (容缺受理) until `deadline`. */
export async function deferredCase(h: SupportHall, deadline: string, item = h.itemId) {
  h.hall.clock.advance(1000);
  const applicantId = await person(h.s.clerk, h.hallId, { name: '王晓东', phone: '13812345678' });
  const materials = [
    ...marks({ licence: { status: 'missing', copies: 0, pages: 0 } }),
    { key: 'lease', status: 'missing', copies: 0, pages: 0 },
  ];
  const r = json(await h.s.clerk.post('/api/intake/receptions', { itemId: item, applicantId, materials }));
  return ok(
    await h.s.clerk.post(`/api/cases/${r.id}/accept-deferred`, { promiseSigned: true, supplementDeadline: deadline }),
  );
}

/** Moves the hall's clock on by whole days; every session signs in again, as staff do each morning. */
export async function daysLater(h: SupportHall, days: number, who: readonly Post[] = posts) {
  h.hall.clock.advance(days * 86_400_000);
  for (const p of who) {
    const res = await h.s[p].login(p);
    if (res.statusCode !== 200) throw new Error(`login ${p}: ${res.body}`);
  }
}
