/** Personal data rights (个人信息): the export for an access request, sealing with approved unsealing, the retention purge. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, nextResidentId, publishedItem } from '../../../test/intake-fixtures.ts';
import { purgePersonalData } from './service.ts';

let hall: TestHall;
let clerk: Session;
let supervisor: Session;
let secadmin: Session;
let hallId: string;
let itemId: string;
let windowId: string;

beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  supervisor = await signedIn(hall.app, 'supervisor');
  secadmin = await signedIn(hall.app, 'secadmin');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'PRV-1');
});
afterAll(() => hall.close());

async function applicant(name: string, phone: string) {
  const docNumber = nextResidentId();
  const res = await clerk.post('/api/applicants', {
    hallId,
    kind: 'person',
    name,
    docType: 'resident_id',
    docNumber,
    phone,
    address: '青川县乔庄镇',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: json(res).id as string, docNumber };
}
const auditOf = (action: string, targetId?: string) => {
  let q = hall.ctx.db.selectFrom('audit_log').select(['detail', 'username']).where('action', '=', action);
  if (targetId) q = q.where('target_id', '=', targetId);
  return q.execute();
};
/** Finishes a case the short way: withdrawn by the applicant. */
const withdraw = (caseId: string) => clerk.post(`/api/cases/${caseId}/withdraw`, { reason: '申请人撤回' });

