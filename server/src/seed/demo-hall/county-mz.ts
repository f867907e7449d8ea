import { type DemoItem, material, proxyMaterial, step, reviewSteps } from './builders.ts';

export const mzItems: DemoItem[] = [
  // ----- 民政局 ---------------------------------------------------------------------------------------------------
  {
    code: 'MZ-001',
    name: '内地居民结婚登记',
    category: 'civil',
    departmentCodes: ['MZ'],
    description:
      '内地居民自愿结婚的，男女双方应当共同到婚姻登记机关申请结婚登记。符合结婚条件的，当场予以登记，发给结婚证。',
    basis: '《中华人民共和国民法典》第一千零四十六条、第一千零四十七条、第一千零四十九条；《婚姻登记条例》',
    conditions:
      '1. 男女双方完全自愿；2. 男方年满22周岁，女方年满20周岁；3. 双方均无配偶；4. 双方不属于直系血亲或者三代以内的旁系血亲；5. 双方本人亲自到场。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '双方居民身份证', form: 'original', essential: true }),
      material({
        key: 'm2',
        name: '申请结婚登记声明书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        notes: '声明本人无配偶以及与对方没有直系血亲和三代以内旁系血亲关系，由双方在婚姻登记员面前现场签署',
      }),
      material({
        key: 'm3',
        name: '双方近期半身免冠合影照片',
        form: 'original',
        copies: 3,
        notes: '2寸红底彩色照片；窗口可现场拍摄',
      }),
      material({
        key: 'm4',
        name: '离婚证、离婚调解书或者离婚判决书',
        form: 'original',
        requirement: 'conditional',
        condition: '婚姻登记信息系统显示一方或者双方曾经登记结婚且无离婚记录的',
        notes: '判决书、调解书应附生效证明',
      }),
    ],
    steps: [
      step('s1', '受理（身份核验、签署声明）', 1, 'clerk', null, 0),
      step('s2', '办结（颁发结婚证）', 2, 'clerk', null, 0),
    ],
    faq: [
      {
        question: '户口不在本县，可以在这里领结婚证吗？',
        answer:
          '可以。修订后的《婚姻登记条例》施行后，内地居民结婚登记不再受户籍地限制，双方持居民身份证即可到本中心办理。',
      },
      {
        question: '需要提前预约吗？',
        answer: '建议通过线上渠道预约。“5·20”、七夕等特殊日期办理人数较多，本中心当天会延时服务，预约可减少等候时间。',
      },
      {
        question: '结婚证丢了怎么办？',
        answer: '可以持居民身份证到婚姻登记机关申请补领，婚姻登记档案可查的，当场补发。',
      },
    ],
  },
  {
    code: 'MZ-002',
    name: '最低生活保障申请',
    category: 'civil',
    departmentCodes: ['MZ'],
    description:
      '共同生活的家庭成员人均收入低于本县最低生活保障标准，且家庭财产状况符合规定的，可以以家庭为单位申请最低生活保障。经调查核实、公示和审核确认后，按月发放低保金。',
    basis: '《社会救助暂行办法》第九条、第十一条；《最低生活保障审核确认办法》（民发〔2021〕57号）',
    conditions:
      '1. 申请人具有本县户籍，或者按规定在经常居住地申请；2. 共同生活的家庭成员人均收入低于本县最低生活保障标准；3. 家庭财产状况符合本县规定；4. 家庭成员如实申报收入、财产状况，并书面授权核对家庭经济状况。',
    kind: 'committed',
    legalDays: 30,
    promisedDays: 20,
    warningDays: 3,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'department',
    // 县乡联办: 桥头镇便民服务中心 receives it for the county (在乡镇收件、县民政局办理).
    townshipReception: { stationCodes: ['QCX-QTZ-BMFW'], postAllowed: false },
    materials: [
      material({
        key: 'm1',
        name: '最低生活保障申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm2',
        name: '共同生活家庭成员居民身份证、居民户口簿',
        form: 'original_and_copy',
        essential: true,
      }),
      material({
        key: 'm3',
        name: '家庭经济状况核对授权书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        notes: '由共同生活的成年家庭成员逐一签字',
      }),
      material({
        key: 'm4',
        name: '家庭收入和财产状况申报表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm5',
        name: '残疾人证',
        form: 'copy',
        requirement: 'conditional',
        condition: '家庭成员中有残疾人的',
      }),
      material({
        key: 'm6',
        name: '疾病诊断证明及医疗费用票据',
        form: 'copy',
        requirement: 'conditional',
        condition: '家庭成员患重特大疾病或者因病导致生活困难的',
      }),
      proxyMaterial('m7', '申请人因行动不便等原因委托他人代为申请的'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 1),
      step('s2', '入户调查', 2, 'handler', 'MZ', 8),
      step('s3', '审核', 3, 'reviewer', 'MZ', 3),
      step('s4', '公示', 4, 'handler', 'MZ', 5),
      step('s5', '审核确认', 5, 'approver', 'MZ', 2),
      step('s6', '办结', 6, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '本县的低保标准是多少？',
        answer:
          '低保标准由县人民政府确定并向社会公布，每年根据经济社会发展情况调整，可在窗口或者县民政局网站查询当年标准。',
      },
      {
        question: '家里有车、有房还能申请吗？',
        answer:
          '仅有一套自住住房的不影响申请。拥有机动车辆（残疾人功能性补偿代步机动车辆除外）、非自住房产或者大额存款等情况的，一般不符合条件，具体以本县认定标准为准。',
      },
      {
        question: '申请后多久有结果？',
        answer: '本中心承诺在受理之日起20个工作日内办结，期间包括入户调查和公示。不予批准的，将书面告知并说明理由。',
      },
    ],
  },
  {
    code: 'MZ-003',
    name: '高龄津贴申领',
    category: 'civil',
    departmentCodes: ['MZ'],
    description: '具有本县户籍、年满80周岁的老年人，可以申领高龄津贴，审核通过后按月发放至本人社会保障卡。',
    basis: '《中华人民共和国老年人权益保障法》第三十三条',
    conditions: '1. 具有本县户籍；2. 年满80周岁；3. 未在其他地区领取同类津贴。',
    kind: 'committed',
    legalDays: 15,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '老年人居民身份证', form: 'original_and_copy', essential: true }),
      material({
        key: 'm2',
        name: '居民户口簿',
        form: 'original',
        notes: '能通过户籍信息共享核验的，免于提交',
      }),
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
      proxyMaterial('m5', '由家属或者村（社区）工作人员代为申请的'),
    ],
    steps: reviewSteps('MZ', { accept: 0, review: 3, approve: 2, finish: 0 }),
    faq: [
      {
        question: '津贴标准是多少？',
        answer: '按80—89周岁、90—99周岁、100周岁以上分档发放，具体标准以县人民政府公布的为准。',
      },
      {
        question: '每年还要去认证吗？',
        answer: '一般不用到场。县民政局每年通过数据比对等方式进行资格复核，无法比对的，由村（社区）工作人员上门核实。',
      },
      {
        question: '老人行动不便，能不能不来？',
        answer: '可以由家属持委托书代办，也可以到8号绿色通道窗口预约上门服务。',
      },
    ],
  },
  {
    code: 'MZ-004',
    name: '困难残疾人生活补贴和重度残疾人护理补贴申请',
    category: 'civil',
    departmentCodes: ['MZ'],
    description:
      '最低生活保障家庭中的残疾人，以及本县规定的其他困难残疾人，可以申请困难残疾人生活补贴；残疾等级被评定为一级、二级且需要长期照护的重度残疾人，可以申请重度残疾人护理补贴。符合条件的可以同时申请两项补贴。',
    basis:
      '《中华人民共和国残疾人保障法》；《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    conditions:
      '1. 具有本县户籍，持有第二代《中华人民共和国残疾人证》；2. 申请生活补贴的，属于最低生活保障家庭成员或者本县规定的其他困难情形；3. 申请护理补贴的，残疾等级为一级、二级且需要长期照护，或者属于本县扩大保障范围的其他重度残疾人。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 10,
    warningDays: 2,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'department',
    // 县乡联办: 桥头镇便民服务中心 receives it for the county (在乡镇收件、县民政局办理).
    townshipReception: { stationCodes: ['QCX-QTZ-BMFW'], postAllowed: true },
    materials: [
      material({
        key: 'm1',
        name: '残疾人两项补贴申请审批表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '第二代《中华人民共和国残疾人证》', form: 'original_and_copy', essential: true }),
      material({ key: 'm3', name: '申请人居民身份证、居民户口簿', form: 'original_and_copy', essential: true }),
      material({
        key: 'm4',
        name: '最低生活保障证明材料',
        form: 'copy',
        requirement: 'conditional',
        condition: '申请困难残疾人生活补贴，且低保信息无法通过系统核验的',
      }),
      material({ key: 'm5', name: '本人社会保障卡或者银行账户', form: 'copy' }),
      proxyMaterial('m6', '残疾人本人无法到场，由监护人或者亲属代为申请的'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 1),
      step('s2', '审核（残疾状况核实）', 2, 'reviewer', 'MZ', 3),
      step('s3', '审定', 3, 'approver', 'MZ', 4),
      step('s4', '办结', 4, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '两项补贴可以同时领吗？',
        answer: '可以。既属于低保家庭又是一级、二级需要长期照护的重度残疾人，可以同时享受生活补贴和护理补贴。',
      },
      {
        question: '残疾人证还没有办下来，能先申请补贴吗？',
        answer: '不能。请先向县残疾人联合会申请残疾评定、领取第二代残疾人证，再申请两项补贴。',
      },
      {
        question: '已经领了其他护理费，还能领护理补贴吗？',
        answer:
          '已享受工伤保险生活护理费，或者已纳入特困人员救助供养的，一般不再重复享受护理补贴，具体以审核结果为准。',
      },
    ],
  },
];
