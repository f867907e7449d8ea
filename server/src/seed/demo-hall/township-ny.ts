import { type DemoItem, material, proxyMaterial, step } from './builders.ts';

// 桥头镇农业服务中心: 宅基地、耕地地力保护补贴
export const nyItems: DemoItem[] = [
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
];
