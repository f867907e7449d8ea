import {
  type DemoDepartment,
  type DemoItem,
  type DemoWindow,
  material,
  proxyMaterial,
  step,
  instantSteps,
  reviewSteps,
} from './builders.ts';

// 青川县桥头镇便民服务中心 (township level)

export const townDepartments: DemoDepartment[] = [
  { code: 'SH', name: '桥头镇社会事务办公室', phone: '0839-7265101' },
  { code: 'NY', name: '桥头镇农业服务中心', phone: '0839-7265102' },
  { code: 'ZH', name: '桥头镇综合便民窗口', phone: '0839-7265100' },
];

export const townItems: DemoItem[] = [
  {
    code: 'NY-001',
    name: '农村宅基地申请',
    category: 'agriculture',
    departmentCodes: ['NY'],
    description:
      '本镇农村集体经济组织成员以户为单位申请宅基地建房的，经村民小组讨论、村级组织审查后向镇人民政府提出申请，由镇人民政府审核批准，同步核发《农村宅基地批准书》和乡村建设规划许可证。',
    basis:
      '《中华人民共和国土地管理法》第六十二条；《中华人民共和国城乡规划法》第四十一条；《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）',
    conditions:
      '1. 申请人为本镇农村集体经济组织成员，以户为单位申请；2. 符合“一户一宅”规定，申请面积不超过省规定标准；3. 选址符合国土空间规划（村庄规划）和用途管制要求，不占用永久基本农田；4. 原有宅基地已退出，或者承诺新房建成后将原宅基地退还集体。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 15,
    warningDays: 2,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'leader',
    materials: [
      material({
        key: 'm1',
        name: '农村宅基地和建房（规划许可）申请表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '农村宅基地使用承诺书', form: 'original', essential: true, hasBlankForm: true }),
      material({ key: 'm3', name: '申请人居民身份证', form: 'original_and_copy', essential: true }),
      material({
        key: 'm4',
        name: '居民户口簿',
        form: 'original_and_copy',
        essential: true,
        notes: '用于核实家庭成员及分户情况',
      }),
      material({
        key: 'm5',
        name: '村民小组会议讨论意见及村级组织审查意见',
        form: 'original',
        essential: true,
        notes: '申请理由、拟用地位置和面积、拟建房屋层数和面积等情况应在本集体经济组织范围内公示',
      }),
      material({
        key: 'm6',
        name: '农房设计图或者选用的通用图集',
        form: 'copy',
        notes: '可免费选用县住房和城乡建设局提供的农房设计通用图集',
      }),
      material({
        key: 'm7',
        name: '原宅基地处置情况说明',
        form: 'original',
        requirement: 'conditional',
        condition: '拆旧建新或者原有宅基地需退还集体的',
      }),
      proxyMaterial('m8', '申请人外出务工等原因委托家庭成员代为办理的'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 1),
      step('s2', '实地踏勘', 2, 'handler', 'NY', 5),
      step('s3', '审核', 3, 'reviewer', 'NY', 3),
      step('s4', '审批', 4, 'approver', 'NY', 3),
      step('s5', '办结（发放批准书和规划许可证）', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '批下来以后就可以动工了吗？',
        answer:
          '开工前请向镇农业服务中心申请现场丈量、定桩放线，按批准的位置和面积施工；房屋竣工后申请验收，验收合格后可申请不动产登记。',
      },
      {
        question: '城里户口的人能在村里申请宅基地吗？',
        answer: '不能。宅基地只能由本集体经济组织成员以户为单位申请，城镇居民不得在农村申请或者购买宅基地。',
      },
      {
        question: '把老房子卖了，还能再申请吗？',
        answer:
          '不能。依照《中华人民共和国土地管理法》第六十二条，农村村民出卖、出租、赠与住宅后，再申请宅基地的，不予批准。',
      },
    ],
  },
  {
    code: 'NY-002',
    name: '耕地地力保护补贴申报',
    category: 'agriculture',
    departmentCodes: ['NY'],
    description:
      '拥有耕地承包权的种地农民，按照确权承包地面积申报耕地地力保护补贴，经村级核实、公示和镇审核后，补贴资金通过惠民惠农财政补贴资金“一卡通”发放。',
    basis: '《中华人民共和国农业法》；《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）',
    conditions:
      '1. 申报人为本镇拥有耕地承包权的农户；2. 申报耕地用于农业生产、保持耕地地力；3. 已改变用途的耕地（如成片粮田转为林地、设施农业用地、非农业征占用地）以及长年抛荒地，不纳入补贴范围。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 15,
    warningDays: 2,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '耕地地力保护补贴申报表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '承包户户主居民身份证', form: 'original_and_copy', essential: true }),
      material({
        key: 'm3',
        name: '农村土地承包经营权证书',
        form: 'copy',
        essential: true,
        notes: '补贴面积以确权登记面积为准',
      }),
      material({
        key: 'm4',
        name: '惠民惠农财政补贴资金“一卡通”账户',
        form: 'copy',
        notes: '须为承包户户主本人名下账户；尚未开通的可在窗口同步申请',
      }),
      material({
        key: 'm5',
        name: '土地流转合同',
        form: 'copy',
        requirement: 'conditional',
        condition: '承包地已流转，且合同约定补贴由实际经营者领取的',
      }),
      proxyMaterial('m6', '承包户户主委托家庭成员代为申报的'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 1),
      step('s2', '村级核实', 2, 'handler', 'NY', 5),
      step('s3', '公示', 3, 'handler', 'NY', 5),
      step('s4', '审核', 4, 'reviewer', 'NY', 2),
      step('s5', '审批', 5, 'approver', 'NY', 1),
      step('s6', '办结', 6, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '地流转给别人种了，补贴给谁？',
        answer: '原则上发给拥有承包权的农户；流转合同对补贴归属另有约定的，按约定执行，请在申报时提供合同。',
      },
      {
        question: '什么时候申报？',
        answer:
          '每年集中申报一次，一般在春耕前，具体时间以镇人民政府和村委会发布的通知为准，逾期未申报的当年不予补报。',
      },
      {
        question: '每亩补多少钱？',
        answer: '补贴标准由县里根据当年上级下达的资金和核实面积测算确定，公示时一并公布。',
      },
    ],
  },
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
  {
    code: 'ZH-001',
    name: '村（居）民居住及家庭情况证明开具',
    category: 'household',
    departmentCodes: ['ZH'],
    description:
      '对确需由基层出具、且无法通过部门数据共享核验或者告知承诺替代的居住情况、家庭成员情况等证明，由便民服务中心在村（居）民委员会核实的基础上统一出具。',
    basis:
      '《中华人民共和国村民委员会组织法》；《国务院办公厅关于做好证明事项清理工作的通知》（国办发〔2018〕47号）；《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）',
    conditions:
      '1. 申请人具有本镇户籍或者在本镇居住；2. 所需证明不属于已取消的证明事项，且无法通过部门数据共享或者告知承诺替代；3. 证明内容能够经村（居）民委员会核实。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '申请人居民身份证', form: 'original', essential: true }),
      material({ key: 'm2', name: '居民户口簿', form: 'original' }),
      material({
        key: 'm3',
        name: '村（居）民委员会核实意见',
        form: 'original',
        essential: true,
        notes: '由所在村（居）民委员会对居住、家庭成员等情况核实后出具',
      }),
      material({
        key: 'm4',
        name: '用证单位出具的书面说明',
        form: 'original',
        requirement: 'optional',
        notes: '注明证明用途和依据，便于窗口判断该证明是否仍需开具',
      }),
      proxyMaterial('m5'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '哪些证明已经不用开了？',
        answer:
          '按照证明事项清理要求，亲属关系可以凭户口簿、结婚证、出生医学证明等证件证明，不再由村（居）委会或者镇里另行开具；用证单位仍要求的，可请其通过部门核验或者采用告知承诺方式办理。',
      },
      {
        question: '当天能拿到证明吗？',
        answer: '村（居）民委员会已出具核实意见的，当场开具；尚需核实的，工作人员会联系村（居）委会尽快核实。',
      },
    ],
  },
];

export const townWindows: DemoWindow[] = [
  {
    number: 1,
    name: '综合受理窗口',
    kind: 'general',
    itemCodes: ['NY-001', 'NY-002', 'SH-001', 'SH-002', 'SH-003', 'ZH-001'],
  },
  { number: 2, name: '社会事务窗口', kind: 'dedicated', itemCodes: ['SH-001', 'SH-002', 'SH-003'] },
  { number: 3, name: '农业农村服务窗口', kind: 'dedicated', itemCodes: ['NY-001', 'NY-002'] },
];

// ---------------------------------------------------------------------------------------------------------------
