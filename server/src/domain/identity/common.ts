/** Pieces shared by the identity-number checks. Pure: no I/O. */

/** A refused number: a machine reason plus a sentence the window clerk can read out. */
export interface Refusal<R extends string> {
  ok: false;
  reason: R;
  zh: string;
  en: string;
}

export function refuse<R extends string>(reason: R, zh: string, en: string): Refusal<R> {
  return { ok: false, reason, zh, en };
}

/**
 * What a clerk types, made comparable: Chinese input methods produce full-width digits and letters,
 * people group digits with spaces, and the trailing x of an ID is often typed in lower case.
 */
export function normaliseInput(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

/**
 * Province-level codes of GB/T 2260 (the first two digits of an area code). 71 Taiwan, 81 Hong Kong,
 * 82 Macao: no resident ID card carries them, but residence permits (居住证) of their residents do.
 */
export const provinceNames = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
} as const;
export type ProvinceCode = keyof typeof provinceNames;

export function isProvinceCode(code: string): code is ProvinceCode {
  return Object.hasOwn(provinceNames, code);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `today` comes from the caller's clock (tests use a manual one); a malformed one is a programming error. */
export function assertDay(today: string): void {
  const m = DAY.exec(today);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new Error(`today must be a real date YYYY-MM-DD, got ${today}`);
  }
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/**
 * An eight-digit birth date YYYYMMDD as 'YYYY-MM-DD', or why it cannot be one. Before 1900 is refused: no
 * living holder, and it is the usual sign of a mistyped century.
 */
export function birthDate(yyyymmdd: string, today: string): { date: string } | { zh: string; en: string } {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!/^\d{8}$/.test(yyyymmdd) || !isRealDate(y, m, d)) {
    return { zh: `出生日期 ${yyyymmdd} 不是有效日期`, en: `Birth date ${yyyymmdd} is not a real date` };
  }
  if (y < 1900) return { zh: `出生日期 ${date} 早于1900年，请核对`, en: `Birth date ${date} is before 1900` };
  if (date > today) return { zh: `出生日期 ${date} 晚于今天，请核对`, en: `Birth date ${date} is in the future` };
  return { date };
}
