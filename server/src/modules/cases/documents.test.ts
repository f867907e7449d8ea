import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelText } from '../../platform/pdf/model.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, marks, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { documentModel } from './documents/index.ts';

let hall: TestHall;
let clerk: Session;
let hallId: string;
let itemId: string;
beforeAll(async () => {
  hall = await buildTestHall();
  clerk = await signedIn(hall.app, 'clerk');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'DOC-1');
});
afterAll(() => hall.close());

async function receive(materials = complete()) {
  const applicantId = await person(clerk, hallId, { name: '周明', phone: '13700001234' });
  return json(await clerk.post('/api/intake/receptions', { itemId, applicantId, materials }));
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

async function pdfOf(caseId: string, docId: string) {
  const res = await clerk.get(`/api/cases/${caseId}/documents/${docId}/pdf`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = res.rawPayload;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
  return pdf;
}

async function modelOf(docId: string) {
  const d = await hall.ctx.db
    .selectFrom('case_documents')
    .selectAll()
    .where('id', '=', docId)
    .executeTakeFirstOrThrow();
  const h = await hall.ctx.db.selectFrom('halls').selectAll().where('id', '=', d.hall_id).executeTakeFirstOrThrow();
  return modelText(await documentModel(d.kind as never, h, d.doc_no, d.content));
}

describe('printed documents', () => {
  it('prints the receipt with the case number, the materials with copies and pages, the dates, the handler and the progress link', async () => {
    const c = json(await clerk.post(`/api/cases/${(await receive()).id}/accept`));
    const receipt = c.documents.find((d: any) => d.kind === 'receipt');
    await pdfOf(c.id, receipt.id);
    const text = await modelOf(receipt.id);
    expect(text).toContain(c.caseNo);
    expect(text).toContain(receipt.docNo);
    expect(text).toContain('变更申请书');
    expect(text).toContain('营业执照复印件\n复印件\n1\n3');
    expect(text).toContain('2026年3月9日');
    expect(text).toContain('张伟');
    expect(text).toContain(`http://localhost:3000/progress?no=${c.caseNo}`);
    expect(text).toContain('青川县政务服务中心');
    // Personal numbers are printed masked.
    expect(text).toContain('137****1234');
    expect(text).not.toContain('13700001234');
  });

  it('prints the one-time notice, the notice of non-acceptance and the 容缺 promise letter', async () => {
    const n = await receive(
      marks({ licence: { status: 'missing', copies: 0, pages: 0 }, form: { status: 'incorrect', reason: '未签名' } }),
    );
    const noticed = json(await clerk.post(`/api/cases/${n.id}/one-time-notice`, { note: '可先电话预约' }));
    const notice = noticed.documents[0];
    await pdfOf(n.id, notice.id);
    const noticeText = await modelOf(notice.id);
    expect(noticeText).toContain('一次性告知书');
    expect(noticeText).toMatch(/变更申请书\n不符合要求\n未签名/);
    expect(noticeText).toContain('营业执照复印件\n缺少');
    expect(noticeText).toContain('2026年3月9日');

    const r = await receive();
    const refused = json(
      await clerk.post(`/api/cases/${r.id}/refuse`, {
        reasons: '不属于本中心受理范围',
        referral: '请到县自然资源局办理',
      }),
    );
    await pdfOf(r.id, refused.documents[0].id);
    const refusalText = await modelOf(refused.documents[0].id);
    expect(refusalText).toContain('不属于本中心受理范围');
    expect(refusalText).toContain('请到县自然资源局办理');

    const d = await receive(marks({ licence: { status: 'missing', copies: 0, pages: 0 } }));
    const deferred = json(
      await clerk.post(`/api/cases/${d.id}/accept-deferred`, { promiseSigned: true, supplementDeadline: '2026-03-06' }),
    );
    const letter = deferred.documents.find((x: any) => x.kind === 'deferral_promise');
    await pdfOf(d.id, letter.id);
    const letterText = await modelOf(letter.id);
    expect(letterText).toContain('营业执照复印件');
    expect(letterText).toContain('2026年3月6日');
    expect(letterText).toContain(deferred.caseNo);
  });

  it('does not serve another case’s document or another hall’s', async () => {
    const a = json(await clerk.post(`/api/cases/${(await receive()).id}/accept`));
    const b = json(await clerk.post(`/api/cases/${(await receive()).id}/accept`));
    expect((await clerk.get(`/api/cases/${a.id}/documents/${b.documents[0].id}/pdf`)).statusCode).toBe(404);
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get(`/api/cases/${a.id}/documents/${a.documents[0].id}/pdf`)).statusCode).toBe(404);
  });
});
