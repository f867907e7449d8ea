import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, nextResidentId, publishedItem } from '../../../test/intake-fixtures.ts';

const lines: string[] = [];
let hall: TestHall;
beforeAll(async () => {
  hall = await buildTestHall({ logTo: { write: (line) => void lines.push(line) } });
});
afterAll(() => hall.close());

describe('logs', () => {
  it('never hold a personal number, even with request logging at its most verbose', async () => {
    const clerk = await signedIn(hall.app, 'clerk');
    const supervisor = await signedIn(hall.app, 'supervisor');
    const head = await signedIn(hall.app, 'head');
    const hallId = json(await head.get('/api/auth/me')).halls[0].id;
    const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
    const itemId = await publishedItem(head, hallId, departmentId, 'LOG-1');
    const docNumber = nextResidentId();
    const phone = '13698761234';
    const a = json(
      await clerk.post('/api/applicants', {
        hallId,
        kind: 'person',
        name: '日志',
        docType: 'resident_id',
        docNumber,
        phone,
      }),
    );
    await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '日志',
      docType: 'resident_id',
      docNumber: `${docNumber.slice(0, 17)}9`,
      phone,
    });
    await clerk.post('/api/applicants/search', { q: docNumber });
    await clerk.post('/api/applicants/search', { q: phone });
    await supervisor.get(`/api/applicants/${a.id}/personal`);
    await supervisor.patch(`/api/applicants/${a.id}`, { phone: '13698765678' });
    const r = json(await clerk.post('/api/intake/receptions', { itemId, applicantId: a.id, materials: complete() }));
    const c = json(await clerk.post(`/api/cases/${r.id}/accept`));
    await new Session(hall.app).get(`/api/public/progress?no=${c.caseNo}&phone4=5678`);
    expect(lines.length).toBeGreaterThan(10);
    const all = lines.join('\n');
    expect(all).toContain('/api/applicants');
    for (const secret of [docNumber, phone, '13698765678']) expect(all).not.toContain(secret);
  });
});