describe('export for an access request (个人信息查询)', () => {
  it('exports everything held, masked, as JSON and an A4 PDF, to supervisors and station heads only, audited', async () => {
    const a = await applicant('钱多多', '13712340001');
    const acc = await clerk.post('/api/intake/acceptances', {
      itemId,
      applicantId: a.id,
      windowId,
      materials: complete(),
    });
    expect(acc.statusCode, acc.body).toBe(201);
    await clerk.post('/api/consultations', {
      hallId,
      channel: 'visit',
      personName: '钱多多',
      contactPhone: '137-1234-0001',
      question: '办理进度？',
    });
    await clerk.post('/api/consultations', {
      hallId,
      channel: 'visit',
      personName: '别人',
      contactPhone: '13712340002',
      question: '别人的咨询',
    });

    expect((await clerk.get(`/api/applicants/${a.id}/personal-data`)).statusCode).toBe(403);
    const res = await supervisor.get(`/api/applicants/${a.id}/personal-data`);
    expect(res.statusCode, res.body).toBe(200);
    const x = json(res);
    expect(x.applicant).toMatchObject({
      name: '钱多多',
      phone: '137****0001',
      docNumber: `${a.docNumber.slice(0, 4)}**********${a.docNumber.slice(-4)}`,
    });
    expect(x.cases).toEqual([expect.objectContaining({ caseNo: json(acc).caseNo, role: 'applicant' })]);
    expect(x.documents.map((d: { kindLabel: string }) => d.kindLabel)).toContain('收件回执单');
    // The consultation made under the same phone (typed with hyphens) is found by its blind index; the other is not.
    expect(
      x.consultations.map((c: { question: string; contactPhone: string }) => [c.question, c.contactPhone]),
    ).toEqual([['办理进度？', '137****0001']]);
    expect(res.body).not.toContain(a.docNumber);
    expect(res.body).not.toContain('13712340001');

    const pdf = await supervisor.get(`/api/applicants/${a.id}/personal-data/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audits = await auditOf('applicant.export_personal', a.id);
    expect(audits.map((r) => JSON.parse(r.detail!).format)).toEqual(['json', 'pdf']);
    expect(JSON.parse(audits[0]!.detail!)).toMatchObject({ cases: 1, consultations: 1 });
  });

  it('summarises the export readably on A4', async () => {
    const { buildPersonalDataSummary } = await import('./export-pdf.ts');
    const { modelText } = await import('../../platform/pdf/model.ts');
    const a = await applicant('孙读表', '13712340003');
    const data = json(await supervisor.get(`/api/applicants/${a.id}/personal-data`));
    const text = modelText(
      buildPersonalDataSummary(data, { name: '青川县政务服务中心', address: '乔庄镇', phone: '0839' }, 'GRXX-1'),
    );
    expect(text).toContain('个人信息查询结果');
    expect(text).toContain('孙读表');
    expect(text).toContain('137****0003');
    expect(text).not.toContain('13712340003');
    expect(text).toContain('二、办件（0 件）');
  });
});

describe('sealing (封存) and unsealing on the security administrator’s approval', () => {
  it('refuses to seal while a case is open, then seals: lists show 已封存 and nothing personal', async () => {
    const a = await applicant('周封存', '13712340010');
    const acc = json(
      await clerk.post('/api/intake/acceptances', { itemId, applicantId: a.id, windowId, materials: complete() }),
    );
    expect((await clerk.post(`/api/applicants/${a.id}/seal`, { reason: '已注销' })).statusCode).toBe(403);
    const open = await supervisor.post(`/api/applicants/${a.id}/seal`, { reason: '企业已注销' });
    expect(open.statusCode).toBe(409);
    expect(json(open).message).toContain('未办结');
    expect(json(await supervisor.post(`/api/applicants/${a.id}/seal`, { reason: '' })).field).toBe('reason');
    expect((await withdraw(acc.id)).statusCode).toBe(200);

    const sealed = await supervisor.post(`/api/applicants/${a.id}/seal`, {
      reason: '申请人已注销户籍（死亡证明 2026-001）',
    });
    expect(sealed.statusCode, sealed.body).toBe(200);
    expect(json(sealed)).toMatchObject({ sealed: true, name: '已封存', phone: '', docNumber: '', address: '' });
    expect((await supervisor.post(`/api/applicants/${a.id}/seal`, { reason: '再次封存' })).statusCode).toBe(409);
    // The registry: a name no longer finds it; its whole number does, shown as 已封存.
    expect(json(await clerk.post('/api/applicants/search', { q: '周封存' })).items).toEqual([]);
    const byNumber = json(await clerk.post('/api/applicants/search', { q: a.docNumber }));
    expect(byNumber.items).toEqual([expect.objectContaining({ id: a.id, name: '已封存', phone: '', sealed: true })]);
    // The case list shows 已封存 in place of the applicant.
    const list = json(await clerk.get(`/api/cases?hallId=${hallId}&q=${encodeURIComponent(acc.caseNo)}`));
    expect(list.items[0].applicantName).toBe('已封存');
    // The file shows nothing, reading the numbers, exporting and a new case are refused.
    const file = json(await clerk.get(`/api/applicants/${a.id}/file`));
    expect(file).toMatchObject({
      applicant: { sealed: true, name: '已封存' },
      cases: [],
      notices: [],
      serviceRecords: [],
    });
    expect(json(await supervisor.get(`/api/applicants/${a.id}/personal`)).code).toBe('SEALED');
    expect(json(await supervisor.get(`/api/applicants/${a.id}/personal-data`)).code).toBe('SEALED');
    const reuse = await clerk.post('/api/intake/acceptances', {
      itemId,
      applicantId: a.id,
      windowId,
      materials: complete(),
    });
    expect(reuse.statusCode).toBe(409);
    expect(json(reuse)).toMatchObject({ code: 'SEALED', field: 'applicantId' });
    expect(await auditOf('applicant.seal', a.id)).toHaveLength(1);

    // Unsealing: asked for with a reason, decided by the security administrator (never by the one who asked).
    expect((await clerk.post(`/api/applicants/${a.id}/unseal-requests`, { reason: '家属申请查阅' })).statusCode).toBe(
      403,
    );
    const req = await supervisor.post(`/api/applicants/${a.id}/unseal-requests`, {
      reason: '法院调查令（2026）川0812协字第3号',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect((await supervisor.post(`/api/applicants/${a.id}/unseal-requests`, { reason: '重复申请' })).statusCode).toBe(
      409,
    );
    expect(
      (await supervisor.post(`/api/privacy/unseal-requests/${json(req).id}/decision`, { approve: true })).statusCode,
    ).toBe(403);
    const pending = json(await secadmin.get('/api/privacy/unseal-requests?status=pending'));
    expect(pending.items.map((r: { id: string }) => r.id)).toContain(json(req).id);
    const ok = await secadmin.post(`/api/privacy/unseal-requests/${json(req).id}/decision`, {
      approve: true,
      note: '核验调查令属实',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toMatchObject({ status: 'approved', decidedBy: '吴敏' });
    expect(
      (await secadmin.post(`/api/privacy/unseal-requests/${json(req).id}/decision`, { approve: false })).statusCode,
    ).toBe(409);
    const back = json(await clerk.get(`/api/applicants/${a.id}`));
    expect(back).toMatchObject({ sealed: false, name: '周封存', phone: '137****0010', address: '青川县乔庄镇' });
    expect(
      json(await clerk.post('/api/applicants/search', { q: '13712340010' })).items.map((x: { id: string }) => x.id),
    ).toEqual([a.id]);
    expect(json(await supervisor.get(`/api/applicants/${a.id}/personal`))).toMatchObject({
      docNumber: a.docNumber,
      phone: '13712340010',
    });
    expect(JSON.parse((await auditOf('applicant.unseal', a.id))[0]!.detail!)).toMatchObject({
      reason: '法院调查令（2026）川0812协字第3号',
      note: '核验调查令属实',
    });
  });

  it('keeps a sealed file sealed when the security administrator rejects the request', async () => {
    const a = await applicant('吴拒绝', '13712340020');
    expect((await supervisor.post(`/api/applicants/${a.id}/seal`, { reason: '已注销' })).statusCode).toBe(200);
    const req = json(await supervisor.post(`/api/applicants/${a.id}/unseal-requests`, { reason: '想看看' }));
    const no = await secadmin.post(`/api/privacy/unseal-requests/${req.id}/decision`, {
      approve: false,
      note: '理由不充分',
    });
    expect(json(no).status).toBe('rejected');
    expect(json(await clerk.get(`/api/applicants/${a.id}`))).toMatchObject({ sealed: true, name: '已封存' });
    expect(await auditOf('applicant.unseal_reject', a.id)).toHaveLength(1);
  });
});

describe('the retention purge', () => {
  it('anonymises applicants with no activity for N years and no open case, and old closed consultations, audited with counts', async () => {
    const idle = await applicant('郑久远', '13712340030');
    const busy = await applicant('王在办', '13712340031');
    const c = json(
      await clerk.post('/api/intake/acceptances', { itemId, applicantId: busy.id, windowId, materials: complete() }),
    );
    expect(c.state).toBe('in_process');
    await clerk.post('/api/consultations', {
      hallId,
      channel: 'visit',
      personName: '郑久远',
      contactPhone: '13712340030',
      question: '旧咨询',
      answer: '已当场答复',
    });
    hall.clock.advance(4 * 366 * 24 * 3600_000);
    clerk = await signedIn(hall.app, 'clerk');
    supervisor = await signedIn(hall.app, 'supervisor');
    const recent = await applicant('新来的', '13712340032');

    const dry = await purgePersonalData(hall.ctx, { years: 3, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(json(await clerk.get(`/api/applicants/${idle.id}`)).name).toBe('郑久远');
    const result = await purgePersonalData(hall.ctx, { years: 3 });
    expect(result.applicants).toBe(dry.applicants);
    expect(result.applicants).toBeGreaterThanOrEqual(1);
    expect(result.consultations).toBeGreaterThanOrEqual(1);

    expect(json(await clerk.get(`/api/applicants/${idle.id}`))).toMatchObject({
      name: '已匿名',
      phone: '',
      docNumber: '',
      address: '',
    });
    expect(json(await supervisor.get(`/api/applicants/${idle.id}/personal`))).toMatchObject({
      docNumber: '',
      phone: '',
    });
    expect(json(await clerk.post('/api/applicants/search', { q: idle.docNumber })).items).toEqual([]);
    // An open case keeps its applicant; so does recent activity.
    expect(json(await clerk.get(`/api/applicants/${busy.id}`)).name).toBe('王在办');
    expect(json(await clerk.get(`/api/applicants/${recent.id}`)).name).toBe('新来的');
    const consults = json(await clerk.get('/api/consultations?q=旧咨询')).items;
    expect(consults[0]).toMatchObject({ personName: '已匿名', contactPhone: '' });
    // The same number can be registered again as a new file.
    const again = await clerk.post('/api/applicants', {
      hallId,
      kind: 'person',
      name: '郑久远',
      docType: 'resident_id',
      docNumber: idle.docNumber,
      phone: '13712340030',
    });
    expect(again.statusCode).toBe(201);
    const audit = await auditOf('privacy.purge');
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({
      years: 3,
      applicants: result.applicants,
      consultations: result.consultations,
    });
    // Run again: nothing more to do.
    expect(await purgePersonalData(hall.ctx, { years: 3 })).toMatchObject({ applicants: 0, consultations: 0 });
  });
});
