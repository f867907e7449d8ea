import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestHall, json, type Session, signedIn, type TestHall } from '../../../test/helpers.ts';
import { complete, person, publishedItem } from '../../../test/intake-fixtures.ts';

// An Idempotency-Key on a multipart upload is held against the parts themselves (a keyed hash of names, file names
// and bytes; the random boundary is not part of it): the same file again replays the first answer, another file
// under the same key is refused and stored nowhere.
let hall: TestHall;
let clerk: Session;
let hallId: string;
let itemId: string;
let dataDir: string;
beforeAll(async () => {
  hall = await buildTestHall();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ow-idem-mp-'));
  (hall.ctx.config as { dataDir: string }).dataDir = dataDir;
  clerk = await signedIn(hall.app, 'clerk');
  const head = await signedIn(hall.app, 'head');
  hallId = json(await head.get('/api/auth/me')).halls[0].id;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id;
  itemId = await publishedItem(head, hallId, departmentId, 'IDEM-MP');
});
afterAll(async () => {
  await hall.close();
  await rm(dataDir, { recursive: true, force: true });
});

const png = (body: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(body)]);

function upload(caseId: string, bytes: Buffer, filename: string, key: string) {
  const boundary = `----owidem${Math.random().toString(16).slice(2)}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    'Content-Type: image/png\r\n\r\n';
  const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  hall.clock.advance(1000);
  return clerk.request('POST', `/api/cases/${caseId}/materials/form/scans`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': key,
  });
}

async function acceptedCase() {
  const applicantId = await person(clerk, hallId);
  const res = await clerk.post('/api/intake/acceptances', { itemId, applicantId, materials: complete() });
  if (res.statusCode !== 201) throw new Error(res.body);
  return json(res).id as string;
}
const scansOf = (caseId: string) =>
  hall.ctx.db.selectFrom('case_scans').select(['id', 'sha256']).where('case_id', '=', caseId).execute();

describe('Idempotency-Key on a multipart upload', () => {
  it('replays the first answer for the same file, and refuses a different file under the same key', async () => {
    const caseId = await acceptedCase();
    const first = await upload(caseId, png('page one'), 'p1.png', 'upload-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    // The same file again (a new boundary, as a browser's retry makes): the first answer, nothing stored twice.
    const retry = await upload(caseId, png('page one'), 'p1.png', 'upload-key-0001');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replay']).toBe('true');
    expect(json(retry).id).toBe(json(first).id);
    // Another file under the same key is not the same request: refused, not replayed, not stored.
    const other = await upload(caseId, png('page two'), 'p1.png', 'upload-key-0001');
    expect(other.statusCode).toBe(422);
    expect(json(other)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
    expect(other.headers['idempotent-replay']).toBeUndefined();
    const renamed = await upload(caseId, png('page one'), 'renamed.png', 'upload-key-0001');
    expect(renamed.statusCode).toBe(422);
    expect(await scansOf(caseId)).toHaveLength(1);
    // Under a new key the second file is stored as its own scan.
    const fresh = await upload(caseId, png('page two'), 'p2.png', 'upload-key-0002');
    expect(fresh.statusCode).toBe(201);
    expect(json(fresh).id).not.toBe(json(first).id);
    expect(await scansOf(caseId)).toHaveLength(2);
  });

  it('keeps only a keyed hash of the parts in the store, never the bytes', async () => {
    const caseId = await acceptedCase();
    const secret = png('secret-bytes-in-the-scan');
    expect((await upload(caseId, secret, 's.png', 'upload-key-0003')).statusCode).toBe(201);
    const row = await hall.ctx.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'response_body'])
      .where('key', '=', 'upload-key-0003')
      .executeTakeFirstOrThrow();
    expect(row.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.response_body).not.toContain('secret-bytes');
  });
});
