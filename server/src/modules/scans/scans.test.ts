import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';
import { multipartFile, PDF, PNG } from '../../../test/multipart.ts';

let hall: TestHall;
let clerk: Session;
let handler: Session;
let hallId: string;
let itemId: string;
let dataDir: string;
beforeAll(async () => {
  hall = await buildTestHall();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-scans-'));
  (hall.ctx.config as { dataDir: string }).dataDir = dataDir;
  clerk = await signedIn(hall.app, 'clerk');
  handler = await signedIn(hall.app, 'handler');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'SCAN-01');
});
afterAll(async () => {
  await hall.close();
  await rm(dataDir, { recursive: true, force: true });
});

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake jpeg body')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const form = multipartFile;

const upload = (
  s: Session,
  caseId: string,
  key: string,
  file: Parameters<typeof form>[0],
  headers: Record<string, string> = {},
) => {
  const f = form(file);
  // Uploads one second apart, so their order on the record is the order they were made.
  hall.clock.advance(1000);
  return s.request('POST', `/api/cases/${caseId}/materials/${key}/scans`, f.body, { ...f.headers, ...headers });
};

async function acceptedCase() {
  const applicantId = await person(clerk, hallId);
  const res = await clerk.post('/api/intake/acceptances', { itemId, applicantId, materials: complete() });
  if (res.statusCode !== 201) throw new Error(res.body);
  return json(res).id as string;
}

