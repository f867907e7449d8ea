/**
 * Applicants of the generated history: residents with GB 11643 ID numbers and enterprises with GB 32100 credit
 * codes, both built with the check characters of domain/identity, so every number passes the hall's own checks.
 */
import { pii } from '../../platform/pii/index.ts';
import {
  creditCheckChar,
  creditCodeCharset,
  mod112CheckChar,
  organisationCheckChar,
} from '../../domain/identity/index.ts';
import type { Random } from './random.ts';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏飞建国志强春梅海燕小红德明永福光荣晓东雪梅俊杰文博子涵思远欣怡浩然雨轩';
/** 青川县 and its neighbours first: most applicants of a county hall live in the county. */
const LOCAL_AREAS = [
  '510822',
  '510822',
  '510822',
  '510822',
  '510802',
  '510811',
  '510812',
  '510821',
  '510823',
  '510824',
];
const OTHER_AREAS = ['510104', '500103', '610102', '620102', '440305', '330106', '320102', '420102'];
const TRADES = [
  '商贸',
  '建材',
  '餐饮',
  '农业开发',
  '茶业',
  '食品',
  '物流',
  '装饰工程',
  '旅游开发',
  '药业',
  '电子科技',
  '养殖',
];
const SHOP_WORDS = '青川白龙唐家河桥头乔庄木鱼竹园蒿溪七佛红光三锅沙州骑马金子山大院瓦砾';
const ROADS = [
  '乔庄镇新民街',
  '乔庄镇城北新区',
  '桥头镇桥头街',
  '竹园镇竹园街',
  '木鱼镇木鱼街',
  '沙州镇沙州街',
  '青溪镇阴平街',
  '七佛乡七佛街',
];
/** Organisation code characters that are also credit-code characters (no I, O, Z, S, V). */
const ORG_CHARS = creditCodeCharset;

export interface PersonOrEnterprise {
  kind: 'person' | 'enterprise';
  name: string;
  docType: 'resident_id' | 'credit_code';
  docNumber: string;
  phone: string;
  address: string;
  legalRepresentative: string;
  contactName: string;
}

export function personName(rnd: Random): string {
  const given = rnd.chance(0.7) ? rnd.pick([...GIVEN]) + rnd.pick([...GIVEN]) : rnd.pick([...GIVEN]);
  return rnd.pick([...SURNAMES]) + given;
}

export function mobile(rnd: Random): string {
  return `1${rnd.pick(['3', '5', '7', '8', '9'])}${String(rnd.int(0, 999_999_999)).padStart(9, '0')}`;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** An 18-digit resident ID number: area, birth date, sequence (odd for men) and the MOD 11-2 check character. */
export function residentId(rnd: Random): string {
  const area = rnd.chance(0.9) ? rnd.pick(LOCAL_AREAS) : rnd.pick(OTHER_AREAS);
  const year = rnd.int(1945, 2006);
  const month = rnd.int(1, 12);
  const day = rnd.int(1, 28);
  const body = `${area}${year}${pad(month, 2)}${pad(day, 2)}${pad(rnd.int(0, 999), 3)}`;
  return body + mod112CheckChar(body);
}

/** An 18-character credit code: 9 (market regulation) + type, area, organisation code with its check, MOD 31 check. */
export function creditCode(rnd: Random): string {
  const type = rnd.pick(['1', '1', '1', '2', '3']);
  let org = '';
  for (let i = 0; i < 8; i++) org += ORG_CHARS[rnd.int(0, ORG_CHARS.length - 1)];
  const body = `9${type}${rnd.pick(LOCAL_AREAS)}${org}${organisationCheckChar(org)}`;
  return body + creditCheckChar(body);
}

/** A new applicant whose document number is not yet in `taken` (the blind indexes of the hall's numbers), which it joins. */
export function newApplicant(rnd: Random, taken: Set<string>, enterprise: boolean): PersonOrEnterprise {
  let docNumber: string;
  let index: string;
  do {
    docNumber = enterprise ? creditCode(rnd) : residentId(rnd);
    index = pii().index('id', docNumber);
  } while (taken.has(index));
  taken.add(index);
  const address = `青川县${rnd.pick(ROADS)}${rnd.int(1, 300)}号`;
  if (!enterprise) {
    return {
      kind: 'person',
      name: personName(rnd),
      docType: 'resident_id',
      docNumber,
      phone: mobile(rnd),
      address,
      legalRepresentative: '',
      contactName: '',
    };
  }
  const word = rnd.pick([...SHOP_WORDS]) + rnd.pick([...SHOP_WORDS]);
  const form = docNumber[1] === '2' ? '经营部' : docNumber[1] === '3' ? '专业合作社' : '有限公司';
  const boss = personName(rnd);
  return {
    kind: 'enterprise',
    name: `青川县${word}${rnd.pick(TRADES)}${form}`,
    docType: 'credit_code',
    docNumber,
    phone: mobile(rnd),
    address,
    legalRepresentative: boss,
    contactName: rnd.chance(0.6) ? boss : personName(rnd),
  };
}
