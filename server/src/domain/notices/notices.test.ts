import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  backoffMs,
  eventDefinitions,
  noticeEvents,
  redactPersonalNumbers,
  renderTemplate,
  unknownPlaceholders,
} from './index.ts';

describe('notice templates', () => {
  it('fills the variables and leaves unknown placeholders as written', () => {
    expect(renderTemplate('{applicantName}您好，办件{caseNo}，{other}', { applicantName: '张三', caseNo: 'A-1' })).toBe(
      '张三您好，办件A-1，{other}',
    );
  });

  it('never lets a full ID number or an unmasked mobile number through', () => {
    const out = renderTemplate('证件{id}，电话{phone}', { id: '11010519491231002X', phone: '13812345678' });
    expect(out).toBe('证件1101**********002X，电话138****5678');
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{16}[\dX]$/),
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.string(),
        (id, phone, text) => {
          const rendered = renderTemplate(`{text}${'，'}{id}${'，'}{phone}`, { text, id, phone });
          expect(rendered.includes(id)).toBe(false);
          expect(rendered.includes(phone)).toBe(false);
        },
      ),
    );
  });

  it('keeps ordinary numbers (case numbers, dates) as they are', () => {
    expect(redactPersonalNumbers('办件SP-2026-000123，2026-12-03前')).toBe('办件SP-2026-000123，2026-12-03前');
  });

  it('every default template uses only its own variables, and legal events are marked', () => {
    for (const e of noticeEvents) {
      const d = eventDefinitions[e];
      expect(unknownPlaceholders(d.subject + d.body, d.variables)).toEqual([]);
    }
    expect(eventDefinitions.accepted.legal).toBe(true);
    expect(eventDefinitions.survey_invitation.legal).toBe(false);
  });
});

describe('retries', () => {
  it('backs off doubling from 30 s up to one hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
  });

  it('a failed try is due again later, until the last try flags it failed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.nat(), (n, max, now) => {
        const r = afterAttempt(false, n, now, max);
        if (n >= max) expect(r.state).toBe('failed');
        else {
          expect(r.state).toBe('pending');
          if (r.state === 'pending') {
            expect(r.nextAttemptAt).toBeGreaterThan(now);
            expect(r.nextAttemptAt - now).toBeLessThanOrEqual(3_600_000);
            expect(r.nextAttemptAt - now).toBeGreaterThanOrEqual(backoffMs(n - 1 || 1) - (n === 1 ? 0 : 0));
          }
        }
        expect(afterAttempt(true, n, now, max).state).toBe('sent');
      }),
    );
  });

  it('the wait never shrinks from one try to the next', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), (n) => backoffMs(n + 1) >= backoffMs(n)));
  });
});
