/**
 * Key rotation (`npm run keys:rotate-pii`): a new key is added and made active, then every encrypted value is
 * re-encrypted and every blind index recomputed under it, in batches, each batch one transaction. An update is
 * guarded by the ciphertext it read, so a value changed by a running server meanwhile is left for the next pass.
 */
import { appendAudit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { type KeyFile, newKey, writeKeyFile } from '../../platform/pii/keys.ts';
import { installPiiKeys, type KeyRing, pii } from '../../platform/pii/index.ts';
import { KeyRing as Ring } from '../../platform/pii/keys.ts';
import { piiFields } from '../../platform/pii/protect.ts';
import { NOTICE_RECIPIENT_FIELD } from '../notices/service.ts';
import { SECRET_FIELD as WEBHOOK_SECRET_FIELD } from '../webhooks/service.ts';
import * as repo from './repository.ts';

/** Every encrypted column: its field name (bound into the ciphertext) and the blind index kept beside it. */
export const encryptedColumns: repo.EncryptedColumn[] = [
  {
    table: 'applicants',
    column: 'doc_number_enc',
    field: piiFields.applicantDoc,
    index: { column: 'doc_number_index', kind: 'id' },
  },
  {
    table: 'applicants',
    column: 'phone_enc',
    field: piiFields.applicantPhone,
    index: { column: 'phone_index', kind: 'phone' },
  },
  { table: 'applicants', column: 'sealed_data', field: piiFields.applicantSealed },
  {
    table: 'consultations',
    column: 'contact_phone_enc',
    field: piiFields.consultationPhone,
    index: { column: 'contact_phone_index', kind: 'phone' },
  },
  { table: 'case_deliveries', column: 'id_doc_number_enc', field: piiFields.deliveryDoc },
  { table: 'users', column: 'phone_enc', field: piiFields.staffPhone },
  { table: 'applicant_events', column: 'detail', field: piiFields.applicantEvent, json: 'personal' },
  {
    table: 'appointments',
    column: 'id_number_enc',
    field: piiFields.appointmentId,
    index: { column: 'id_number_index', kind: 'id' },
  },
  {
    table: 'appointments',
    column: 'phone_enc',
    field: piiFields.appointmentPhone,
    index: { column: 'phone_index', kind: 'phone' },
  },
  { table: 'prereview_applications', column: 'doc_number_enc', field: piiFields.prereviewDoc },
  { table: 'prereview_applications', column: 'phone_enc', field: piiFields.prereviewPhone },
  // A complainant's name, phone and email; the phone or email a notice went to; a webhook's signing secret.
  { table: 'complaints', column: 'name_enc', field: piiFields.complaintName },
  { table: 'complaints', column: 'phone_enc', field: piiFields.complaintPhone },
  { table: 'complaints', column: 'email_enc', field: piiFields.complaintEmail },
  { table: 'notices', column: 'recipient_enc', field: NOTICE_RECIPIENT_FIELD },
  { table: 'webhook_endpoints', column: 'secret_enc', field: WEBHOOK_SECRET_FIELD },
];

const nextKeyId = (file: KeyFile) =>
  `k${Math.max(0, ...file.keys.map((k) => Number(k.id.replace(/^k/, '')) || 0)) + 1}`;

export interface RotationResult {
  keyId: string;
  previous: string;
  reencrypted: Record<string, number>;
  passes: number;
}

/** Re-encrypts every value not yet under the active key; returns how many per column. */
export async function reencryptAll(
  ctx: AppContext,
  ring: KeyRing,
  batch = 500,
): Promise<{ counts: Record<string, number>; passes: number }> {
  const counts: Record<string, number> = {};
  let passes = 0;
  // Passes until one finds nothing left: values written meanwhile by a node still on the old ring are caught.
  for (let moved = 1; moved > 0 && passes < 10; passes++) {
    moved = 0;
    for (const col of encryptedColumns) {
      const name = `${col.table}.${col.column}`;
      let after = '';
      for (;;) {
        const rows = await repo.encryptedRows(ctx.db, col, after, batch);
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.id;
        const updates = rows.flatMap((r) => {
          const next = reencryptValue(ring, col, r);
          return next ? [next] : [];
        });
        if (updates.length) {
          const n = await ctx.db.transaction().execute((trx) => repo.applyReencrypted(trx, col, updates));
          counts[name] = (counts[name] ?? 0) + n;
          moved += n;
        }
        if (rows.length < batch) break;
      }
    }
  }
  return { counts, passes };
}

function reencryptValue(ring: KeyRing, col: repo.EncryptedColumn, r: repo.EncryptedRow): repo.Reencrypted | null {
  if (r.value === null || r.value === '') return null;
  if (col.json) {
    const doc = JSON.parse(r.value) as Record<string, unknown>;
    const inner = doc[col.json];
    if (typeof inner !== 'string' || ring.keyOf(inner) === ring.active.id) return null;
    const plain = ring.decrypt(col.field, r.id, inner);
    return {
      id: r.id,
      old: r.value,
      value: JSON.stringify({ ...doc, [col.json]: ring.encrypt(col.field, r.id, plain) }),
    };
  }
  if (ring.keyOf(r.value) === ring.active.id) return null;
  const plain = ring.decrypt(col.field, r.id, r.value);
  // A cleared index (a sealed phone, a purged file) stays cleared: it must not find the row again.
  const keepIndex = col.index && r.index && !r.index.startsWith('purged:');
  return {
    id: r.id,
    old: r.value,
    value: ring.encrypt(col.field, r.id, plain),
    ...(keepIndex ? { index: ring.index(col.index!.kind, plain) } : {}),
  };
}

/**
 * Adds a key, makes it active, waits for running nodes to read the new file (they look every few seconds),
 * then moves every value to it. The old keys stay in the file so older backups remain readable.
 */
export async function rotatePiiKeys(
  ctx: AppContext,
  keyFile: string,
  opts: { waitMs?: number; batch?: number } = {},
): Promise<RotationResult> {
  const before = pii();
  const file: KeyFile = structuredClone(before.file);
  const keyId = nextKeyId(file);
  file.keys.push(newKey(keyId));
  file.active = keyId;
  writeKeyFile(keyFile, file);
  const ring = new Ring(file);
  installPiiKeys(ring, keyFile);
  if (opts.waitMs) await new Promise((r) => setTimeout(r, opts.waitMs));
  const { counts, passes } = await reencryptAll(ctx, ring, opts.batch);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: now,
      userId: null,
      username: 'keys:rotate-pii',
      action: 'pii.rotate_keys',
      targetType: 'pii_key',
      targetId: keyId,
      outcome: 'success',
      detail: { previous: before.active.id, keyId, reencrypted: counts },
    }),
  );
  return { keyId, previous: before.active.id, reencrypted: counts, passes };
}
