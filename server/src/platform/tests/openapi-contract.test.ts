/**
 * The OpenAPI document is a contract others build on: every operation is named (operationId, unique), says what it
 * does in Chinese and English, says how to authenticate, and lists the error answers the platform really gives.
 * The expectations come from the app itself (each route's declared access, the rate limiter's own headers), not
 * from the transform that writes the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type TestHall } from '../../../test/helpers.ts';
import { declaredAccess } from '../http.ts';
import { errorResponses, namesRecord, operationIdOf } from '../openapi.ts';

type Op = {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
};
type Doc = {
  paths: Record<string, Record<string, Op>>;
  tags?: { name: string; description?: string }[];
  components: {
    securitySchemes: Record<string, Record<string, string>>;
    responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    schemas: Record<string, { properties: Record<string, unknown>; required: string[] }>;
  };
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CJK = /[\u4e00-\u9fff]/;

let hall: TestHall;
let doc: Doc;
let ops: { method: string; path: string; op: Op }[];

beforeAll(async () => {
  hall = await buildTestHall();
  doc = json(await hall.app.inject({ method: 'GET', url: '/api/openapi.json' }));
  ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
});
afterAll(() => hall.close());

/** The access each documented operation declared on its route (`config.access`). */
function accessOf(method: string, path: string): string | undefined {
  return declaredAccess(hall.app).get(`${method} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
}

const statuses = (op: Op) => Object.keys(op.responses).filter((s) => /^4\d\d$/.test(s));

describe('the OpenAPI contract', () => {
  it('documents every API route but the document itself', () => {
    const documentable = [...declaredAccess(hall.app).keys()].filter(
      (key) => !key.startsWith('HEAD ') && key !== 'GET /api/openapi.json',
    );
    expect(ops.length).toBe(documentable.length);
    for (const { method, path } of ops) expect(accessOf(method, path), `${method} ${path}`).toBeDefined();
  });

  it('names every operation once, by a readable id', () => {
    const ids = ops.map(({ op }) => op.operationId);
    for (const [i, id] of ids.entries()) expect(id, `${ops[i]?.method} ${ops[i]?.path}`).toMatch(/^[a-z][A-Za-z0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derives the id from method and path', () => {
    expect(operationIdOf('GET', '/api/cases/:id/notices')).toBe('getCaseNotices');
    expect(operationIdOf('GET', '/api/cases/:id')).toBe('getCase');
    expect(operationIdOf('GET', '/api/cases')).toBe('getCases');
    expect(operationIdOf('POST', '/api/queue/windows/:windowId/call-next')).toBe('postQueueWindowCallNext');
    expect(operationIdOf('PUT', '/api/calendar/halls/:hallId/days/:date')).toBe('putCalendarHallDayByDate');
    expect(operationIdOf('GET', '/api/public/guide/:id')).toBe('getPublicGuideById');
    expect(operationIdOf('GET', '/api/archives/:id/contents.pdf')).toBe('getArchiveContentsPdf');
    expect(operationIdOf('GET', '/api/archives/disposals/register.:format')).toBe('getArchivesDisposalsRegisterFormat');
  });

  it('answers 404 where a path parameter names a record, not where it names a value', () => {
    expect(namesRecord('/api/cases/{id}/notices')).toBe(true);
    expect(namesRecord('/api/cases/:id')).toBe(true);
    expect(namesRecord('/api/calendar/years/{year}')).toBe(false);
    expect(namesRecord('/api/archives/disposals/register.{format}')).toBe(false);
    expect(namesRecord('/api/cases')).toBe(false);
  });

  it('says what every operation does in Chinese and English', () => {
    for (const { method, path, op } of ops) {
      const where = `${method} ${path}`;
      expect(op.summary, where).toMatch(CJK);
      expect(op.summary, where).toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('asks a session or an API key on every route but the public ones', () => {
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'ow_session' });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const publicOps = ops.filter(({ method, path }) => accessOf(method, path) === 'public');
    expect(publicOps.length).toBeGreaterThan(0);
    for (const { method, path, op } of ops) {
      const expected = accessOf(method, path) === 'public' ? [] : [{ session: [] }, { apiKey: [] }];
      expect(op.security, `${method} ${path}`).toEqual(expected);
    }
  });

  it('documents the error answers the platform gives, each a reference to the one error body', () => {
    for (const { method, path, op } of ops) {
      const where = `${method} ${path}`;
      const expected = ['400'];
      if (accessOf(method, path) !== 'public') expected.push('401', '403');
      if (namesRecord(path)) expected.push('404');
      if (WRITES.has(method)) expected.push('409', '422');
      if (op.responses['429']) expected.push('429');
      expect(statuses(op).sort(), where).toEqual(expected.sort());
      for (const status of statuses(op)) {
        const name = errorResponses[Number(status) as keyof typeof errorResponses].name;
        expect(op.responses[status], `${where} ${status}`).toEqual({ $ref: `#/components/responses/${name}` });
      }
    }
    for (const { name } of Object.values(errorResponses)) {
      expect(doc.components.responses[name]?.content['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/Error',
      });
    }
    const error = doc.components.schemas.Error;
    expect(Object.keys(error?.properties ?? {}).sort()).toEqual(['code', 'field', 'message']);
    expect(error?.required.sort()).toEqual(['code', 'message']);
  });

  it('documents 429 exactly where the rate limiter counts', async () => {
    // Every throttled route is public; the anonymous probe reaches the limiter there and it announces the limit.
    const publicOps = ops.filter(({ method, path }) => accessOf(method, path) === 'public');
    const limited: string[] = [];
    for (const { method, path } of publicOps) {
      if (path.endsWith('/stream')) continue;
      const res = await hall.app.inject({
        method: method as 'GET',
        url: path.replace(/\{[^}]+\}/g, 'x1'),
        ...(WRITES.has(method) ? { payload: {} } : {}),
      });
      if (res.headers['x-ratelimit-limit'] !== undefined) limited.push(`${method} ${path}`);
    }
    const documented = ops.filter(({ op }) => op.responses['429']).map(({ method, path }) => `${method} ${path}`);
    expect(limited.length).toBeGreaterThan(0);
    expect(documented.sort()).toEqual(limited.sort());
  });

  it('answers 400 on a route without input when the query string is broken, as the document says', async () => {
    const res = await hall.app.inject({ method: 'GET', url: '/api/auth/mode?x=%00' });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ code: 'VALIDATION' });
  });

  it('describes every tag the operations use', () => {
    const described = new Map((doc.tags ?? []).map((t) => [t.name, t.description]));
    const used = new Set(ops.flatMap(({ op }) => (op as { tags?: string[] }).tags ?? []));
    for (const tag of used) expect(described.get(tag), tag).toMatch(CJK);
  });
});
