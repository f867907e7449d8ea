/**
 * Bad input, generated: every route of the OpenAPI document gets wrong types, missing and extra fields, huge
 * strings, odd Unicode and boundary numbers, from a few roles and anonymously. No answer may be a 5xx, every
 * 4xx carries { code, message } (and `field` when it is a validation error), and a 4xx writes nothing.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { type Operation, operations, type Schema } from '../../../test/openapi-operations.ts';

// Tables whose rows a refused request may legitimately add: its own audit record, sessions, idempotency keys, and
// the rate-limit count of its address (a refused request still counts against the limit).
const WRITTEN_ON_REFUSAL = new Set(['audit_log', 'audit_head', 'sessions', 'idempotency_keys', 'rate_limits']);
const ON_PG = Boolean(process.env.DATABASE_URL);
const RUNS_PER_ROUTE = ON_PG ? 6 : 60;

let hall: TestHall;
let principals: { name: string; session: Session }[];
let knownIds: string[];
/** Real ids by field name, so a body with one wrong field otherwise reaches the service's writes. */
let idsByField: Record<string, unknown>;
let tables: string[];

beforeAll(async () => {
  hall = await buildTestHall();
  const head = await signedIn(hall.app, 'head');
  principals = [
    { name: 'anonymous', session: new Session(hall.app) },
    { name: 'clerk', session: await signedIn(hall.app, 'clerk') },
    { name: 'head', session: head },
    { name: 'sysadmin', session: await signedIn(hall.app, 'sysadmin') },
  ];
  const me = json(await head.get('/api/auth/me'));
  const hallId = me.halls[0].id as string;
  const items = json(await head.get(`/api/catalog/items?hallId=${hallId}`)).items as { id: string }[];
  const windows = json(await head.get(`/api/windows?hallId=${hallId}`)).items as { id: string }[];
  // Real ids let generated requests reach past "not found" into the services.
  const departments = json(await head.get(`/api/departments?hallId=${hallId}`)).items as { id: string }[];
  knownIds = [hallId, me.id, items[0]?.id ?? 'none', windows[0]?.id ?? 'none'];
  const departmentId = departments[0]?.id ?? 'none';
  idsByField = {
    hallId,
    itemId: items[0]?.id,
    windowId: windows[0]?.id,
    departmentId,
    userId: me.id,
    departmentIds: [departmentId],
    hallIds: [hallId],
    itemIds: items[0] ? [items[0].id] : [],
  };
  const rows =
    hall.ctx.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
          hall.ctx.db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
          hall.ctx.db,
        );
  tables = rows.rows.map((r) => r.name).filter((t) => !WRITTEN_ON_REFUSAL.has(t));
});
afterAll(() => hall.close());

async function rowCounts(): Promise<Record<string, number>> {
  const parts = tables.map((t) => `select '${t}' as t, count(*) as n from ${t}`).join(' union all ');
  const rows = await sql<{ t: string; n: number | string }>`${sql.raw(parts)}`.execute(hall.ctx.db);
  return Object.fromEntries(rows.rows.map((r) => [r.t, Number(r.n)]));
}

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    '\u200B',
    '𠮷野家',
    '👨‍👩‍👧‍👦',
    'x'.repeat(100_000),
    '长'.repeat(20_000),
    "'; drop table cases; --",
    '../../etc/passwd',
    '%00',
    '1e309',
    'NaN',
    '-1',
    '0',
    'true',
    'null',
    '[]',
    '{}',
    '2026-02-30',
    '9999-99-99',
  ),
);
const boundaryNumber = fc.constantFrom(
  0,
  -1,
  -0,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
);
const weird: fc.Arbitrary<unknown> = fc.oneof(
  weirdString,
  boundaryNumber,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    [null],
    { __proto__: { admin: true } },
    { constructor: { prototype: { x: 1 } } },
  ),
  fc.array(fc.oneof(weirdString, boundaryNumber), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(weirdString, boundaryNumber), { maxKeys: 3 }),
);

/** A plausible value for a schema, so that one mutated field is what the server sees as wrong. */
function plausible(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 4) return 'x';
  if (s.enum?.length) return s.enum[0];
  const variants = s.anyOf ?? s.oneOf;
  if (variants?.[0]) return plausible(variants[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => plausible(s.items, depth + 1));
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, idsByField[k] ?? plausible(v, depth + 1)]),
      );
    default:
      return s.nullable ? null : 'x';
  }
}

/** The body sent: a plausible one with one field missing, wrong or added, or something else entirely. */
function bodyArb(schema: Schema | null): fc.Arbitrary<{ body: unknown; raw?: string }> {
  const base = plausible(schema ?? undefined) as Record<string, unknown>;
  const keys = schema?.properties ? Object.keys(schema.properties) : [];
  const mutations: fc.Arbitrary<{ body: unknown; raw?: string }>[] = [
    weird.map((body) => ({ body })),
    fc.constantFrom('{"a":', '{"a":1}}', '\uFEFF{}', 'null', '[1,2').map((raw) => ({ body: null, raw })),
    fc.tuple(fc.string({ maxLength: 12 }), weird).map(([k, v]) => ({ body: { ...base, [k]: v } })),
  ];
  if (keys.length) {
    const key = fc.constantFrom(...keys);
    mutations.push(
      fc.tuple(key, weird).map(([k, v]) => ({ body: { ...base, [k]: v } })),
      key.map((k) => {
        const { [k]: _dropped, ...rest } = base;
        return { body: rest };
      }),
      fc.constant({ body: {} }),
    );
  }
  return fc.oneof(...mutations);
}

