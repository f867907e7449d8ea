/**
 * The identity documents a hall accepts (R3.1, R3.2) and one entry point to check a number by its type.
 * The two national numbers get their full checks; the permits and passports get format checks only,
 * because their numbers carry no check character a clerk could verify. Pure: no I/O.
 */
import { isProvinceCode, normaliseInput, type Refusal, refuse } from './common.ts';
import { type CreditCodeReason, validateCreditCode } from './credit-code.ts';
import {
  checkEighteenDigit,
  type EighteenDigitScheme,
  type ResidentIdReason,
  residentIdScheme,
  type Sex,
} from './resident-id.ts';

export const documentTypeCodes = [
  'resident_id',
  'residence_permit',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence_id',
  'passport',
  'credit_code',
] as const;
export type DocumentType = (typeof documentTypeCodes)[number];

export interface DocumentTypeInfo {
  code: DocumentType;
  zh: string;
  en: string;
  /** Whose document it is: a person's, or an enterprise's / organisation's. */
  holder: 'person' | 'organisation';
}

const info = {
  resident_id: { zh: '居民身份证', en: 'Resident identity card', holder: 'person' },
  residence_permit: {
    zh: '港澳台居民居住证',
    en: 'Residence permit for Hong Kong, Macao and Taiwan residents',
    holder: 'person',
  },
  hk_macao_permit: {
    zh: '港澳居民来往内地通行证',
    en: 'Mainland travel permit for Hong Kong and Macao residents',
    holder: 'person',
  },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents', holder: 'person' },
  foreign_permanent_residence_id: {
    zh: '外国人永久居留身份证',
    en: 'Foreign permanent resident ID card',
    holder: 'person',
  },
  passport: { zh: '护照', en: 'Passport', holder: 'person' },
  credit_code: { zh: '统一社会信用代码', en: 'Unified social credit code', holder: 'organisation' },
} as const satisfies Record<DocumentType, Omit<DocumentTypeInfo, 'code'>>;

/** In the order a clerk's drop-down shows them. */
export const documentTypes: readonly DocumentTypeInfo[] = documentTypeCodes.map((code) => ({ code, ...info[code] }));

export function isDocumentType(code: string): code is DocumentType {
  return (documentTypeCodes as readonly string[]).includes(code);
}

export type DocumentReason = ResidentIdReason | CreditCodeReason | 'format';
export interface DocumentOk {
  ok: true;
  normalised: string;
  /** Present when the number encodes it (resident ID, residence permit, 2023 permanent residence ID). */
  birthDate?: string;
  sex?: Sex;
}
export type DocumentResult = DocumentOk | Refusal<DocumentReason>;

/** 港澳台居民居住证: the citizen-number scheme with area 810000 (HK), 820000 (Macao) or 830000 (Taiwan). */
const residencePermitScheme: EighteenDigitScheme = {
  zh: '居住证号码',
  en: 'residence permit number',
  areaOk: (area) => ['810000', '820000', '830000'].includes(area),
  areaZh: '应以810000（香港）、820000（澳门）或830000（台湾）开头',
  areaEn: 'must start with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)',
};

/**
 * The 2023 permanent residence ID: '9' (a foreigner), the accepting province, a 3-digit nationality code,
 * then birth date, sequence and a MOD 11-2 check exactly like a citizen number.
 */
const permanentResidenceScheme: EighteenDigitScheme = {
  zh: '永居证号码',
  en: 'permanent residence ID number',
  areaOk: (area) => /^9\d{5}$/.test(area) && isProvinceCode(area.slice(1, 3)),
  areaZh: '应以9开头，第2–3位为受理地省级代码',
  areaEn: "must start with 9 followed by the accepting province's code",
};

function formatOnly(pattern: RegExp, zh: string, en: string): (raw: string) => DocumentResult {
  return (raw) => {
    const n = normaliseInput(raw);
    return pattern.test(n) ? { ok: true, normalised: n } : refuse('format', zh, en);
  };
}

const validators = {
  resident_id: (raw, today) => checkEighteenDigit(raw, today, residentIdScheme),
  residence_permit: (raw, today) => checkEighteenDigit(raw, today, residencePermitScheme),
  // H (Hong Kong) or M (Macao) and 8 digits; older records append the 2-digit renewal count.
  hk_macao_permit: formatOnly(
    /^[HM]\d{8}(\d{2})?$/,
    '港澳居民来往内地通行证号码应为H或M加8位数字，请核对',
    'A Hong Kong / Macao permit number is H or M followed by 8 digits',
  ),
  // Card permits since 2015: 8 digits; older records append the 2-digit renewal count.
  taiwan_permit: formatOnly(
    /^\d{8}(\d{2})?$/,
    '台湾居民来往大陆通行证号码应为8位数字，请核对',
    'A Taiwan residents permit number is 8 digits',
  ),
  foreign_permanent_residence_id: (raw, today) => {
    const n = normaliseInput(raw);
    // Cards issued before December 2023: 3-letter nationality code and 12 digits, no check character.
    if (/^[A-Z]{3}\d{12}$/.test(n)) return { ok: true, normalised: n };
    if (n.length !== 18 || !n.startsWith('9')) {
      return refuse(
        'format',
        '外国人永久居留身份证号码应为18位（以9开头）或旧版15位（3位字母加12位数字），请核对',
        'A permanent residence ID number has 18 characters starting with 9, or 15 (3 letters and 12 digits) on older cards',
      );
    }
    const r = checkEighteenDigit(n, today, permanentResidenceScheme);
    // The sequence of a foreigner's number is not documented to encode sex, so none is claimed.
    return r.ok ? { ok: true, normalised: r.normalised, birthDate: r.birthDate } : r;
  },
  // Chinese passports are E/G/D/S/P + 7–8 characters, foreign ones vary: letters and digits, 5–17, some digit.
  passport: formatOnly(
    /^(?=.*\d)[A-Z0-9]{5,17}$/,
    '护照号码应为5–17位字母或数字，请核对',
    'A passport number is 5–17 letters or digits',
  ),
  credit_code: (raw) => validateCreditCode(raw),
} satisfies Record<DocumentType, (raw: string, today: string) => DocumentResult>;

/** Check a document number by its type; `today` is 'YYYY-MM-DD' (needed for birth dates). */
export function validateDocument(type: DocumentType, number: string, today: string): DocumentResult {
  return validators[type](number, today);
}
