import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterDeliveryAttempt,
  casePayload,
  endpointUrlProblem,
  maxAttempts,
  retrySchedule,
  signWebhook,
  verifyWebhook,
  webhookEventOf,
} from './index.ts';

describe('the push signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> under the secret', () => {
    const body = '{"id":"e1","type":"case.accepted"}';
    const v1 = createHmac('sha256', 'whsec_x').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('whsec_x', 1_700_000_000, body)).toBe(`t=1700000000,v1=${v1}`);
  });

  it('verifies for the same secret and body, and for no other body, secret or stale time', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
        (secret, body, other, t) => {
          const header = signWebhook(secret, t, body);
          expect(verifyWebhook(secret, header, body, t + 10)).toBe(true);
          if (other !== body) expect(verifyWebhook(secret, header, other, t)).toBe(false);
          if (other !== secret) expect(verifyWebhook(other, header, body, t)).toBe(false);
          expect(verifyWebhook(secret, header, body, t + 301)).toBe(false);
        },
      ),
    );
  });

  it('refuses a malformed header', () => {
    for (const h of ['', 't=1', 'v1=ab', 't=x,v1=00', `t=1,v1=${'g'.repeat(64)}`])
      expect(verifyWebhook('s', h, '{}', 1)).toBe(false);
  });
});

describe('the retry schedule', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    expect(retrySchedule.map((ms) => ms / 60_000)).toEqual([1, 5, 30, 120, 720]);
    expect(maxAttempts).toBe(retrySchedule.length + 1);
  });

  it('is delivered on success, retried with a growing wait, failed after the last try', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: maxAttempts + 3 }), fc.integer({ min: 0, max: 2e12 }), (n, now) => {
        expect(afterDeliveryAttempt(true, n, now)).toEqual({ state: 'delivered' });
        const next = afterDeliveryAttempt(false, n, now);
        if (n >= maxAttempts) expect(next).toEqual({ state: 'failed' });
        else {
          expect(next).toEqual({ state: 'retrying', nextAttemptAt: now + retrySchedule[n - 1]! });
          if (n > 1) expect(retrySchedule[n - 1]!).toBeGreaterThan(retrySchedule[n - 2]!);
        }
      }),
    );
  });
});

describe('endpoint addresses', () => {
  it('take https anywhere and http only on this machine', () => {
    for (const ok of ['https://gov.example.cn/hook', 'http://127.0.0.1:8080/x', 'http://localhost/x'])
      expect(endpointUrlProblem(ok), ok).toBeNull();
    for (const bad of ['http://gov.example.cn/hook', 'ftp://127.0.0.1/', 'not a url', 'https://u:p@gov.example.cn/'])
      expect(endpointUrlProblem(bad), bad).not.toBeNull();
  });
});

describe('case events', () => {
  it('map the trail actions clients hear of and no others', () => {
    expect(webhookEventOf('acceptCase')).toBe('case.accepted');
    expect(webhookEventOf('finishStep')).toBe('case.step_finished');
    expect(webhookEventOf('registerMailing')).toBe('case.delivered');
    expect(webhookEventOf('claimStep')).toBeNull();
    expect(webhookEventOf('attachScan')).toBeNull();
  });

  it('carry a person’s name masked and an enterprise’s whole', () => {
    const facts = {
      id: 'c1',
      hallId: 'h1',
      caseNo: 'QC-2026-000001',
      itemCode: 'SC-001',
      itemName: '食品经营许可',
      applicantName: '韩梅梅',
      applicantKind: 'person',
      deadline: '2026-03-09',
      acceptedAt: 0,
    };
    const p = casePayload('e1', 'case.accepted', 0, facts, { to: 'accepted', statusLabel: '已受理' });
    expect(p.case.applicant).toBe('韩**');
    expect(JSON.stringify(p)).not.toContain('梅梅');
    const e = casePayload(
      'e1',
      'case.accepted',
      0,
      { ...facts, applicantKind: 'enterprise', applicantName: '青川食品有限公司' },
      {
        to: 'accepted',
        statusLabel: '已受理',
      },
    );
    expect(e.case.applicant).toBe('青川食品有限公司');
  });
});
