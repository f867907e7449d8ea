import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { multipartFile } from '../../../test/multipart.ts';

let hall: TestHall;
let head: Session;
let hallId: string;
let itemId: string;
let materialKey: string;
let materialName: string;
const anonymous = () => new Session(hall.app);

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);

const upload = (key: string, kind: string, file: { bytes: Buffer; filename: string }, s = head) => {
  const f = multipartFile(file);
  return s.request('PUT', `/api/catalog/items/${itemId}/materials/${key}/files/${kind}`, f.body, f.headers);
};
const publicFile = (key: string, kind: string) =>
  anonymous().get(`/api/public/guide/${itemId}/materials/${key}/files/${kind}`);

beforeAll(async () => {
  hall = await buildTestHall();
  head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  // A copy of a published demo item, so that this file's drafts and publications touch no other test's item.
  const some = json(await head.get(`/api/catalog/items?hallId=${hallId}&status=published`)).items[0];
  const { content } = json(await head.get(`/api/catalog/items/${some.id}`));
  const created = await head.post('/api/catalog/items', { hallId, code: 'FORMS-1', content });
  itemId = json(created).id;
  await head.post(`/api/catalog/items/${itemId}/publish`);
  materialKey = content.materials[0].key;
  materialName = content.materials[0].name;
});
afterAll(() => hall.close());

describe('blank forms and samples of a material (空白表格、填写样例)', () => {
  it('an upload opens a draft; the public sees the form only once the draft is published', async () => {
    const res = await upload(materialKey, 'blank_form', { bytes: PDF, filename: '申请表（空白）.pdf' });
    expect(res.statusCode, res.body).toBe(200);
    const { version, files } = json(res);
    expect(version).toBe(2);
    expect(files).toEqual([
      expect.objectContaining({ materialKey, kind: 'blank_form', name: '申请表（空白）.pdf', size: PDF.length }),
    ]);
    const detail = json(await head.get(`/api/catalog/items/${itemId}`));
    expect(detail).toMatchObject({ draftVersion: 2, materialFilesVersion: 2 });
    expect(detail.materialFiles).toHaveLength(1);

    expect(json(await anonymous().get(`/api/public/guide/${itemId}`)).materialFiles).toEqual([]);
    expect((await publicFile(materialKey, 'blank_form')).statusCode).toBe(404);

    await head.post(`/api/catalog/items/${itemId}/publish`);
    const guide = json(await anonymous().get(`/api/public/guide/${itemId}`));
    expect(guide.materialFiles.map((f: { kind: string }) => f.kind)).toEqual(['blank_form']);
    const download = await publicFile(materialKey, 'blank_form');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('申请表（空白）.pdf')}`);
    expect(disposition.startsWith('attachment;')).toBe(true);
  });

  it('a sample is a separate file; a new draft keeps the published files until one is replaced', async () => {
    const res = await upload(materialKey, 'sample', { bytes: DOCX, filename: '样例.docx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res).version).toBe(3);
    expect(json(res).files.map((f: { kind: string; contentType: string }) => [f.kind, f.contentType])).toEqual([
      ['blank_form', 'application/pdf'],
      ['sample', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    // The public still has only the form of version 2.
    expect((await publicFile(materialKey, 'sample')).statusCode).toBe(404);
    expect((await publicFile(materialKey, 'blank_form')).statusCode).toBe(200);

    // Taking the form off the draft leaves the published one in place until the draft is published.
    const removed = await head.request(
      'DELETE',
      `/api/catalog/items/${itemId}/materials/${materialKey}/files/blank_form`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(json(removed).files.map((f: { kind: string }) => f.kind)).toEqual(['sample']);
    expect((await publicFile(materialKey, 'blank_form')).statusCode).toBe(200);
    await head.post(`/api/catalog/items/${itemId}/publish`);
    expect((await publicFile(materialKey, 'blank_form')).statusCode).toBe(404);
    expect((await publicFile(materialKey, 'sample')).statusCode).toBe(200);

    const audit = await hall.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', itemId)
      .where('action', 'like', 'catalog.material_file.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'catalog.material_file.remove',
      'catalog.material_file.upload',
      'catalog.material_file.upload',
    ]);
  });

  it('a file whose name is only an extension is named after the material and the kind', async () => {
    const res = await upload(materialKey, 'blank_form', { bytes: PDF, filename: '.pdf' });
    expect(res.statusCode, res.body).toBe(200);
    const form = json(res).files.find((f: { kind: string }) => f.kind === 'blank_form');
    expect(form.name).toBe(`${materialName}（空白表格）.pdf`);
  });

  it('refuses what is not a form, an unknown material, and anyone without the catalogue right', async () => {
    const exe = await upload(materialKey, 'blank_form', { bytes: Buffer.from('MZ\x90\x00'), filename: '表.pdf' });
    expect(exe.statusCode).toBe(400);
    expect(json(exe)).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(json(exe).message).toContain('PDF');
    const unknown = await upload('no-such', 'sample', { bytes: PDF, filename: 'a.pdf' });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).field).toBe('materialKey');
    const badKind = await upload(materialKey, 'photo', { bytes: PDF, filename: 'a.pdf' });
    expect(badKind.statusCode).toBe(400);
    const clerk = await signedIn(hall.app, 'clerk');
    expect((await upload(materialKey, 'sample', { bytes: PDF, filename: 'a.pdf' }, clerk)).statusCode).toBe(403);
    expect((await upload(materialKey, 'sample', { bytes: PDF, filename: 'a.pdf' }, anonymous())).statusCode).toBe(401);
  });
});
