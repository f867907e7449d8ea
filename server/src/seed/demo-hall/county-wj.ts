import { type DemoItem, material, proxyMaterial, step, reviewSteps } from './builders.ts';

export const wjItems: DemoItem[] = [
  // ----- 卫生健康局 -----------------------------------------------------------------------------------------------
  {
    code: 'WJ-001',
    name: '医师执业注册',
    category: 'health',
    departmentCodes: ['WJ'],
    description:
      '取得医师资格、拟在本县医疗卫生机构执业的人员，向县卫生健康主管部门申请执业注册，注册后领取电子化医师执业证书。',
    basis: '《中华人民共和国医师法》；《医师执业注册管理办法》',
    conditions:
      '1. 已取得医师资格证书；2. 拟执业的医疗卫生机构位于本县且同意聘用；3. 不存在《中华人民共和国医师法》规定不予注册的情形。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '医师执业注册申请审核表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '居民身份证', form: 'copy', essential: true }),
      material({ key: 'm3', name: '医师资格证书', form: 'original_and_copy', essential: true }),
      material({
        key: 'm4',
        name: '近6个月内2寸白底免冠正面半身照片',
        form: 'original',
        copies: 2,
        notes: '通过电子化注册系统申请的，上传电子照片',
      }),
      material({ key: 'm5', name: '拟执业医疗卫生机构的拟聘用证明', form: 'original', essential: true }),
      material({
        key: 'm6',
        name: '培训考核合格证明',
        form: 'original',
        requirement: 'conditional',
        condition: '取得医师资格后二年内未注册，或者中止医师执业活动二年以上的',
        notes: '在省级以上卫生健康主管部门指定的机构接受连续6个月以上培训并经考核合格',
      }),
    ],
    steps: reviewSteps('WJ', { accept: 0, review: 3, approve: 1, finish: 1 }),
    faq: [
      {
        question: '可以在几家医院同时执业吗？',
        answer: '可以。医师确定一个主要执业机构进行注册，在其他机构执业的按规定办理备案，无需重复注册。',
      },
      {
        question: '换了工作单位要重新注册吗？',
        answer: '变更执业机构、执业类别或者执业范围的，应当办理变更注册，可通过电子化注册系统在线申请。',
      },
      {
        question: '还发纸质执业证书吗？',
        answer:
          '医师执业注册已实行电子化管理，注册信息可在国家医疗卫生机构、医师、护士电子化注册系统中查询，电子证照与纸质证书具有同等效力。',
      },
    ],
  },
  {
    code: 'WJ-002',
    name: '公共场所卫生许可（新办）',
    category: 'health',
    departmentCodes: ['WJ'],
    description:
      '在本县开办宾馆、旅店、招待所、公共浴室、理发店、美容店、游泳场（馆）等公共场所的经营单位，应当在开业前申请公共场所卫生许可证。',
    basis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》',
    conditions:
      '1. 已取得营业执照；2. 场所选址、设计、装修符合卫生标准和要求；3. 具有与经营规模相适应的卫生设施，并经卫生检测或者评价合格；4. 建立卫生管理制度，从业人员持有有效健康合格证明。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '公共场所卫生许可申请表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '营业执照', form: 'copy', essential: true }),
      material({ key: 'm3', name: '法定代表人或者负责人身份证明', form: 'copy', essential: true }),
      material({
        key: 'm4',
        name: '公共场所地址方位示意图、平面图和卫生设施平面布局图',
        form: 'original',
        hasSample: true,
      }),
      material({
        key: 'm5',
        name: '公共场所卫生检测或者评价报告',
        form: 'original',
        notes: '由具备资质的检测机构出具',
      }),
      material({ key: 'm6', name: '公共场所卫生管理制度', form: 'original', hasSample: true }),
      material({
        key: 'm7',
        name: '集中空调通风系统卫生检测或者评价报告',
        form: 'original',
        requirement: 'conditional',
        condition: '使用集中空调通风系统的',
      }),
      proxyMaterial('m8'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '材料审查', 2, 'reviewer', 'WJ', 1),
      step('s3', '现场审查', 3, 'handler', 'WJ', 2),
      step('s4', '审批', 4, 'approver', 'WJ', 1),
      step('s5', '办结（制证）', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '开饭馆、奶茶店要办公共场所卫生许可证吗？',
        answer:
          '不需要。饭馆、咖啡馆、酒吧、茶座等的公共场所卫生许可已经取消，但需要依法办理食品经营许可。理发店、美容店、宾馆等仍需办理。',
      },
      {
        question: '卫生许可证有效期多长？',
        answer: '有效期为四年，每两年复核一次。有效期届满需要延续的，请在届满前按规定提出申请。',
      },
      {
        question: '从业人员健康证在哪里办？',
        answer: '可到县疾病预防控制中心或者其他具备资质的体检机构进行健康检查，取得健康合格证明后方可上岗。',
      },
    ],
  },
];
