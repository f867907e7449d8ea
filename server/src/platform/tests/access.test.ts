import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, buildTestHall, json, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall();
});
afterAll(() => hall.close());

const PUBLIC = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/mode',
  'GET /api/public/halls',
  'GET /api/public/guide',
  'GET /api/public/guide/{id}',
  'GET /api/public/guide/{id}/materials/{materialKey}/files/{kind}',
  'GET /api/calendar/deadline',
  'GET /api/public/progress',
  'GET /api/public/progress/places',
  'POST /api/public/consultations',
  'GET /api/public/consultations/lookup',
  // The hall floor: the ticket kiosk, the printed ticket, the hall display, and the rating pad (which holds its own token).
  'GET /api/public/halls/{hallId}/queue/categories',
  'POST /api/public/halls/{hallId}/queue/tickets',
  'GET /api/public/queue/tickets/{ticketId}',
  'GET /api/public/queue/tickets/{ticketId}/print',
  'GET /api/public/halls/{hallId}/display',
  'GET /api/public/halls/{hallId}/kiosk',
  // 客流拥挤: the notice the display shows while the hall is crowded.
  'GET /api/public/halls/{id}/crowding-notice',
  'GET /api/public/halls/{hallId}/display/stream',
  'GET /api/public/pads/{windowId}',
  'GET /api/public/pads/{windowId}/stream',
  'POST /api/public/pads/{windowId}/ratings',
  // 网上预审: the applicant's application, opened by its number and lookup code.
  'POST /api/public/prereview',
  'GET /api/public/prereview/{number}',
  'POST /api/public/prereview/{number}/materials/{materialKey}/files',
  'DELETE /api/public/prereview/{number}/files/{uploadId}',
  'GET /api/public/prereview/{number}/files/{uploadId}',
  'POST /api/public/prereview/{number}/submit',
  // 预约: booking, lookup, cancel and change by code, the kiosk's check-in.
  'GET /api/public/halls/{hallId}/appointments/items',
  'GET /api/public/halls/{hallId}/appointments/days',
  'POST /api/public/halls/{hallId}/appointments',
  'GET /api/public/appointments/{code}',
  'POST /api/public/appointments/{code}/cancel',
  'POST /api/public/appointments/{code}/change',
  'POST /api/public/halls/{hallId}/appointments/check-in',
  // 好差评: the applicant rates a completed case from the link in the SMS (the token is the path).
  'GET /api/public/case-ratings/{token}',
  'POST /api/public/case-ratings/{token}',
  // 投诉举报 and 异议: the public form, the lookup, rating, objection and reply by number and code.
  'POST /api/public/complaints',
  'GET /api/public/complaints/lookup',
  'POST /api/public/complaints/rate',
  'POST /api/public/complaints/objection',
  'GET /api/public/complaints/reply.pdf',
  'POST /api/public/objections',
]);

async function apiRoutes(): Promise<{ method: string; path: string }[]> {
  const doc = json(await hall.app.inject({ method: 'GET', url: '/api/openapi.json' }));
  const out: { method: string; path: string }[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(ops)) out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

describe('deny by default', () => {
  it('publishes an OpenAPI 3 document with every API route', async () => {
    const routes = await apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const doc = json(await hall.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('answers 401 to an anonymous caller on every route but login, logout and the public guide', async () => {
    const routes = await apiRoutes();
    for (const r of routes) {
      const res = await hall.app.inject({
        method: r.method as 'GET',
        url: r.path.replace(/\{[^}]+\}/g, '1'),
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      const key = `${r.method} ${r.path}`;
      if (PUBLIC.has(key)) expect(res.statusCode, key).not.toBe(401);
      else expect(res.statusCode, key).toBe(401);
    }
  });

  it('refuses a clerk every administrator action and records the refusal', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/audit'],
      ['POST', '/api/halls'],
      ['PUT', '/api/security/policy'],
      ['POST', '/api/catalog/items'],
    ] as const) {
      const res = await clerk.request(method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, url).toBe(403);
      expect(json(res).code).toBe('FORBIDDEN');
    }
    const denied = await hall.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('outcome', '=', 'denied')
      .where('username', '=', 'clerk')
      .execute();
    expect(denied.length).toBe(5);
  });

  it('keeps each administrator to their own power (三权分立)', async () => {
    const sys = await signedIn(hall.app, 'sysadmin');
    const sec = await signedIn(hall.app, 'secadmin');
    const aud = await signedIn(hall.app, 'auditor');
    expect((await sys.get('/api/audit')).statusCode).toBe(403);
    expect((await sec.get('/api/audit')).statusCode).toBe(403);
    expect((await aud.get('/api/audit')).statusCode).toBe(200);
    expect((await aud.get('/api/users')).statusCode).toBe(403);
    expect((await sys.put('/api/security/policy', {})).statusCode).toBe(403);
    expect((await aud.post('/api/halls', { code: 'X', name: 'X' })).statusCode).toBe(403);
  });
});

describe('object-level scope', () => {
  it('shows a township clerk only the township hall and its items', async () => {
    const town = await signedIn(hall.app, 'town_clerk');
    const county = await signedIn(hall.app, 'clerk');
    const townHalls = json(await town.get('/api/halls')).items;
    expect(townHalls).toHaveLength(1);
    const townItems = json(await town.get('/api/catalog/items?pageSize=500')).items;
    const countyItems = json(await county.get('/api/catalog/items?pageSize=500')).items;
    expect(townItems.length).toBeGreaterThan(0);
    expect(countyItems.length).toBeGreaterThanOrEqual(20);
    const townIds = new Set(townItems.map((i: { id: string }) => i.id));
    expect(countyItems.some((i: { id: string }) => townIds.has(i.id))).toBe(false);
    // A county item is "not found" for the township clerk, not merely hidden from the list.
    const res = await town.get(`/api/catalog/items/${countyItems[0].id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('health and metrics', () => {
  it('serves /healthz and Prometheus /metrics', async () => {
    expect(json(await hall.app.inject({ method: 'GET', url: '/healthz' }))).toEqual({ status: 'ok' });
    await new Session(hall.app).login('clerk');
    const metrics = await hall.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('onewindow_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });
});