const auditOf = (caseId: string, action: string) =>
  hall.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('target_id', '=', caseId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
const rowsOf = (caseId: string) =>
  hall.ctx.db.selectFrom('case_scans').selectAll().where('case_id', '=', caseId).execute();

describe('uploading a scan of a material', () => {
  it('takes PDF, JPEG and PNG by content, stores them 0600 beside the case, on the trail and audit log', async () => {
    const caseId = await acceptedCase();
    const pdf = await upload(clerk, caseId, 'form', { bytes: PDF, filename: '申请书.pdf', type: 'application/pdf' });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(json(pdf)).toMatchObject({
      contentType: 'application/pdf',
      name: '申请书.pdf',
      size: PDF.length,
      sha256: sha(PDF),
      duplicate: false,
    });
    // The browser's claim and the name do not decide the type; the bytes do.
    const jpeg = await upload(clerk, caseId, 'licence', {
      bytes: JPEG,
      filename: 'licence.pdf',
      type: 'application/pdf',
    });
    expect(jpeg.statusCode, jpeg.body).toBe(201);
    expect(json(jpeg)).toMatchObject({
      contentType: 'image/jpeg',
      name: 'licence.pdf.jpg',
      materialName: '营业执照复印件',
    });
    const png = await upload(clerk, caseId, 'photo', { bytes: PNG, filename: 'IMG_0001.PNG', type: 'image/png' });
    expect(json(png)).toMatchObject({ contentType: 'image/png', name: 'IMG_0001.PNG', uploadedBy: '张伟' });

    const dir = path.join(dataDir, 'files', caseId, 'scans');
    expect((await readdir(dir)).sort()).toEqual([sha(PDF), sha(JPEG), sha(PNG)].sort());
    for (const b of [PDF, JPEG, PNG]) {
      expect(await readFile(path.join(dir, sha(b)))).toEqual(b);
      expect((await stat(path.join(dir, sha(b)))).mode & 0o777).toBe(0o600);
    }
    const audit = await auditOf(caseId, 'case.scan_upload');
    expect(audit.map((a) => JSON.parse(a.detail ?? '{}').sha256)).toEqual([sha(PDF), sha(JPEG), sha(PNG)]);
    expect(audit.every((a) => a.username === 'clerk')).toBe(true);
    const c = json(await handler.get(`/api/cases/${caseId}`));
    expect(c.events.filter((e: any) => e.action === 'attachScan').map((e: any) => e.detail.note)).toEqual([
      '变更申请书：申请书.pdf',
      '营业执照复印件：licence.pdf.jpg',
      '经营场所照片：IMG_0001.PNG',
    ]);
  });

  it('refuses a text file named .pdf, an empty file, a missing part: 400 naming file, nothing written', async () => {
    const caseId = await acceptedCase();
    const text = await upload(clerk, caseId, 'form', {
      bytes: Buffer.from('just some text, not a PDF'),
      filename: 'scan.pdf',
      type: 'application/pdf',
    });
    expect(text.statusCode).toBe(400);
    expect(json(text)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(json(text).message).toContain('PDF');
    const en = await upload(
      clerk,
      caseId,
      'form',
      { bytes: Buffer.from('GIF89a'), filename: 'a.gif' },
      { 'accept-language': 'en' },
    );
    expect(json(en)).toMatchObject({
      code: 'VALIDATION',
      field: 'file',
      message: 'The content is not a PDF, JPEG or PNG file',
    });
    const empty = await upload(clerk, caseId, 'form', { bytes: Buffer.alloc(0), filename: 'empty.png' });
    expect(json(empty)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    const wrongField = await upload(clerk, caseId, 'form', { bytes: PNG, filename: 'a.png', field: 'upload' });
    expect(json(wrongField)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    const notMultipart = await clerk.post(`/api/cases/${caseId}/materials/form/scans`, { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(json(notMultipart)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(await rowsOf(caseId)).toEqual([]);
    expect(await auditOf(caseId, 'case.scan_upload')).toEqual([]);
  });

  it('refuses a file over the limit with 413 {code,message,field}', async () => {
    const caseId = await acceptedCase();
    // Larger than the 2 MB of any JSON body, within the 20 MB of a scan.
    const threeMb = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]);
    expect((await upload(clerk, caseId, 'licence', { bytes: threeMb, filename: 'three.pdf' })).statusCode).toBe(201);
    const config = hall.ctx.config as { scanMaxBytes: number };
    const before = config.scanMaxBytes;
    config.scanMaxBytes = 1024 * 1024;
    try {
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
      const res = await upload(clerk, caseId, 'form', { bytes: big, filename: 'big.pdf' });
      expect(res.statusCode).toBe(413);
      expect(json(res)).toEqual({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('1 MB'), field: 'file' });
      const justUnder = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length)]);
      expect((await upload(clerk, caseId, 'form', { bytes: justUnder, filename: 'ok.pdf' })).statusCode).toBe(201);
    } finally {
      config.scanMaxBytes = before;
    }
    expect((await rowsOf(caseId)).map((r) => r.display_name).sort()).toEqual(['ok.pdf', 'three.pdf']);
  });

  it('has a configurable limit, 20 MB by default', () => {
    expect(loadConfig({}).scanMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ SCAN_MAX_MB: '5' }).scanMaxBytes).toBe(5 * 1024 * 1024);
    expect(() => loadConfig({ SCAN_MAX_MB: 'lots' })).toThrow(/SCAN_MAX_MB/);
    expect(() => loadConfig({ SCAN_MAX_MB: '0' })).toThrow(/SCAN_MAX_MB/);
  });

  it('keeps only a display name: no folders, no control characters, not over-long', async () => {
    const caseId = await acceptedCase();
    const res = await upload(clerk, caseId, 'form', { bytes: PNG, filename: '..\\..\\etc/pass\u0007wd\u202egnp.png' });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).name).toBe('passwdgnp.png');
    const long = await upload(clerk, caseId, 'licence', { bytes: PDF, filename: `${'很长的文件名'.repeat(40)}.pdf` });
    expect([...json(long).name].length).toBe(100);
    expect(json(long).name.endsWith('.pdf')).toBe(true);
    expect(await readdir(path.join(dataDir, 'files', caseId, 'scans'))).toEqual(
      expect.arrayContaining([sha(PNG), sha(PDF)]),
    );
  });

  it('stores a retried upload once: the same bytes for the same material answer with the first scan', async () => {
    const caseId = await acceptedCase();
    const first = await upload(clerk, caseId, 'form', { bytes: PDF, filename: 'a.pdf' });
    const again = await upload(clerk, caseId, 'form', { bytes: PDF, filename: 'a (1).pdf' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toMatchObject({ id: json(first).id, name: 'a.pdf', duplicate: true });
    // The same Idempotency-Key replays the answer.
    const key = { 'idempotency-key': 'scan-retry-0001' };
    const k1 = await upload(clerk, caseId, 'licence', { bytes: JPEG, filename: 'l.jpg' }, key);
    const k2 = await upload(clerk, caseId, 'licence', { bytes: JPEG, filename: 'l.jpg' }, key);
    expect(k1.statusCode).toBe(201);
    expect(k2.statusCode).toBe(201);
    expect(k2.headers['idempotent-replay']).toBe('true');
    expect(json(k2).id).toBe(json(k1).id);
    // Concurrent retries still make one record.
    const burst = await Promise.all(
      [1, 2, 3].map(() => upload(clerk, caseId, 'photo', { bytes: PNG, filename: 'p.png' })),
    );
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    // The same bytes for another material are another scan, but one file on disk.
    const other = await upload(clerk, caseId, 'photo', { bytes: PDF, filename: 'a.pdf' });
    expect(other.statusCode).toBe(201);
    const rows = await rowsOf(caseId);
    expect(rows.map((r) => `${r.material_key}:${r.display_name}`).sort()).toEqual([
      'form:a.pdf',
      'licence:l.jpg',
      'photo:a.pdf',
      'photo:p.png',
    ]);
    expect(
      (await readdir(path.join(dataDir, 'files', caseId, 'scans'))).filter((f) => !f.endsWith('.tmp')).sort(),
    ).toEqual([sha(PDF), sha(JPEG), sha(PNG)].sort());
    expect(await auditOf(caseId, 'case.scan_upload')).toHaveLength(4);
  });

  it('takes scans of received checklist materials only, from reception staff, while the case is open', async () => {
    const caseId = await acceptedCase();
    const na = await upload(clerk, caseId, 'poa', { bytes: PNG, filename: 'poa.png' });
    expect(na.statusCode).toBe(400);
    expect(json(na)).toMatchObject({ field: 'materialKey' });
    expect(json(na).message).toContain('授权委托书');
    expect(json(await upload(clerk, caseId, 'nope', { bytes: PNG, filename: 'x.png' }))).toMatchObject({
      field: 'materialKey',
    });
    expect((await upload(handler, caseId, 'form', { bytes: PNG, filename: 'x.png' })).statusCode).toBe(403);
    expect((await clerk.post(`/api/cases/${caseId}/withdraw`, { reason: '申请人撤回' })).statusCode).toBe(200);
    const closed = await upload(clerk, caseId, 'form', { bytes: PNG, filename: 'x.png' });
    expect(closed.statusCode).toBe(409);
    expect(json(await clerk.get(`/api/cases/${caseId}/scans`)).canUpload).toBe(false);
  });
});

