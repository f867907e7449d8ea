import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedCase, hall, hallId, itemId, ok, s, withBackofficeHall } from '../../../test/backoffice-fixtures.ts';
import { json, signedIn } from '../../../test/helpers.ts';
import { complete, person } from '../../../test/intake-fixtures.ts';
import { fileEndedCases } from './filing-service.ts';

withBackofficeHall();

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archive-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

async function received(name = '王建国') {
  hall.clock.advance(1000);
  const applicantId = await person(s.clerk, hallId, { name });
  const res = await s.clerk.post('/api/intake/receptions', { itemId, applicantId, materials: complete() });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return json(res);
}

/** Moves the clock on and signs everyone in again (sessions time out while the clock jumps). */
async function later(ms: number) {
  hall.clock.advance(ms);
  for (const n of Object.keys(s) as (keyof typeof s)[]) s[n] = await signedIn(hall.app, n);
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

async function fileOfCase(caseId: string) {
  const list = json(await s.supervisor.get(`/api/archives?hallId=${hallId}&pageSize=500`));
  return list.items.find((f: { caseId: string }) => f.caseId === caseId);
}

describe('archive files of ended cases', { timeout: 120_000 }, () => {
  it('a refused case is filed when it is refused, numbered in its category', async () => {
    const r = await received('不予受理测试人');
    await ok(
      await s.clerk.post(`/api/cases/${r.id}/refuse`, { reasons: '不属于本机关职权范围', referral: '县民政局' }),
    );
    const f = await fileOfCase(r.id);
    expect(f).toMatchObject({
      outcome: 'not_accepted',
      categoryCode: 'BS',
      confidentiality: 'internal',
      status: 'held',
    });
    expect(f.archiveNo).toMatch(/-BS-2026-\d{4}$/);
    expect(f.paperYears).toBeGreaterThanOrEqual(5);
    expect(f.electronicUntil).toBeNull();
    const detail = await ok(await s.clerk.get(`/api/archives/${f.id}`));
    expect(detail.contents.map((c: { title: string }) => c.title)).toContain('不予受理通知书');
    expect(detail.trail.at(-1).toState).toBe('not_accepted');
  });

  it('a withdrawn case waits in the pending list and gets its file from the sweep or at once', async () => {
    const a = await received('撤回一');
    const b = await received('撤回二');
    for (const c of [a, b]) await ok(await s.clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '申请人主动撤回' }));
    const pending = await ok(await s.supervisor.get(`/api/archives/pending?hallId=${hallId}`));
    expect(pending.items.map((p: { caseId: string }) => p.caseId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect((await s.clerk.post('/api/archives/pending/file', { caseId: a.id })).statusCode).toBe(403);
    const filed = await ok(await s.supervisor.post('/api/archives/pending/file', { caseId: a.id }));
    expect(filed.file).toMatchObject({ outcome: 'ended', categoryCode: 'CZ', caseId: a.id });
    // Filing again keeps the one file.
    const again = await ok(await s.supervisor.post('/api/archives/pending/file', { caseId: a.id }));
    expect(again.file.archiveNo).toBe(filed.file.archiveNo);
    expect((await fileEndedCases(hall.ctx, [hallId])).filed).toBeGreaterThanOrEqual(1);
    expect((await fileOfCase(b.id))?.outcome).toBe('ended');
    const after = await ok(await s.supervisor.get(`/api/archives/pending?hallId=${hallId}`));
    expect(after.total).toBe(0);
    // An open case is not filed.
    const open = await received('未结束');
    const refused = await s.supervisor.post('/api/archives/pending/file', { caseId: open.id });
    expect(refused.statusCode).toBe(409);
  });

  it('50 concurrent filings take 档号 without gaps or duplicates', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const c = await received(`并发${i}`);
      await ok(await s.clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '撤回' }));
      ids.push(c.id);
    }
    const before = json(await s.supervisor.get(`/api/archives?hallId=${hallId}&pageSize=500`)).items.filter(
      (f: { categoryCode: string }) => f.categoryCode === 'CZ',
    ).length;
    const results = await Promise.all(ids.map((caseId) => s.supervisor.post('/api/archives/pending/file', { caseId })));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const all = json(await s.supervisor.get(`/api/archives?hallId=${hallId}&pageSize=500`)).items.filter(
      (f: { categoryCode: string; year: number }) => f.categoryCode === 'CZ' && f.year === 2026,
    );
    const seqs = all.map((f: { seq: number }) => f.seq).sort((x: number, y: number) => x - y);
    expect(seqs).toEqual(Array.from({ length: before + 50 }, (_, i) => i + 1));
    expect(new Set(all.map((f: { archiveNo: string }) => f.archiveNo)).size).toBe(all.length);
  });

  it('search finds a file by case number, applicant and year; its 卷内目录 prints as an A4 PDF', async () => {
    const c = await acceptedCase();
    await ok(await s.clerk.post(`/api/cases/${c.id}/withdraw`, { reason: '申请人主动撤回' }));
    await ok(await s.supervisor.post('/api/archives/pending/file', { caseId: c.id }));
    const found = await ok(await s.clerk.get(`/api/archives?caseNo=${encodeURIComponent(c.caseNo)}`));
    expect(found.total).toBe(1);
    const f = found.items[0];
    expect(f).toMatchObject({ caseId: c.id, outcome: 'ended', applicantName: '韩梅梅' });
    const byApplicant = await ok(await s.clerk.get(`/api/archives?applicant=${encodeURIComponent('韩梅')}&year=2026`));
    expect(byApplicant.items.map((x: { caseId: string }) => x.caseId)).toContain(c.id);
    const byNo = await ok(await s.clerk.get(`/api/archives?archiveNo=${encodeURIComponent(f.archiveNo)}`));
    expect(byNo.items.map((x: { id: string }) => x.id)).toEqual([f.id]);
    expect((await ok(await s.clerk.get('/api/archives?year=2031'))).total).toBe(0);

    const detail = await ok(await s.clerk.get(`/api/archives/${f.id}`));
    const docs = json(await s.clerk.get(`/api/cases/${c.id}`)).documents as { docNo: string; kindLabel: string }[];
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(detail.contents.map((x: { ref: string }) => x.ref)).toContain(d.docNo);
    const res = await s.clerk.get(`/api/archives/${f.id}/contents.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('卷内目录');
    expect(text).toContain(f.archiveNo);
    expect(text).toContain(c.caseNo);
    for (const d of docs) expect(text).toContain(d.kindLabel);
    expect(text).toContain('办件流转记录');
    // 一企一档: the applicant's cases with their 档号.
    const ent = await ok(await s.clerk.get(`/api/archives/enterprises/${f.applicantId}`));
    expect(ent.cases.find((x: { id: string }) => x.id === c.id)?.archiveNo).toBe(f.archiveNo);
  });
});

describe('borrowing', { timeout: 60_000 }, () => {
  it('a confidential file needs the station head; the supervisor may approve an internal one', async () => {
    const r = await received('借阅测试');
    await ok(await s.clerk.post(`/api/cases/${r.id}/refuse`, { reasons: '材料不符合要求' }));
    const f = await fileOfCase(r.id);
    const bad = await s.clerk.post(`/api/archives/${f.id}/loans`, { purpose: '', medium: 'paper', days: 3 });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'VALIDATION', field: 'purpose' });

    const internal = await ok(
      await s.clerk.post(`/api/archives/${f.id}/loans`, { purpose: '复核办件', medium: 'paper', days: 3 }),
      201,
    );
    expect(internal).toMatchObject({ levelNeeded: 1, status: 'requested' });
    const approvedInternal = await ok(
      await s.supervisor.post(`/api/archives/loans/${internal.id}/decide`, { approve: true }),
    );
    expect(approvedInternal.status).toBe('approved');
    const lent = await ok(await s.supervisor.post(`/api/archives/loans/${internal.id}/lend`));
    expect(lent.status).toBe('lent');
    expect(lent.dueDay > '2026-03-02').toBe(true);
    expect((await ok(await s.clerk.get(`/api/archives/${f.id}`))).file.status).toBe('lent');
    // Return check: a shortfall needs its description.
    const noNote = await s.supervisor.post(`/api/archives/loans/${internal.id}/return`, {
      complete: false,
      undamaged: true,
    });
    expect(noNote.statusCode).toBe(409);
    const back = await ok(
      await s.supervisor.post(`/api/archives/loans/${internal.id}/return`, { complete: true, undamaged: true }),
    );
    expect(back).toMatchObject({ status: 'returned', returnComplete: true, returnUndamaged: true });

    await ok(await s.supervisor.post(`/api/archives/${f.id}/classify`, { confidentiality: 'confidential' }));
    const secret = await ok(
      await s.clerk.post(`/api/archives/${f.id}/loans`, { purpose: '行政复议调卷', medium: 'electronic', days: 2 }),
      201,
    );
    expect(secret.levelNeeded).toBe(2);
    const bySupervisor = await s.supervisor.post(`/api/archives/loans/${secret.id}/decide`, { approve: true });
    expect(bySupervisor.statusCode).toBe(403);
    expect(json(bySupervisor).code).toBe('APPROVAL_LEVEL');
    expect((await s.clerk.post(`/api/archives/loans/${secret.id}/decide`, { approve: true })).statusCode).toBe(403);
    await ok(await s.head.post(`/api/archives/loans/${secret.id}/decide`, { approve: true, note: '同意' }));

    // The electronic loan: a view link for the borrower only, watermarked, for two hours.
    expect((await s.head.post(`/api/archives/loans/${secret.id}/view-link`)).statusCode).toBe(403);
    const link = await ok(await s.clerk.post(`/api/archives/loans/${secret.id}/view-link`));
    const view = await s.clerk.get(link.url);
    expect(view.statusCode).toBe(200);
    const text = pdfText(view.rawPayload);
    expect(text).toContain('卷内目录');
    // The watermark repeats the viewer's name and 仅供借阅使用 over the page (rotated, so read as single characters).
    const plain = pdfText((await s.clerk.get(`/api/archives/${f.id}/contents.pdf`)).rawPayload);
    const me = json(await s.clerk.get('/api/auth/me')).displayName as string;
    expect(count(text, me.slice(-1))).toBeGreaterThan(count(plain, me.slice(-1)) + 3);
    expect(count(text, '阅')).toBeGreaterThan(count(plain, '阅') + 3);
    expect((await s.supervisor.get(link.url)).statusCode).toBe(404);
    await later(2 * 3600_000 + 1000);
    expect((await s.clerk.get(link.url)).statusCode).toBe(410);

    const events = (await ok(await s.clerk.get(`/api/archives/${f.id}`))).events.map(
      (e: { action: string }) => e.action,
    );
    expect(events).toEqual(
      expect.arrayContaining(['file', 'loan.request', 'loan.approved', 'loan.lend', 'loan.return', 'classify']),
    );
  });

  it('an overdue paper loan is listed and reminded', async () => {
    const r = await received('逾期测试');
    await ok(await s.clerk.post(`/api/cases/${r.id}/refuse`, { reasons: '材料不符合要求' }));
    const f = await fileOfCase(r.id);
    const l = await ok(
      await s.clerk.post(`/api/archives/${f.id}/loans`, { purpose: '核对', medium: 'paper', days: 1 }),
      201,
    );
    expect((await s.supervisor.post(`/api/archives/loans/${l.id}/remind`)).statusCode).toBe(409);
    await ok(await s.supervisor.post(`/api/archives/loans/${l.id}/decide`, { approve: true }));
    await ok(await s.supervisor.post(`/api/archives/loans/${l.id}/lend`));
    await later(10 * 86_400_000);
    const overdue = await ok(await s.supervisor.get(`/api/archives/loans?hallId=${hallId}&overdue=true`));
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(l.id);
    const reminded = await ok(await s.supervisor.post(`/api/archives/loans/${l.id}/remind`));
    expect(reminded).toMatchObject({ overdue: true, reminders: 1 });
    const board = await ok(await s.supervisor.get(`/api/supervision/board?hallId=${hallId}`));
    expect(board.overdueLoans.find((x: { loanId: string }) => x.loanId === l.id)).toMatchObject({
      archiveNo: f.archiveNo,
      reminders: 1,
    });
    // The clerk sees only their own requests.
    const mine = await ok(await s.handler.get('/api/archives/loans'));
    expect(mine.items.every((x: { borrowerName: string }) => x.borrowerName !== l.borrowerName)).toBe(true);
  });
});

describe('the scheme and disposal', () => {
  it('keeps paper at least 5 years', async () => {
    const res = await s.supervisor.put('/api/archives/scheme', {
      hallId,
      code: 'TS',
      name: '特殊类',
      outcome: 'completed',
      paperYears: 3,
      confidentiality: 'secret',
    });
    expect(res.statusCode).toBe(400);
    expect(json(res).field).toBe('paperYears');
    const saved = await ok(
      await s.supervisor.put('/api/archives/scheme', {
        hallId,
        code: 'TS',
        name: '特殊类',
        outcome: 'completed',
        itemId: 'nonexistent-item',
        paperYears: 30,
        confidentiality: 'secret',
      }),
    );
    expect(saved.items.map((c: { code: string }) => c.code)).toEqual(['BJ', 'BS', 'CZ', 'TS']);
  });

  it('a disposal without approval is refused; approved by the station head it is carried out and registered', async () => {
    const r = await received('销毁测试');
    await ok(await s.clerk.post(`/api/cases/${r.id}/refuse`, { reasons: '材料不符合要求' }));
    const f = await fileOfCase(r.id);
    const early = await s.supervisor.post('/api/archives/disposals', { hallId, fileIds: [f.id], opinion: '到期' });
    expect(early.statusCode).toBe(400);
    expect(json(early).field).toBe('fileIds.0');
    await later(6 * 366 * 86_400_000);
    const due = await ok(await s.supervisor.get(`/api/archives/disposal/due?hallId=${hallId}`));
    expect(due.items.map((x: { id: string }) => x.id)).toContain(f.id);
    const d = await ok(
      await s.supervisor.post('/api/archives/disposals', { hallId, fileIds: [f.id], opinion: '保管期满，无保存价值' }),
      201,
    );
    const refused = await s.supervisor.post(`/api/archives/disposals/${d.id}/execute`, { method: '碎纸' });
    expect(refused.statusCode).toBe(409);
    expect(json(refused).code).toBe('DISPOSAL_NOT_APPROVED');
    expect((await ok(await s.clerk.get(`/api/archives/${f.id}`))).file.status).toBe('disposal_pending');
    expect((await s.supervisor.post(`/api/archives/disposals/${d.id}/decide`, { approve: true })).statusCode).toBe(403);
    await ok(await s.head.post(`/api/archives/disposals/${d.id}/decide`, { approve: true, note: '同意销毁' }));
    const done = await ok(await s.supervisor.post(`/api/archives/disposals/${d.id}/execute`, { method: '碎纸' }));
    expect(done).toMatchObject({ status: 'executed', method: '碎纸' });
    expect((await ok(await s.clerk.get(`/api/archives/${f.id}`))).file.status).toBe('paper_disposed');
    const register = await ok(await s.clerk.get(`/api/archives/disposals?hallId=${hallId}`));
    expect(register.items[0].files[0].id).toBe(f.id);
  });
});
