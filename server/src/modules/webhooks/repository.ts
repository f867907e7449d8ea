import type { Insertable, Selectable } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import type {
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
} from '../../platform/db/tables-webhooks.ts';
import { claimLeased, finishLeased } from '../../platform/outbox.ts';

export type EndpointRow = Selectable<WebhookEndpointTable>;
export type DeliveryRow = Selectable<WebhookDeliveryTable>;
export type AttemptRow = Selectable<WebhookAttemptTable>;

export const insertEndpoint = (db: Db, row: Insertable<WebhookEndpointTable>) =>
  db.insertInto('webhook_endpoints').values(row).execute();

export const updateEndpoint = (db: Db, id: string, patch: Partial<EndpointRow>) =>
  db.updateTable('webhook_endpoints').set(patch).where('id', '=', id).execute();

export const findEndpoint = (db: Db, id: string) =>
  db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();

/** Every endpoint, oldest first; a hall keeps a handful, so the halls are matched in the service. */
export const allEndpoints = (db: Db) =>
  db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();

export const activeEndpoints = (db: Db) =>
  db.selectFrom('webhook_endpoints').selectAll().where('active', '=', 1).execute();

export const insertDeliveries = (db: Db, rows: Insertable<WebhookDeliveryTable>[]) =>
  rows.length ? db.insertInto('webhook_deliveries').values(rows).execute() : Promise.resolve([]);

export const findDelivery = (db: Db, id: string) =>
  db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();

export const updateDelivery = (db: Db, id: string, patch: Partial<DeliveryRow>) =>
  db.updateTable('webhook_deliveries').set(patch).where('id', '=', id).execute();

export interface DeliveryFilter {
  endpointId: string;
  state?: string | undefined;
}

function filtered(db: Db, f: DeliveryFilter) {
  let q = db.selectFrom('webhook_deliveries').where('endpoint_id', '=', f.endpointId);
  if (f.state) q = q.where('state', '=', f.state);
  return q;
}

export async function listDeliveries(db: Db, f: DeliveryFilter, page: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    filtered(db, f)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export const attemptsOf = (db: Db, deliveryIds: string[]) =>
  deliveryIds.length === 0
    ? Promise.resolve([] as AttemptRow[])
    : db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', 'in', deliveryIds)
        .orderBy('at')
        .orderBy('id')
        .execute();

export const insertAttempt = (db: Db, row: Insertable<WebhookAttemptTable>) =>
  db.insertInto('webhook_attempts').values(row).execute();

const outbox = { table: 'webhook_deliveries', dueStates: ['pending', 'retrying'] } as const;

/** Takes up to `limit` due deliveries, with their endpoint's address and secret, until `leaseUntil`. */
export async function claimDue(trx: Db, dialect: Dialect, now: number, leaseUntil: number, limit: number) {
  const ids = await claimLeased(trx, dialect, outbox, now, leaseUntil, limit);
  if (ids.length === 0) return [];
  return trx
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .selectAll('webhook_deliveries')
    .select(['webhook_endpoints.url', 'webhook_endpoints.secret_enc', 'webhook_endpoints.active'])
    .where('webhook_deliveries.id', 'in', ids)
    .orderBy('webhook_deliveries.next_attempt_at')
    .orderBy('webhook_deliveries.id')
    .execute();
}
export type ClaimedDelivery = Awaited<ReturnType<typeof claimDue>>[number];

/** Records the outcome of a try, only if this worker still holds the lease it took. */
export const finishAttempt = (trx: Db, id: string, leaseUntil: number, patch: Partial<DeliveryRow>) =>
  finishLeased(trx, outbox, id, leaseUntil, patch);
