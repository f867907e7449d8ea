/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015). Pure: no I/O.
 *
 * Layout: registration authority (1) + organisation type (1) + area code (6) + organisation code (9, GB 11714
 * with its own MOD 11 check) + MOD 31 check character. Letters I, O, Z, S, V are never used: they read like
 * 1, 0, 2, 5, U on a certificate.
 */
import { isProvinceCode, normaliseInput, type Refusal, refuse } from './common.ts';

export type CreditCodeReason =
  | 'length'
  | 'characters'
  | 'registration_type'
  | 'area'
  | 'organisation_code'
  | 'check_digit';

export interface CreditCodeOk {
  ok: true;
  normalised: string;
  /** 登记管理部门, e.g. 工商 (now 市场监管). */
  authority: string;
  /** 机构类别, e.g. 企业. */
  organisationType: string;
  areaCode: string;
  organisationCode: string;
}
export type CreditCodeResult = CreditCodeOk | Refusal<CreditCodeReason>;

/** The 31 characters, in the order of their values 0 … 30. */
export const creditCodeCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration authorities and the organisation types each may register (GB 32100-2015 table A.1, with the
 * later additions A for military and N for rural collective economic organisations).
 */
export const registrationAuthorities: Readonly<
  Record<string, { zh: string; en: string; types: Readonly<Record<string, string>> }>
> = {
  '1': {
    zh: '机构编制',
    en: 'Establishment office',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { zh: '外交', en: 'Foreign affairs', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    zh: '司法行政',
    en: 'Justice',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { zh: '文化', en: 'Culture', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    zh: '民政',
    en: 'Civil affairs',
    types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    zh: '旅游',
    en: 'Tourism',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { zh: '宗教', en: 'Religious affairs', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { zh: '工会', en: 'Trade unions', types: { '1': '基层工会', '9': '其他' } },
  '9': { zh: '工商', en: 'Market regulation', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'Military establishment office',
    types: { '1': '军队事业单位', '9': '其他' },
  },
  N: {
    zh: '农业',
    en: 'Agriculture',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { zh: '其他', en: 'Other', types: { '1': '其他' } },
};

function value(c: string): number {
  return creditCodeCharset.indexOf(c);
}

/** The MOD 31 check character of a 17-character body. */
export function creditCheckChar(body: string): string {
  if (body.length !== 17 || [...body].some((c) => value(c) < 0)) {
    throw new Error('the body of a credit code is 17 characters of the credit-code set');
  }
  let sum = 0;
  for (const [i, w] of WEIGHTS.entries()) sum += value(body[i]!) * w;
  return creditCodeCharset[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character of an 8-character organisation code body (digits 0–9, letters A=10 … Z=35). */
export function organisationCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new Error('the body of an organisation code is 8 digits or capitals');
  let sum = 0;
  for (const [i, w] of ORG_WEIGHTS.entries()) sum += Number.parseInt(body[i]!, 36) * w;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Central-level registrations carry 100000; all others a county-level code of a real province. */
function areaOk(area: string): boolean {
  return area === '100000' || (/^\d{6}$/.test(area) && isProvinceCode(area.slice(0, 2)));
}

export function validateCreditCode(raw: string): CreditCodeResult {
  const n = normaliseInput(raw);
  if (n.length !== 18) {
    return refuse(
      'length',
      `统一社会信用代码应为18位，当前为${n.length}位`,
      `A unified social credit code has 18 characters, not ${n.length}`,
    );
  }
  if ([...n].some((c) => value(c) < 0)) {
    return refuse(
      'characters',
      '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），请核对',
      'A unified social credit code uses digits and capital letters except I, O, Z, S, V',
    );
  }
  const authority = registrationAuthorities[n[0]!];
  const type = authority?.types[n[1]!];
  if (!authority || !type) {
    return refuse(
      'registration_type',
      `统一社会信用代码前两位“${n.slice(0, 2)}”不是有效的登记管理部门和机构类别`,
      `The first two characters "${n.slice(0, 2)}" are not a valid registration authority and organisation type`,
    );
  }
  const areaCode = n.slice(2, 8);
  if (!areaOk(areaCode)) {
    return refuse(
      'area',
      `统一社会信用代码第3–8位“${areaCode}”不是有效的行政区划代码`,
      `Characters 3–8 "${areaCode}" are not a valid administrative area code`,
    );
  }
  const organisationCode = n.slice(8, 17);
  if (organisationCheckChar(organisationCode.slice(0, 8)) !== organisationCode[8]) {
    return refuse(
      'organisation_code',
      `统一社会信用代码中的组织机构代码“${organisationCode}”校验位不正确，请核对`,
      `The organisation code "${organisationCode}" inside it fails its check character`,
    );
  }
  if (creditCheckChar(n.slice(0, 17)) !== n[17]) {
    return refuse(
      'check_digit',
      '统一社会信用代码校验位不正确，请核对',
      "The credit code's check character is wrong; please check the code",
    );
  }
  return { ok: true, normalised: n, authority: authority.zh, organisationType: type, areaCode, organisationCode };
}
