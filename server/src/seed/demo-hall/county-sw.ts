import { type DemoItem, material, proxyMaterial, instantSteps } from './builders.ts';

export const swItems: DemoItem[] = [
  // ----- 税务局 ---------------------------------------------------------------------------------------------------
  {
    code: 'SW-001',
    name: '新办纳税人涉税信息确认',
    category: 'tax',
    departmentCodes: ['SW'],
    description:
      '已领取加载统一社会信用代码营业执照的纳税人，首次办理涉税事项时，确认市场监管部门共享的登记信息并补充必要的涉税信息，即视同完成税务登记。',
    basis: '《中华人民共和国税收征收管理法》第十五条；《税务登记管理办法》',
    conditions: '1. 已在本县取得营业执照的企业、个体工商户及其他组织；2. 首次办理涉税事项；3. 办税人员已完成实名认证。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({
        key: 'm1',
        name: '营业执照',
        form: 'copy',
        notes: '登记信息已通过部门共享获取的，免于提交',
      }),
      material({
        key: 'm2',
        name: '法定代表人（负责人）、财务负责人、办税人员身份证件',
        form: 'copy',
        essential: true,
      }),
      material({
        key: 'm3',
        name: '生产经营地址证明',
        form: 'copy',
        requirement: 'conditional',
        condition: '生产经营地址与注册地址不一致的',
      }),
      material({
        key: 'm4',
        name: '银行账户信息',
        form: 'copy',
        requirement: 'optional',
        notes: '用于签订税费缴纳三方协议，可在电子税务局补充',
      }),
      proxyMaterial('m5', '委托涉税专业服务机构或者他人代为办理的'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '还没有营业收入，也要报税吗？',
        answer: '要。完成信息确认后，即使当期没有收入也应当按期申报（零申报），逾期未申报会影响纳税信用。',
      },
      {
        question: '小规模纳税人和一般纳税人怎么选？',
        answer:
          '年应税销售额超过500万元的，应当登记为一般纳税人；未超过的为小规模纳税人，会计核算健全的也可以自愿申请登记为一般纳税人。',
      },
      {
        question: '可以网上办理吗？',
        answer: '可以。通过电子税务局“新办纳税人套餐”在线办理，信息确认、票种核定可一次完成。',
      },
    ],
  },
  {
    code: 'SW-002',
    name: '发票领用',
    category: 'tax',
    departmentCodes: ['SW'],
    description:
      '纳税人需要开具发票的，向主管税务机关申请核定发票票种并领用发票。使用全面数字化电子发票的，由税务机关赋予开票额度，纳税人通过电子发票服务平台直接开具；额度不足的可以申请调整。',
    basis: '《中华人民共和国税收征收管理法》第二十一条；《中华人民共和国发票管理办法》',
    conditions:
      '1. 已完成涉税信息确认的纳税人；2. 办税人员已完成实名认证；3. 不存在未按规定缴销发票或者其他影响发票领用的情形。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '经办人身份证件', form: 'original', essential: true }),
      material({ key: 'm2', name: '纳税人领用发票票种核定表', form: 'original', essential: true, hasBlankForm: true }),
      material({
        key: 'm3',
        name: '发票专用章印模',
        form: 'original',
        requirement: 'conditional',
        condition: '首次领用纸质发票的',
        notes: '仅使用数电发票的无需提供',
      }),
      material({
        key: 'm4',
        name: '开票额度调整申请及佐证材料',
        form: 'copy',
        requirement: 'conditional',
        condition: '申请调整数电发票开票额度的',
        notes: '如购销合同、近期经营情况说明',
      }),
      proxyMaterial('m5'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '开数电发票还要买税控设备吗？',
        answer: '不需要。数电发票通过电子发票服务平台开具，无需税控设备，也无需领取纸质发票。',
      },
      {
        question: '开票额度不够用怎么办？',
        answer: '系统会根据纳税人经营情况按月动态调整额度；临时不够用的，可以通过电子税务局或者到窗口申请临时调整。',
      },
      {
        question: '纸质发票丢了怎么办？',
        answer: '应当于发现丢失当日书面报告税务机关，可以通过电子税务局或者到窗口办理发票遗失报告。',
      },
    ],
  },
];
