import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinceNames } from './common.ts';
import {
  creditCheckChar,
  creditCodeCharset,
  organisationCheckChar,
  registrationAuthorities,
  validateCreditCode,
} from './credit-code.ts';
import { documentTypeCodes, documentTypes, validateDocument } from './documents.ts';
import { mod112CheckChar, validateResidentId } from './resident-id.ts';

const today = '2025-06-30';

/** A citizen number with its check character computed here, not copied from anywhere. */
function residentId(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  return body + mod112CheckChar(body);
}

/** A credit code with both check characters computed here. */
function creditCode(regType: string, area: string, orgBody: string): string {
  const body = `${regType}${area}${orgBody}${organisationCheckChar(orgBody)}`;
  return body + creditCheckChar(body);
}

describe('resident ID (GB 11643)', () => {
  it('accepts the standard’s own example and reads birth date and sex', () => {
    expect(validateResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('accepts computed numbers, a lower-case x, spaces and full-width digits', () => {
    const male = residentId('440305', '19900307', '123');
    expect(validateResidentId(male, today)).toMatchObject({ ok: true, birthDate: '1990-03-07', sex: 'male' });
    expect(validateResidentId('11010519491231002x', today)).toMatchObject({
      ok: true,
      normalised: '11010519491231002X',
    });
    expect(validateResidentId(` ${male.slice(0, 6)} ${male.slice(6)} `, today)).toMatchObject({
      ok: true,
      normalised: male,
    });
    const fullWidth = [...male].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(validateResidentId(fullWidth, today)).toMatchObject({ ok: true, normalised: male });
    expect(validateResidentId(residentId('650102', '20000229', '002'), today)).toMatchObject({ ok: true });
    expect(validateResidentId(residentId('110105', '20250630', '001'), today)).toMatchObject({ ok: true });
  });

  it('names each failure', () => {
    const reason = (n: string) => {
      const r = validateResidentId(n, today);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('11010519491231002')).toBe('length');
    expect(reason('110105194912310021X')).toBe('length');
    expect(reason('1101051949123100XX')).toBe('characters');
    expect(reason('11010519491231002Y')).toBe('characters');
    expect(reason(residentId('910105', '19900101', '001'))).toBe('area');
    expect(reason(residentId('010105', '19900101', '001'))).toBe('area');
    expect(reason(residentId('190105', '19900101', '001'))).toBe('area'); // 19 is no province
    expect(reason(residentId('110105', '19900230', '001'))).toBe('birth_date');
    expect(reason(residentId('110105', '19000229', '001'))).toBe('birth_date'); // 1900 was not a leap year
    expect(reason(residentId('110105', '20250701', '001'))).toBe('birth_date'); // tomorrow
    expect(reason('440524188001010014')).toBe('birth_date'); // GB 11643's 1880 example: before 1900
    expect(reason('110105194912310021')).toBe('check_digit');
  });

  it('speaks to the clerk in Chinese and English', () => {
    const r = validateResidentId('110105194912310021', today);
    expect(r).toMatchObject({ ok: false, zh: '身份证号码校验位不正确，请核对' });
    expect(r.ok ? '' : r.en).toMatch(/check character/);
  });

  it('refuses a malformed today as a programming error', () => {
    expect(() => validateResidentId('11010519491231002X', '2025-02-30')).toThrow();
  });

  const provinces = Object.keys(provinceNames);
  const validId = fc
    .record({
      province: fc.constantFrom(...provinces),
      rest: fc.stringMatching(/^\d{4}$/),
      born: fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date(`${today}T00:00:00Z`),
        noInvalidDate: true,
      }),
      seq: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ province, rest, born, seq }) =>
      residentId(`${province}${rest}`, born.toISOString().slice(0, 10).replaceAll('-', ''), seq),
    );

  it('accepts every generated number', () => {
    fc.assert(fc.property(validId, (n) => validateResidentId(n, today).ok));
  });

  it('catches every single-character substitution', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(validId, fc.nat(17), fc.constantFrom(...alphabet), (n, i, c) => {
        fc.pre(n[i] !== c);
        const changed = n.slice(0, i) + c + n.slice(i + 1);
        expect(validateResidentId(changed, today).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts the standard’s example and computed codes', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      normalised: '91350100M000100Y43',
      authority: '工商',
      organisationType: '企业',
      areaCode: '350100',
      organisationCode: 'M000100Y4',
    });
    for (const c of [
      creditCode('92', '440305', 'MA5ELPB9'),
      creditCode('51', '110108', '50000012'),
      creditCode('11', '100000', '00001338'),
      creditCode('N2', '330106', 'MF000001'),
      creditCode('Y1', '650102', '0A1B2C3D'),
    ]) {
      expect(validateCreditCode(c)).toMatchObject({ ok: true, normalised: c });
    }
    expect(validateCreditCode(' 91350100m000100y43 ')).toMatchObject({ ok: true });
  });

  it('names each failure', () => {
    const reason = (c: string) => {
      const r = validateCreditCode(c);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('91350100M000100Y4')).toBe('length');
    expect(reason('91350100M000100I43')).toBe('characters');
    expect(reason('91350100M000100S43')).toBe('characters');
    expect(reason(creditCode('94', '350100', 'M000100Y'))).toBe('registration_type');
    expect(reason(creditCode('B1', '350100', 'M000100Y'))).toBe('registration_type');
    expect(reason(creditCode('Y2', '350100', 'M000100Y'))).toBe('registration_type');
    expect(reason(creditCode('91', '990100', 'M000100Y'))).toBe('area');
    expect(reason(creditCode('91', '3501A0', 'M000100Y'))).toBe('area');
    expect(reason('91350100M000100Y53')).toBe('organisation_code');
    expect(reason('91350100M000100Y44')).toBe('check_digit');
    expect(validateCreditCode('91350100M000100Y44')).toMatchObject({ zh: '统一社会信用代码校验位不正确，请核对' });
  });

  const chars = [...creditCodeCharset];
  const regTypes = Object.entries(registrationAuthorities).flatMap(([a, r]) => Object.keys(r.types).map((t) => a + t));
  const validCode = fc
    .record({
      regType: fc.constantFrom(...regTypes),
      province: fc.constantFrom(...Object.keys(provinceNames)),
      rest: fc.stringMatching(/^\d{4}$/),
      orgBody: fc.array(fc.constantFrom(...chars), { minLength: 8, maxLength: 8 }).map((a) => a.join('')),
    })
    .map(({ regType, province, rest, orgBody }) => creditCode(regType, province + rest, orgBody));

  it('accepts every generated code', () => {
    fc.assert(fc.property(validCode, (c) => validateCreditCode(c).ok));
  });

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.constantFrom(...chars, 'I', 'O', 'Z', 'S', 'V'), (code, i, c) => {
        fc.pre(code[i] !== c);
        expect(validateCreditCode(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('documents a hall accepts', () => {
  it('lists every type once, with a Chinese label', () => {
    expect(documentTypes.map((d) => d.code)).toEqual([...documentTypeCodes]);
    expect(documentTypes.every((d) => d.zh.length > 0)).toBe(true);
    expect(documentTypes.find((d) => d.code === 'credit_code')?.holder).toBe('organisation');
  });

  it('runs the full checks for the national numbers', () => {
    expect(validateDocument('resident_id', '11010519491231002X', today)).toMatchObject({ ok: true, sex: 'female' });
    expect(validateDocument('resident_id', '110105194912310021', today)).toMatchObject({ reason: 'check_digit' });
    expect(validateDocument('credit_code', '91350100M000100Y43', today)).toMatchObject({ ok: true });
    expect(validateDocument('credit_code', '91350100M000100Y44', today)).toMatchObject({ reason: 'check_digit' });
  });

  it('checks residence permits and the 2023 permanent residence ID like citizen numbers', () => {
    expect(validateDocument('residence_permit', residentId('810000', '19851111', '015'), today)).toMatchObject({
      ok: true,
      sex: 'male',
    });
    expect(validateDocument('residence_permit', residentId('440305', '19851111', '015'), today)).toMatchObject({
      reason: 'area',
    });
    const pr = residentId('931156', '19800515', '001');
    expect(validateDocument('foreign_permanent_residence_id', pr, today)).toEqual({
      ok: true,
      normalised: pr,
      birthDate: '1980-05-15',
    });
    expect(
      validateDocument('foreign_permanent_residence_id', `${pr.slice(0, 17)}${pr[17] === '0' ? '1' : '0'}`, today),
    ).toMatchObject({ reason: 'check_digit' });
    expect(
      validateDocument('foreign_permanent_residence_id', residentId('991156', '19800515', '001'), today),
    ).toMatchObject({ reason: 'area' });
    expect(validateDocument('foreign_permanent_residence_id', 'usa310080515001', today)).toMatchObject({
      ok: true,
      normalised: 'USA310080515001',
    });
    expect(validateDocument('foreign_permanent_residence_id', 'US3100805150011', today)).toMatchObject({
      reason: 'format',
    });
  });

  it('checks the format of permits and passports', () => {
    const ok = (t: (typeof documentTypeCodes)[number], n: string) => validateDocument(t, n, today).ok;
    expect(ok('hk_macao_permit', 'H12345678')).toBe(true);
    expect(ok('hk_macao_permit', 'm1234567801')).toBe(true);
    expect(ok('hk_macao_permit', 'C12345678')).toBe(false);
    expect(ok('hk_macao_permit', 'H1234567')).toBe(false);
    expect(ok('taiwan_permit', '12345678')).toBe(true);
    expect(ok('taiwan_permit', '1234567')).toBe(false);
    expect(ok('passport', 'E12345678')).toBe(true);
    expect(ok('passport', 'EA1234567')).toBe(true);
    expect(ok('passport', '123456789')).toBe(true);
    expect(ok('passport', 'ABCDEFG')).toBe(false);
    expect(ok('passport', 'E1234-567')).toBe(false);
    expect(validateDocument('passport', 'E1', today)).toMatchObject({
      reason: 'format',
      zh: expect.stringContaining('护照'),
    });
  });
});
