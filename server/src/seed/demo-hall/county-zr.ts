import { type DemoItem, material, proxyMaterial, step, instantSteps } from './builders.ts';

export const zrItems: DemoItem[] = [
  // ----- 自然资源和规划局（不动产登记中心） -----------------------------------------------------------------------
  {
    code: 'ZR-001',
    name: '不动产转移登记（存量房买卖）',
    category: 'construction',
    departmentCodes: ['ZR', 'SW'],
    description:
      '已登记的房屋因买卖发生所有权转移的，由买卖双方共同申请转移登记。实行“一窗受理、并联办理”，不动产登记审核与交易税费核定征收同步进行，缴税后即可登簿发证。',
    basis:
      '《中华人民共和国民法典》第二百零九条、第二百一十四条；《不动产登记暂行条例》第十四条、第二十条；《不动产登记暂行条例实施细则》',
    conditions:
      '1. 房屋已办理首次登记，权属清楚；2. 不存在查封、异议登记等限制转移的情形；3. 买卖双方已签订存量房买卖合同并完成网签备案；4. 由买卖双方共同申请，或者依法委托代理人申请。',
    kind: 'committed',
    legalDays: 30,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 8000,
    feeNote:
      '住宅类不动产登记费每件80元（含第一本证书工本费），每增加一本证书加收工本费10元；非住宅类每件550元；小微企业（含个体工商户）免收。契税等税款由税务部门依法征收。',
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '不动产登记申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm2',
        name: '买卖双方身份证明',
        form: 'original_and_copy',
        essential: true,
        notes: '自然人提交居民身份证；单位提交营业执照和法定代表人身份证明',
      }),
      material({
        key: 'm3',
        name: '不动产权属证书',
        form: 'original',
        essential: true,
        notes: '登记完成后收回原证书',
      }),
      material({ key: 'm4', name: '存量房买卖合同（网签备案）', form: 'original', essential: true }),
      material({
        key: 'm5',
        name: '出卖人婚姻状况证明',
        form: 'copy',
        requirement: 'conditional',
        condition: '出卖人为自然人的',
        notes: '已婚的提交结婚证，房屋属夫妻共有的配偶应当共同申请；未婚、离异或者丧偶的签署婚姻状况声明',
      }),
      material({
        key: 'm6',
        name: '其他共有人同意转让的书面材料',
        form: 'original',
        requirement: 'conditional',
        condition: '房屋为共有且并非全体共有人共同申请的',
      }),
      material({
        key: 'm7',
        name: '抵押权人同意转让的书面材料',
        form: 'original',
        requirement: 'conditional',
        condition: '房屋已设立抵押且抵押合同约定转让须经抵押权人同意的',
      }),
      proxyMaterial('m8'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '分办', 2, 'router', null, 0),
      step('s3', '登记审核', 3, 'reviewer', 'ZR', 2),
      step('s4', '税费核定征收', 3, 'handler', 'SW', 2),
      step('s5', '登簿', 4, 'approver', 'ZR', 1),
      step('s6', '办结（缮证发证）', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '交易税费还要单独去税务局交吗？',
        answer: '不用。在本窗口一并受理，税务部门同步核定税费，可在窗口刷卡或者扫码缴纳，缴纳后即进入登簿环节。',
      },
      {
        question: '卖方房贷还没还清，能过户吗？',
        answer:
          '可以申请“带押过户”。经抵押权人同意，转移登记与抵押登记合并办理，无需卖方提前还清贷款。请买卖双方先与贷款银行沟通。',
      },
      {
        question: '不动产登记费怎么收？',
        answer:
          '住宅类每件80元，含一本证书；每增加一本证书加收10元。非住宅类每件550元。小微企业（含个体工商户）免收登记费。',
      },
    ],
  },
  {
    code: 'ZR-002',
    name: '建设工程规划许可证核发',
    category: 'construction',
    departmentCodes: ['ZR', 'ZJ'],
    description:
      '在县城和镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当申请办理建设工程规划许可证。本事项实行设计方案联合审查，规划审查与人防、市政配套审查并联开展。',
    basis: '《中华人民共和国城乡规划法》第四十条；《中华人民共和国行政许可法》第四十二条',
    conditions:
      '1. 已取得建设用地规划许可证、国有建设用地使用权出让合同或者不动产权证书等用地手续；2. 建设工程设计方案符合控制性详细规划和规划条件；3. 申请人为建设单位或者个人。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 10,
    warningDays: 2,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'department',
    materials: [
      material({
        key: 'm1',
        name: '建设工程规划许可证申请表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '建设单位营业执照或者个人身份证件', form: 'copy', essential: true }),
      material({
        key: 'm3',
        name: '使用土地的有关证明文件',
        form: 'copy',
        essential: true,
        notes: '不动产权证书、国有建设用地使用权出让合同或者建设用地规划许可证',
      }),
      material({
        key: 'm4',
        name: '建设工程设计方案',
        form: 'original',
        copies: 2,
        essential: true,
        notes: '含总平面图、各层平面图、立面图、剖面图及主要技术经济指标，加盖设计单位出图章，同时提交电子文件',
      }),
      material({ key: 'm5', name: '建设项目审批、核准或者备案文件', form: 'copy' }),
      material({
        key: 'm6',
        name: '人民防空工程设计文件',
        form: 'original',
        requirement: 'conditional',
        condition: '依法应当修建防空地下室的民用建筑项目',
      }),
      proxyMaterial('m7'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '分办', 2, 'router', null, 0),
      step('s3', '规划审查', 3, 'reviewer', 'ZR', 5),
      step('s4', '联合审查（人防、市政配套）', 3, 'reviewer', 'ZJ', 4),
      // 逐级签批: the section head signs first, then the deputy leader in charge decides.
      { ...step('s5', '科室审核签批', 4, 'approver', 'ZR', 1), authority: 'section' },
      step('s6', '分管领导审批', 5, 'approver', 'ZR', 2),
      step('s7', '办结（制证）', 6, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '农村村民在自家宅基地上建房，也办这个证吗？',
        answer: '不办。在乡、村庄规划区内进行农村村民住宅建设的，应当向所在乡（镇）人民政府申请乡村建设规划许可证。',
      },
      {
        question: '审查没通过怎么办？',
        answer: '审查部门会一次性书面告知需要修改的内容，按意见修改设计方案后重新提交，已审查通过的部分不再重复审查。',
      },
      {
        question: '能不能先开工、后补证？',
        answer: '不能。未取得建设工程规划许可证进行建设的，将依照《中华人民共和国城乡规划法》第六十四条予以查处。',
      },
    ],
  },
  {
    code: 'ZR-003',
    name: '不动产登记资料查询',
    category: 'construction',
    departmentCodes: ['ZR'],
    description: '不动产权利人、利害关系人可以依法查询、复制不动产登记资料，查询结果当场出具。',
    basis: '《不动产登记暂行条例》第二十七条；《不动产登记资料查询暂行办法》',
    conditions:
      '1. 查询人为不动产权利人、利害关系人，或者依法有权查询的国家机关；2. 利害关系人查询的，应当提交存在利害关系的证明材料；3. 查询获得的资料不得用于查询目的以外的用途。',
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
        name: '不动产登记资料查询申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '查询人身份证明', form: 'original', essential: true }),
      material({
        key: 'm3',
        name: '存在利害关系的证明材料',
        form: 'copy',
        requirement: 'conditional',
        condition: '利害关系人查询的',
        notes: '如买卖意向合同、租赁合同、涉及该不动产的诉讼或者仲裁材料',
      }),
      proxyMaterial('m4'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '能查别人家的房子吗？',
        answer:
          '不能随意查询。与该不动产存在买卖、租赁、诉讼等利害关系的，可以凭证明材料查询登记结果；其他情形需经权利人委托。',
      },
      {
        question: '查询要收费吗？',
        answer: '不收费。查询结果可以加盖不动产登记资料查询专用章，用于办理银行贷款、子女入学等业务。',
      },
    ],
  },
];