describe('the back office sees and reads the scans', () => {
  it('lists them by material; every read is audited with who read which scan', async () => {
    const caseId = await acceptedCase();
    const pdf = json(await upload(clerk, caseId, 'form', { bytes: PDF, filename: '申请书.pdf' }));
    const png = json(await upload(clerk, caseId, 'form', { bytes: PNG, filename: '申请书第2页.png' }));
    const list = json(await handler.get(`/api/cases/${caseId}/scans`));
    expect(list.canUpload).toBe(false);
    expect(list.maxBytes).toBe(20 * 1024 * 1024);
    expect(list.materials.map((m: any) => [m.key, m.status, m.scans.map((s: any) => s.name)])).toEqual([
      ['form', 'received', ['申请书.pdf', '申请书第2页.png']],
      ['licence', 'received', []],
      ['poa', 'not_applicable', []],
      ['photo', 'received', []],
    ]);
    expect(json(await clerk.get(`/api/cases/${caseId}/scans`)).canUpload).toBe(true);

    const view = await handler.get(`/api/cases/${caseId}/scans/${png.id}/content`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/png');
    expect(view.headers['content-disposition']).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('申请书第2页.png')}`,
    );
    expect(view.headers['x-content-type-options']).toBe('nosniff');
    expect(view.rawPayload).toEqual(PNG);
    const dl = await handler.get(`/api/cases/${caseId}/scans/${pdf.id}/content?download=1`);
    expect(dl.headers['content-disposition']).toMatch(/^attachment; /);
    expect(dl.rawPayload).toEqual(PDF);
    const reads = await auditOf(caseId, 'case.scan_read');
    expect(
      reads.map((a) => [a.username, JSON.parse(a.detail ?? '{}').scanId, JSON.parse(a.detail ?? '{}').download]),
    ).toEqual([
      ['handler', png.id, false],
      ['handler', pdf.id, true],
    ]);
  });

  it('answers a changed or lost file with 409 INTEGRITY_FAILURE, audited, never the bytes', async () => {
    const caseId = await acceptedCase();
    const scan = json(await upload(clerk, caseId, 'licence', { bytes: JPEG, filename: 'l.jpg' }));
    const file = path.join(dataDir, 'files', caseId, 'scans', scan.sha256);
    await writeFile(file, Buffer.concat([JPEG, Buffer.from('tampered')]));
    const res = await handler.get(`/api/cases/${caseId}/scans/${scan.id}/content`);
    expect(res.statusCode).toBe(409);
    expect(json(res)).toMatchObject({ code: 'INTEGRITY_FAILURE' });
    expect(json(res).message).toContain('l.jpg');
    await rm(file);
    const lost = await handler.get(`/api/cases/${caseId}/scans/${scan.id}/content?download=1`);
    expect(lost.statusCode).toBe(409);
    const failures = await auditOf(caseId, 'case.scan_integrity');
    expect(failures.map((a) => [a.outcome, a.username, JSON.parse(a.detail ?? '{}').problem])).toEqual([
      ['failure', 'handler', 'mismatch'],
      ['failure', 'handler', 'missing'],
    ]);
    expect(await auditOf(caseId, 'case.scan_read')).toEqual([]);
    // Uploading the same file again puts the good copy back.
    expect((await upload(clerk, caseId, 'licence', { bytes: JPEG, filename: 'l.jpg' })).statusCode).toBe(200);
    expect((await handler.get(`/api/cases/${caseId}/scans/${scan.id}/content`)).rawPayload).toEqual(JPEG);
  });

  it('is not there for staff of another hall (404) or a scan of another case (404)', async () => {
    const caseId = await acceptedCase();
    const otherCase = await acceptedCase();
    const scan = json(await upload(clerk, caseId, 'form', { bytes: PDF, filename: 'a.pdf' }));
    const town = await signedIn(hall.app, 'town_clerk');
    expect((await town.get(`/api/cases/${caseId}/scans`)).statusCode).toBe(404);
    expect((await town.get(`/api/cases/${caseId}/scans/${scan.id}/content`)).statusCode).toBe(404);
    expect((await upload(town, caseId, 'form', { bytes: PNG, filename: 'x.png' })).statusCode).toBe(404);
    expect((await handler.get(`/api/cases/${otherCase}/scans/${scan.id}/content`)).statusCode).toBe(404);
    expect(await auditOf(caseId, 'case.scan_read')).toEqual([]);
  });

  it('files the scans in the archive record', async () => {
    const caseId = await acceptedCase();
    await upload(clerk, caseId, 'form', { bytes: PDF, filename: '申请书.pdf' });
    await upload(clerk, caseId, 'photo', { bytes: PNG, filename: '门头.png' });
    // The way to 送达 is the back office's; here the case is put there directly.
    await hall.ctx.db.updateTable('cases').set({ state: 'delivered' }).where('id', '=', caseId).execute();
    const res = await clerk.post(`/api/cases/${caseId}/archive`, { paperYears: 10 });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).manifest.scans.map((s: any) => [s.material, s.name, s.contentType, s.sha256])).toEqual([
      ['变更申请书', '申请书.pdf', 'application/pdf', sha(PDF)],
      ['经营场所照片', '门头.png', 'image/png', sha(PNG)],
    ]);
    expect((await upload(clerk, caseId, 'form', { bytes: JPEG, filename: 'late.jpg' })).statusCode).toBe(409);
  });
});
