/**
 * 事件推送: which case moves machine clients hear of, how a push is signed, and when a failed push is tried again.
 * Pure: no I/O (node:crypto only computes).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The event types an endpoint may subscribe to, with the hall's name for each. */
export const webhookEventTypes = {
  'case.accepted': '受理',
  'case.step_finished': '办理环节完成',
  'case.suspended': '暂停计时',
  'case.resumed': '恢复计时',
  'case.completed': '办结',
  'case.withdrawn': '撤回',
  'case.delivered': '结果送达',
} as const;
export type WebhookEventType = keyof typeof webhookEventTypes;
export const caseEventTypes = Object.keys(webhookEventTypes) as WebhookEventType[];
/** The test push an administrator sends by hand; never subscribed to, always delivered to the one endpoint. */
export const TEST_EVENT = 'webhook.test';

/** The trail actions (cases/trail.ts) that a client hears of; every other move stays inside the hall. */
const byAction: Record<string, WebhookEventType> = {
  acceptCase: 'case.accepted',
  acceptWithDeferredMaterials: 'case.accepted',
  finishStep: 'case.step_finished',
  passReview: 'case.step_finished',
  approve: 'case.step_finished',
  deny: 'case.step_finished',
  suspendClock: 'case.suspended',
  resumeClock: 'case.resumed',
  complete: 'case.completed',
  withdraw: 'case.withdrawn',
  registerCollection: 'case.delivered',
  registerMailing: 'case.delivered',
};

export const webhookEventOf = (action: string): WebhookEventType | null => byAction[action] ?? null;

/**
 * The wait after the n-th failed try: 1 min, 5 min, 30 min, 2 h, 12 h. After the try that follows the last wait
 * fails, the delivery is 失败 and waits for 重新发送.
 */
export const retrySchedule = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const;
export const maxAttempts = retrySchedule.length + 1;

export type DeliveryOutcome =
  | { state: 'delivered' }
  | { state: 'failed' }
  | { state: 'retrying'; nextAttemptAt: number };

/** What a delivery becomes after its `attempts`-th try (counted from 1) ended `ok` or not at `now`. */
export function afterDeliveryAttempt(ok: boolean, attempts: number, now: number): DeliveryOutcome {
  if (ok) return { state: 'delivered' };
  const wait = retrySchedule[attempts - 1];
  if (wait === undefined) return { state: 'failed' };
  return { state: 'retrying', nextAttemptAt: now + wait };
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` under the endpoint's secret. */
export function signWebhook(secret: string, unixSeconds: number, rawBody: string): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * What a receiver does: recompute the HMAC and compare in constant time, refusing a timestamp further than
 * `toleranceSeconds` from its own clock (a replayed old push). Kept here so the docs' example and the tests agree.
 */
export function verifyWebhook(
  secret: string,
  header: string,
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const expected = signWebhook(secret, t, rawBody).slice(`t=${t},v1=`.length);
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(v1, 'hex'));
}

/** Why an endpoint address is refused, or null: https, or plain http to this machine only (a local relay, tests). */
export function endpointUrlProblem(url: string): { zh: string; en: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { zh: '推送地址不是有效的网址', en: 'The address is not a valid URL' };
  }
  if (u.username || u.password)
    return { zh: '推送地址不能包含用户名或密码', en: 'The address must not carry a user name or password' };
  if (u.protocol === 'https:') return null;
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  if (u.protocol === 'http:' && local) return null;
  return {
    zh: '推送地址须使用 https（仅本机地址 127.0.0.1 / localhost 可用 http）',
    en: 'The address must use https (http only for 127.0.0.1 or localhost)',
  };
}

/** A person's name as lists show it (王**); an enterprise's name is public and stays whole. */
export const maskedName = (name: string, kind: string) => (kind === 'enterprise' ? name : `${name.slice(0, 1)}**`);

export interface CaseFacts {
  id: string;
  hallId: string;
  caseNo: string | null;
  itemCode: string | null;
  itemName: string;
  applicantName: string;
  applicantKind: string;
  deadline: string | null;
  acceptedAt: number | null;
}

/** The JSON a client receives: the case as the hall lists it, never a personal number. */
export function casePayload(
  eventId: string,
  type: WebhookEventType,
  at: number,
  c: CaseFacts,
  move: { to: string; statusLabel: string; detail?: Record<string, unknown> | undefined },
) {
  const step = typeof move.detail?.['step'] === 'string' ? { name: move.detail['step'] } : undefined;
  const outcome = typeof move.detail?.['outcome'] === 'string' ? move.detail['outcome'] : undefined;
  return {
    id: eventId,
    type,
    occurredAt: new Date(at).toISOString(),
    hallId: c.hallId,
    case: {
      id: c.id,
      caseNo: c.caseNo,
      itemCode: c.itemCode,
      itemName: c.itemName,
      status: move.to,
      statusLabel: move.statusLabel,
      applicant: maskedName(c.applicantName, c.applicantKind),
      acceptedAt: c.acceptedAt === null ? null : new Date(c.acceptedAt).toISOString(),
      deadline: c.deadline,
      ...(step ? { step } : {}),
      ...(outcome ? { outcome } : {}),
    },
  };
}
