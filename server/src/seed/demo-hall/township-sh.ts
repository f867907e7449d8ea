import { type DemoItem, material, proxyMaterial, step, instantSteps, reviewSteps } from './builders.ts';

// 桥头镇社会事务办公室: 高龄津贴、临时救助、城乡居民医保参保
export const shItems: DemoItem[] = [
  {
    code: 'SH-001',
    name: '高龄津贴申领',
    category: 'civil',
    departmentCodes: ['SH'],
    description:
      '本镇户籍、年满80周岁的老年人，可以在便民服务中心申领高龄津贴。镇社会事务办公室审核后报县民政局备案，津贴按月发放至本人社会保障卡。',
    basis: '《中华人民共和国老年人权益保障法》第三十三条',
    conditions: '1. 具有本镇户籍；2. 年满80周岁；3. 未在其他地区领取同类津贴。',
    kind: 'committed',
    legalDays: 15,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '老年人居民身份证', form: 'original_and_copy', essential: true }),
      material({ key: 'm2', name: '居民户口簿', form: 'original' }),
      material({
        key: 'm3',
        name: '高龄津贴申领表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm4',
        name: '社会保障卡或者本人银行账户',
        form: 'copy',
        notes: '津贴只发放至老年人本人名下账户',
      }),
      proxyMaterial('m5', '由家属或者村（社区）代办员代为申请的'),
    ],
    steps: reviewSteps('SH', { accept: 0, review: 2, approve: 2, finish: 1 }),
    faq: [
      {
        question: '老人卧床来不了，怎么申请？',
        answer: '可以由家属持老人身份证和委托书代为申请，也可以联系村（社区）代办员上门帮办。',
      },
      {
        question: '什么时候开始发？',
        answer: '审核通过后，从次月起按月发放至老人本人社会保障卡。',
      },
    ],
  },
  {
    code: 'SH-002',
    name: '临时救助申请',
    category: 'civil',
    departmentCodes: ['SH'],
    description:
      '因火灾、交通事故等意外事件，或者家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭或者个人，可以向镇人民政府申请临时救助。情况紧急的，先行救助，事后补办手续。',
    basis: '《社会救助暂行办法》第四十七条、第四十八条；《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）',
    conditions:
      '1. 具有本镇户籍、持有本镇居住证，或者在本镇遭遇急难情况；2. 因意外事件、突发重大疾病或者生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难；3. 如实申报家庭收入和财产状况。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'leader',
    materials: [
      material({
        key: 'm1',
        name: '临时救助申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '申请人居民身份证、居民户口簿', form: 'original_and_copy', essential: true }),
      material({ key: 'm3', name: '家庭经济状况核对授权书', form: 'original', essential: true, hasBlankForm: true }),
      material({
        key: 'm4',
        name: '遭遇困难的证明材料',
        form: 'copy',
        notes: '如医疗费用票据、事故认定书、火灾事故证明等；能通过部门共享获取的免于提交',
      }),
      material({
        key: 'm5',
        name: '代为申请人身份证件及情况说明',
        form: 'original_and_copy',
        requirement: 'conditional',
        condition: '由村（居）民委员会或者其他个人、组织代为申请的',
      }),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '入户核实', 2, 'handler', 'SH', 2),
      step('s3', '审核', 3, 'reviewer', 'SH', 1),
      step('s4', '审批', 4, 'approver', 'SH', 1),
      step('s5', '办结（发放救助金）', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '家里出了急事，能先拿到救助吗？',
        answer: '能。情况紧急的，由镇人民政府先行救助，救助后再补齐申请材料和审核手续。',
      },
      {
        question: '外地人在这里遇到困难，能申请吗？',
        answer: '可以。持有本镇居住证的，与本镇户籍居民同样申请；未持有居住证的，可以向急难发生地的镇人民政府申请。',
      },
      {
        question: '救助金额怎么定？',
        answer: '根据困难类型、困难程度和持续时间，按照县里公布的临时救助标准确定，可以发放资金，也可以提供实物救助。',
      },
    ],
  },
  {
    code: 'SH-003',
    name: '城乡居民基本医疗保险参保登记',
    category: 'social_security',
    departmentCodes: ['SH'],
    description:
      '未参加职工基本医疗保险的本镇户籍居民（含在校学生、新生儿），以及持有本县居住证的非本地户籍人员，可以办理城乡居民基本医疗保险参保登记，并在集中缴费期内缴纳个人缴费。',
    basis:
      '《中华人民共和国社会保险法》第二十四条、第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
    conditions:
      '1. 未参加职工基本医疗保险或者其他基本医疗保障制度；2. 具有本镇户籍，或者持有本县居住证；3. 不在其他统筹地区重复参保。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '参保登记不收费；个人缴费按本县当年度城乡居民医保筹资标准，通过税务渠道缴纳',
    approvalLevel: 'window',
    materials: [
      material({
        key: 'm1',
        name: '居民身份证或者居民户口簿',
        form: 'original',
        essential: true,
        notes: '未成年人可凭户口簿办理',
      }),
      material({
        key: 'm2',
        name: '城乡居民基本医疗保险参保登记表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
      }),
      material({
        key: 'm3',
        name: '居住证',
        form: 'original',
        requirement: 'conditional',
        condition: '非本县户籍人员参保的',
      }),
      material({
        key: 'm4',
        name: '出生医学证明',
        form: 'original',
        requirement: 'conditional',
        condition: '为尚未办理户口登记的新生儿参保的',
      }),
      proxyMaterial('m5', '委托家属或者村（社区）代办员代为办理的'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '什么时候交医保费？',
        answer:
          '每年集中缴费期内缴纳次年的个人缴费，具体时间和标准以当年通知为准，可通过手机缴费或者到镇便民服务中心缴纳。',
      },
      {
        question: '新生儿怎么参保？',
        answer: '办理出生登记后即可参保。按规定在出生后规定期限内参保缴费的，自出生之日起享受医保待遇。',
      },
      {
        question: '在外地打工看病能报销吗？',
        answer: '可以。办理异地就医备案后，在备案地的定点医疗机构就医可以直接结算，备案可通过国家医保服务平台App办理。',
      },
    ],
  },
];