function encode(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

function requestArb(op: Operation) {
  const pathValue = fc.oneof(fc.constantFrom(...knownIds), weird);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  return fc
    .record({
      principal: fc.nat(principals.length - 1),
      path: fc.tuple(...pathParams.map(() => pathValue)),
      query: fc.tuple(
        ...queryParams.map((p) =>
          fc.option(fc.oneof(fc.constantFrom(...knownIds, plausible(p.schema)), weird), { nil: undefined }),
        ),
      ),
      payload: op.method === 'get' ? fc.constant(null) : bodyArb(op.body),
    })
    .map((r) => {
      let url = op.path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, encode(r.path[i]) || 'x');
      });
      const q = queryParams.flatMap((p, i) =>
        r.query[i] === undefined ? [] : [`${encodeURIComponent(p.name)}=${encode(r.query[i])}`],
      );
      return { ...r, url: q.length ? `${url}?${q.join('&')}` : url };
    });
}

describe('generated bad input on every route', () => {
  // 60 runs on each of 170-odd routes take about 100 s on a busy 2-core machine; the time grows with the routes.
  it('answers with a 4xx that names the problem, never a 5xx, and writes nothing on a 4xx', {
    timeout: 300_000,
  }, async () => {
    const doc = json(await hall.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(50);
    const tally = new Map<string, number>();
    for (const op of ops) {
      // Signing out or changing the password would end the roles' sessions for the rest of the run.
      const staffOnlyAnonymous = op.path === '/api/auth/logout' || op.path === '/api/auth/password';
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (r) => {
          const who = staffOnlyAnonymous ? principals[0] : principals[r.principal];
          if (!who) throw new Error('no principal');
          const before = await rowCounts();
          const headers: Record<string, string> = who.session.cookie ? { cookie: who.session.cookie } : {};
          const payload = r.payload?.raw ?? (r.payload === null ? undefined : JSON.stringify(r.payload.body));
          if (payload !== undefined) headers['content-type'] = 'application/json';
          const res = await hall.app.inject({
            method: op.method.toUpperCase() as 'GET',
            url: r.url,
            headers,
            ...(payload === undefined ? {} : { payload }),
          });
          tally.set(
            `${Math.floor(res.statusCode / 100)}xx ${who.name}`,
            (tally.get(`${Math.floor(res.statusCode / 100)}xx ${who.name}`) ?? 0) + 1,
          );
          const where = `${op.method.toUpperCase()} ${r.url.slice(0, 200)} as ${who.name} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) {
            let body: { code?: unknown; message?: unknown; field?: unknown } = {};
            try {
              body = res.json();
            } catch {
              body = {};
            }
            expect(typeof body.code, where).toBe('string');
            expect(typeof body.message, where).toBe('string');
            if (body.code === 'VALIDATION') expect(typeof body.field, where).toBe('string');
            expect(await rowCounts(), where).toEqual(before);
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: Number(process.env.FUZZ_SEED ?? 20261122), endOnFailure: true },
      );
    }
    // The generators reach both refusals and, with real ids, accepted requests, for every kind of caller.
    for (const who of principals) expect(tally.get(`4xx ${who.name}`) ?? 0, who.name).toBeGreaterThan(0);
    expect([...tally].filter(([k]) => k.startsWith('2xx')).length).toBeGreaterThan(0);
  });
});

describe('text that is not clean Unicode', () => {
  it('refuses NUL and unpaired surrogates anywhere in the input, naming the field, and stores nothing', async () => {
    const clerk = principals[1]?.session as Session;
    const hallId = knownIds[0];
    const person = (name: string, address = '青川县乔庄镇') => ({
      hallId,
      kind: 'person',
      name,
      docType: 'passport',
      docNumber: 'E12345678',
      phone: '13912345678',
      address,
    });
    const before = await rowCounts();
    for (const [body, field] of [
      [person('李\u0000华'), 'name'],
      [person('李华', '路\uD800'), 'address'],
      [{ ...person('李华'), ['k\u0000']: 1 }, 'k\u0000'],
    ] as const) {
      const res = await clerk.post('/api/applicants', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(json(res)).toMatchObject({ code: 'VALIDATION', field });
    }
    const query = await clerk.get(`/api/applicants?hallId=${hallId}&q=${encodeURIComponent('\u0000')}`);
    expect(query.statusCode).toBe(400);
    expect(json(query).field).toBe('q');
    expect(await rowCounts()).toEqual(before);
    // Clean text, emoji and rare characters included, is kept exactly.
    const ok = await clerk.post('/api/applicants', person('𠮷野 👨‍👩‍👧'));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(json(ok).name).toBe('𠮷野 👨‍👩‍👧');
  });
});
