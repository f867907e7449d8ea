/**
 * Numbers in the address are strict on every route: '', ' ', '0x10', '1e3' and '+5' are a 400 naming the
 * parameter, never read as 0, 16, 1000 or 5. The routes come from the OpenAPI document, so a new route with a
 * numeric parameter is probed without editing this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { isNumeric, type Operation, operations, type Param } from '../../../test/openapi-operations.ts';
import { decimalParam, intParam } from '../numeric-params.ts';

const BAD = ['', ' ', '0x10', '1e3', '+5'];

let hall: TestHall;
let sessions: Session[];
let hallId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  sessions = [];
  for (const name of ['head', 'sysadmin', 'secadmin', 'auditor', 'inspector', 'supervisor', 'clerk']) {
    sessions.push(await signedIn(hall.app, name));
  }
  hallId = json(await sessions[0]!.get('/api/auth/me')).halls[0].id;
});
afterAll(() => hall.close());

/** A value the parameter accepts, so that only the probed one is wrong. */
function fillerOf(p: Param): string {
  if (isNumeric(p.schema)) return '1';
  const text = p.schema as { pattern?: string; maxLength?: number } | undefined;
  // A day (a pattern of digits and dashes, or ten characters at most).
  if (text?.pattern?.includes('\\d{4}-') || text?.maxLength === 10) return '2026-03-02';
  // A short key (a material's key) cannot hold an id.
  if (text?.maxLength !== undefined && text.maxLength < hallId.length) return 'k1';
  return (p.schema?.enum?.[0] as string | undefined) ?? hallId;
}

function urlFor(op: Operation, probed: Param, value: string): string {
  let url = op.path;
  for (const p of op.params.filter((x) => x.in === 'path')) {
    url = url.replace(`{${p.name}}`, encodeURIComponent(p === probed ? value : fillerOf(p)));
  }
  const query = op.params
    .filter((p) => p.in === 'query' && (p === probed || (p as { required?: boolean }).required))
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(p === probed ? value : fillerOf(p))}`);
  return query.length ? `${url}?${query.join('&')}` : url;
}

/** The first answer that is not a refusal of the caller (some route is open to one post only). */
async function ask(op: Operation, url: string) {
  let last = null as null | Awaited<ReturnType<Session['get']>>;
  for (const s of sessions) {
    last = await s.request(op.method.toUpperCase() as 'GET', url, op.body ? {} : undefined);
    if (last.statusCode !== 401 && last.statusCode !== 403) return last;
  }
  return last!;
}

describe('numeric parameters', () => {
  it('refuses empty, blank, hexadecimal, exponent and plus-signed numbers on every route, naming the field', {
    timeout: 120_000,
  }, async () => {
    const doc = json(await hall.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const probes = operations(doc).flatMap((op) =>
      op.params.filter((p) => isNumeric(p.schema)).map((p) => ({ op, p })),
    );
    // The known numeric parameters are all found (the list reads the document, so it grows by itself).
    const names = new Set(probes.map(({ op, p }) => `${op.path} ${p.name}`));
    for (const known of [
      '/api/calendar/deadline days',
      '/api/calendar/years/{year} year',
      '/api/audit page',
      '/api/audit from',
    ]) {
      expect(
        [...names].some((n) => n.startsWith(known.split(' ')[0]!) && n.endsWith(` ${known.split(' ')[1]}`)),
        known,
      ).toBe(true);
    }
    expect(probes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const { op, p } of probes) {
      // An empty path segment is another address, not an empty number.
      for (const bad of p.in === 'path' ? BAD.filter((b) => b !== '') : BAD) {
        const url = urlFor(op, p, bad);
        const res = await ask(op, url);
        const body = res.statusCode === 400 ? json(res) : null;
        if (res.statusCode !== 400 || body?.code !== 'VALIDATION' || body?.field !== p.name) {
          failures.push(`${op.method.toUpperCase()} ${url} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('names the rule in the caller language and still reads plain numbers', async () => {
    const head = sessions[0]!;
    const zh = await head.get(`/api/calendar/deadline?hallId=${hallId}&from=2026-03-02&days=1e3`);
    expect(zh.statusCode).toBe(400);
    expect(json(zh)).toMatchObject({
      code: 'VALIDATION',
      field: 'days',
      message: '字段 days：应为整数，只能由数字组成',
    });
    const en = await head.request(
      'GET',
      `/api/calendar/deadline?hallId=${hallId}&from=2026-03-02&days=0x10`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(json(en).message).toBe('Field days: must be a whole number written in digits');
    const ok = await head.get(`/api/calendar/deadline?hallId=${hallId}&from=2026-03-02&days=3`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok).deadline).toBe('2026-03-05');
    const tooMany = await head.get(`/api/calendar/deadline?hallId=${hallId}&from=2026-03-02&days=3651`);
    expect(json(tooMany)).toMatchObject({ code: 'VALIDATION', field: 'days' });
  });
});

describe('intParam and decimalParam', () => {
  const q = z.object({ n: intParam({ min: -5, max: 100 }).default(7), d: decimalParam({ min: 0 }).optional() });
  it('takes only plain digits', () => {
    expect(q.parse({})).toEqual({ n: 7 });
    expect(q.parse({ n: '42', d: '0.25' })).toEqual({ n: 42, d: 0.25 });
    expect(q.parse({ n: '-5' }).n).toBe(-5);
    for (const bad of [
      '',
      ' ',
      ' 1',
      '1 ',
      '0x10',
      '1e3',
      '+5',
      '1.0',
      '007',
      'NaN',
      'Infinity',
      '١٢',
      '101',
      '-6',
      '9'.repeat(20),
    ]) {
      expect(q.safeParse({ n: bad }).success, bad).toBe(false);
    }
    for (const bad of ['', '.5', '1.', '1e-3', '+0.5', '-0.5', '0x1'])
      expect(q.safeParse({ d: bad }).success, bad).toBe(false);
  });
});
