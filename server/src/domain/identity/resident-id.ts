/**
 * Citizen identity number (公民身份号码, GB 11643-1999) as printed on the resident ID card, and the numbers
 * built on the same scheme (港澳台居民居住证, the 2023 外国人永久居留身份证). Pure: no I/O.
 *
 * Layout: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check.
 */
import { assertDay, birthDate, isProvinceCode, normaliseInput, type Refusal, refuse } from './common.ts';

export type Sex = 'male' | 'female';
export type ResidentIdReason = 'length' | 'characters' | 'area' | 'birth_date' | 'check_digit';

export interface ResidentIdOk {
  ok: true;
  normalised: string;
  birthDate: string;
  sex: Sex;
}
export type ResidentIdResult = ResidentIdOk | Refusal<ResidentIdReason>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (Σ aᵢ·wᵢ) mod 11 = 0 … 10. */
const CHECK_MAP = '10X98765432';

/** The MOD 11-2 check character of a 17-digit body. */
export function mod112CheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new Error('the body of a MOD 11-2 number is 17 digits');
  let sum = 0;
  for (const [i, w] of WEIGHTS.entries()) sum += Number(body[i]) * w;
  return CHECK_MAP[sum % 11]!;
}

/** How one kind of 18-digit number names itself in messages and which area codes it may carry. */
export interface EighteenDigitScheme {
  zh: string;
  en: string;
  areaOk: (area: string) => boolean;
  areaZh: string;
  areaEn: string;
}

export const residentIdScheme: EighteenDigitScheme = {
  zh: '身份证号码',
  en: 'ID number',
  // First digit 1–8 is the region (华北 … 港澳台); the first two must be a real province.
  areaOk: (area) => /^[1-8]\d{5}$/.test(area) && isProvinceCode(area.slice(0, 2)),
  areaZh: '前6位地址码不正确（省级代码不存在）',
  areaEn: 'the first 6 digits are not a valid area code (unknown province)',
};

/** Shared checks of every MOD 11-2 number, in the order a clerk would fix them. */
export function checkEighteenDigit(raw: string, today: string, s: EighteenDigitScheme): ResidentIdResult {
  assertDay(today);
  const n = normaliseInput(raw);
  if (n.length !== 18) {
    return refuse(
      'length',
      `${s.zh}应为18位，当前为${n.length}位`,
      `The ${s.en} must have 18 characters, not ${n.length}`,
    );
  }
  if (!/^\d{17}[\dX]$/.test(n)) {
    return refuse(
      'characters',
      `${s.zh}前17位应为数字，末位应为数字或X`,
      `The ${s.en} must be 17 digits followed by a digit or X`,
    );
  }
  if (!s.areaOk(n.slice(0, 6))) return refuse('area', `${s.zh}${s.areaZh}`, `The ${s.en}: ${s.areaEn}`);
  const born = birthDate(n.slice(6, 14), today);
  if (!('date' in born)) return refuse('birth_date', `${s.zh}中的${born.zh}`, `The ${s.en}: ${born.en}`);
  if (mod112CheckChar(n.slice(0, 17)) !== n[17]) {
    return refuse(
      'check_digit',
      `${s.zh}校验位不正确，请核对`,
      `The ${s.en}'s check character is wrong; please check the number`,
    );
  }
  return { ok: true, normalised: n, birthDate: born.date, sex: Number(n[16]) % 2 === 1 ? 'male' : 'female' };
}

/** A resident ID card number; `today` is 'YYYY-MM-DD' from the caller's clock. */
export function validateResidentId(raw: string, today: string): ResidentIdResult {
  return checkEighteenDigit(raw, today, residentIdScheme);
}
