import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';

let hall: TestHall;
let supervisor: Session;
let hallId: string;
const publicly = () => new Session(hall.app);
const settingsUrl = () => `/api/queue/halls/${hallId}/settings`;

beforeAll(async () => {
  hall = await buildTestHall();
  supervisor = await signedIn(hall.app, 'supervisor');
  hallId = json(await supervisor.get('/api/auth/me')).halls[0].id;
});
afterAll(() => hall.close());

describe('the kiosk and display settings of a hall', () => {
  it('the kiosk waits 60 s by default and learns where its QR codes point', async () => {
    const res = await publicly().get(`/api/public/halls/${hallId}/kiosk`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ idleSeconds: 60, publicBaseUrl: hall.ctx.config.publicBaseUrl });
  });

  it('the supervisor sets the idle time and the notices; the kiosk and the display show them', async () => {
    const current = json(await supervisor.get(settingsUrl()));
    const notices = ['今日下午 16:30 起暂停办理婚姻登记业务', '请妥善保管随身物品'];
    const saved = await supervisor.put(settingsUrl(), { ...current, kioskIdleSeconds: 45, displayNotices: notices });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({ kioskIdleSeconds: 45, displayNotices: notices });
    expect(json(await publicly().get(`/api/public/halls/${hallId}/kiosk`)).idleSeconds).toBe(45);
    expect(json(await publicly().get(`/api/public/halls/${hallId}/display`)).notices).toEqual(notices);
    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'queue.settings.update')
      .where('target_id', '=', hallId)
      .execute();
    expect(audit.some((a) => String(a.detail).includes('16:30'))).toBe(true);
  });

  it('an older client that leaves the new settings out keeps the defaults, not an error', async () => {
    const { kioskIdleSeconds: _idle, displayNotices: _notices, ...older } = json(await supervisor.get(settingsUrl()));
    const saved = await supervisor.put(settingsUrl(), older);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({ kioskIdleSeconds: 60, displayNotices: [] });
  });

  it('refuses an idle time outside 15–600 s and a notice that would not fit the screen, naming the field', async () => {
    const current = json(await supervisor.get(settingsUrl()));
    const short = await supervisor.put(settingsUrl(), { ...current, kioskIdleSeconds: 5 });
    expect(short.statusCode).toBe(400);
    expect(json(short).field).toContain('kioskIdleSeconds');
    const long = await supervisor.put(settingsUrl(), { ...current, displayNotices: ['长'.repeat(121)] });
    expect(long.statusCode).toBe(400);
    expect(json(long).field).toContain('displayNotices');
    const many = await supervisor.put(settingsUrl(), { ...current, displayNotices: Array(7).fill('公告') });
    expect(many.statusCode).toBe(400);
    expect(json(await supervisor.get(settingsUrl())).displayNotices).toEqual(current.displayNotices);
  });
});
