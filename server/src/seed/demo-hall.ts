/**
 * Demo data: a county government service centre (政务服务中心) and a township service station (便民服务中心),
 * with their departments, windows and service items (办事指南). The halls, addresses and phone numbers are
 * fictional; the legal bases name real national laws and regulations. Fees are in fen (分).
 *
 * Conventions used throughout:
 * - Front-office steps (受理, 分办, 办结) have departmentCode null: under 一窗通办 they are done by the hall's own
 *   window staff. Back-office steps (审核, 审批, 现场核查 …) name the department that does them.
 * - Steps that share an order run in parallel (并联审批); the item then lists every department involved.
 * - Per-step limits along the longest path never exceed promisedDays, and promisedDays ≤ legalDays.
 *
 * Self-contained on purpose (no project imports) so it can be read, type-checked and reused on its own.
 */

export type DemoCategory =
  | 'enterprise'
  | 'social_security'
  | 'household'
  | 'civil'
  | 'construction'
  | 'tax'
  | 'health'
  | 'agriculture'
  | 'transport'
  | 'other';

export type DemoStepRole = 'clerk' | 'reviewer' | 'router' | 'handler' | 'approver' | 'supervisor' | 'station_head' | 'feedback';

export interface DemoDepartment {
  code: string;
  name: string;
  phone: string;
}

export interface DemoWindow {
  number: number;
  name: string;
  kind: 'general' | 'dedicated' | 'green';
  itemCodes: string[];
}

export interface DemoMaterial {
  key: string;
  name: string;
  form: 'original' | 'copy' | 'original_and_copy';
  copies: number;
  requirement: 'required' | 'conditional' | 'optional';
  condition: string;
  notes: string;
  essential: boolean;
  hasBlankForm: boolean;
  hasSample: boolean;
}

export interface DemoStep {
  key: string;
  name: string;
  order: number;
  role: DemoStepRole;
  departmentCode: string | null;
  limitDays: number;
}

export interface DemoItem {
  code: string;
  name: string;
  category: DemoCategory;
  departmentCodes: string[];
  description: string;
  basis: string;
  conditions: string;
  kind: 'instant' | 'committed';
  legalDays: number;
  promisedDays: number;
  warningDays: number;
  feeFen: number;
  feeNote: string;
  approvalLevel: 'window' | 'section' | 'department' | 'leader';
  materials: DemoMaterial[];
  steps: DemoStep[];
  faq: { question: string; answer: string }[];
}

export interface DemoHall {
  code: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
  departments: DemoDepartment[];
  windows: DemoWindow[];
  items: DemoItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Builders: keep each item readable by filling the usual defaults.
// ---------------------------------------------------------------------------------------------------------------

type MaterialInput = Pick<DemoMaterial, 'key' | 'name' | 'form'> & Partial<Omit<DemoMaterial, 'key' | 'name' | 'form'>>;

/** A material; defaults: one copy, required, not essential, no blank form or sample. */
function material(input: MaterialInput): DemoMaterial {
  return {
    copies: 1,
    requirement: 'required',
    condition: '',
    notes: '',
    essential: false,
    hasBlankForm: false,
    hasSample: false,
    ...input,
  };
}

/** The power of attorney asked for whenever someone else applies on the applicant's behalf. */
function proxyMaterial(key: string, condition = '委托代理人办理的'): DemoMaterial {
  return material({
    key,
    name: '授权委托书及受托人身份证件',
    form: 'original_and_copy',
    requirement: 'conditional',
    condition,
    notes: '委托书应载明委托事项、权限和期限，由委托人签字（单位加盖公章）；受托人身份证件核验原件、留存复印件',
    hasBlankForm: true,
    hasSample: true,
  });
}

function step(key: string, name: string, order: number, role: DemoStepRole, departmentCode: string | null, limitDays: number): DemoStep {
  return { key, name, order, role, departmentCode, limitDays };
}

/** 即办件: accepted and finished on the spot at the window. */
function instantSteps(): DemoStep[] {
  return [step('s1', '受理', 1, 'clerk', null, 0), step('s2', '办结', 2, 'clerk', null, 0)];
}

/** The common committed path: 受理 → 审核 → 审批 → 办结, with the back-office steps in one department. */
function reviewSteps(departmentCode: string, limits: { accept: number; review: number; approve: number; finish: number }): DemoStep[] {
  return [
    step('s1', '受理', 1, 'clerk', null, limits.accept),
    step('s2', '审核', 2, 'reviewer', departmentCode, limits.review),
    step('s3', '审批', 3, 'approver', departmentCode, limits.approve),
    step('s4', '办结', 4, 'clerk', null, limits.finish),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// 1. 青川县政务服务中心 (county level)
// ---------------------------------------------------------------------------------------------------------------

const countyDepartments: DemoDepartment[] = [
  { code: 'SC', name: '青川县市场监督管理局', phone: '0839-7213101' },
  { code: 'RS', name: '青川县人力资源和社会保障局', phone: '0839-7213102' },
  { code: 'GA', name: '青川县公安局', phone: '0839-7213103' },
  { code: 'MZ', name: '青川县民政局', phone: '0839-7213104' },
  { code: 'ZR', name: '青川县自然资源和规划局（不动产登记中心）', phone: '0839-7213105' },
  { code: 'SW', name: '国家税务总局青川县税务局', phone: '0839-7213106' },
  { code: 'WJ', name: '青川县卫生健康局', phone: '0839-7213107' },
  { code: 'ZJ', name: '青川县住房和城乡建设局', phone: '0839-7213108' },
];

const countyItems: DemoItem[] = [
  // ----- 市场监督管理局 -----------------------------------------------------------------------------------------
  {
    code: 'SC-001',
    name: '企业名称变更登记',
    category: 'enterprise',
    departmentCodes: ['SC'],
    description:
      '已在本县登记的公司变更企业名称的，应当自作出变更决议或者决定之日起30日内向登记机关申请变更登记，核准后换发营业执照。名称变更可与住所、经营范围、法定代表人等其他登记事项变更一并申请。',
    basis: '《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》第二十四条；《企业名称登记管理规定》',
    conditions:
      '1. 申请人为在本县登记的公司；2. 拟变更的名称已通过企业名称自主申报系统申报，且符合《企业名称登记管理规定》；3. 已依法作出同意变更名称并修改公司章程的股东会决议或者股东决定；4. 不存在被吊销营业执照或者依法限制办理变更登记的情形。',
    kind: 'committed',
    legalDays: 3,
    promisedDays: 1,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '公司登记（备案）申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
        notes: '由法定代表人签署；通过全程电子化登记系统申请的，可在线签署',
      }),
      material({
        key: 'm2',
        name: '股东会决议或者股东决定',
        form: 'original',
        essential: true,
        hasSample: true,
        notes: '应载明同意变更公司名称及修改公司章程相应条款；一人有限责任公司提交股东决定',
      }),
      material({
        key: 'm3',
        name: '公司章程修正案或者修改后的公司章程',
        form: 'original',
        essential: true,
        hasSample: true,
        notes: '修正案应载明修改条款的原内容和修改后的内容',
      }),
      material({
        key: 'm4',
        name: '营业执照正本及副本',
        form: 'original',
        notes: '领取新营业执照时交回原执照；可容缺受理，领证时补交',
      }),
      material({
        key: 'm5',
        name: '法定代表人身份证件',
        form: 'original_and_copy',
        essential: true,
        notes: '核验原件，留存复印件；已通过实名认证在线签署的无需提交',
      }),
      proxyMaterial('m6'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '登记审核', 2, 'reviewer', 'SC', 1),
      step('s3', '核准', 3, 'approver', 'SC', 0),
      step('s4', '办结（发照）', 4, 'clerk', null, 0),
    ],
    faq: [
      {
        question: '名称变更后，公章、银行账户需要同步变更吗？',
        answer:
          '需要。领取新营业执照后，请到公安机关备案的印章刻制单位重新刻制印章，并到开户银行办理账户名称变更。税务、社会保险登记信息通过部门共享同步更新，如信息不一致，请到相应窗口确认。',
      },
      {
        question: '新名称能不能先查一下有没有重名？',
        answer:
          '可以。请登录企业名称自主申报系统进行查询比对，系统会提示相同或者近似名称的风险；申报通过后再提交变更登记申请。',
      },
      {
        question: '可以不到现场办理吗？',
        answer:
          '可以。通过全程电子化登记系统在线提交申请，材料齐全、符合法定形式的予以登记，新营业执照可选择邮寄送达或者到1号窗口领取。',
      },
    ],
  },
  {
    code: 'SC-002',
    name: '个体工商户设立登记',
    category: 'enterprise',
    departmentCodes: ['SC'],
    description:
      '有经营能力的自然人以个人或者家庭形式从事工商业经营的，向经营场所所在地登记机关申请设立登记，领取营业执照。材料齐全、符合法定形式的，当场登记、当场发照。',
    basis: '《中华人民共和国市场主体登记管理条例》；《促进个体工商户发展条例》',
    conditions:
      '1. 申请人为具有经营能力的自然人，以个人或者家庭形式经营；2. 有固定的经营场所；3. 经营范围不属于法律、行政法规禁止经营的项目，依法须在登记前取得许可的已取得许可文件。',
    kind: 'instant',
    legalDays: 3,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({
        key: 'm1',
        name: '个体工商户登记（备案）申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
        notes: '由经营者本人签署；使用名称的，在申请书中一并填写',
      }),
      material({ key: 'm2', name: '经营者身份证件', form: 'original_and_copy', essential: true }),
      material({
        key: 'm3',
        name: '经营场所使用证明',
        form: 'copy',
        notes: '自有房屋提交不动产权证书；租赁房屋提交租赁协议及出租方产权证明；无产权证明的，可提交村（居）民委员会出具的场所证明',
      }),
      material({
        key: 'm4',
        name: '家庭成员关系证明及参加经营的家庭成员身份证件',
        form: 'copy',
        requirement: 'conditional',
        condition: '以家庭形式经营的',
        notes: '可提供居民户口簿或者结婚证等能证明家庭成员关系的材料',
      }),
      material({
        key: 'm5',
        name: '前置许可文件',
        form: 'copy',
        requirement: 'conditional',
        condition: '经营项目依法须在登记前取得许可的',
        notes: '按许可部门作出的批准文件或者许可证件提交',
      }),
      proxyMaterial('m6'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '个体工商户一定要起名称吗？',
        answer: '不一定。个体工商户可以使用名称，也可以不使用名称；使用名称的，应当符合名称登记的有关规定。',
      },
      {
        question: '在家里开网店需要办营业执照吗？',
        answer:
          '依照《中华人民共和国电子商务法》第十条，个人销售自产农副产品、家庭手工业产品，利用自己的技能从事依法无须取得许可的便民劳务活动和零星小额交易活动的，不需要办理登记；除此以外持续从事经营活动的，应当依法办理登记，可以将网络经营场所登记为经营场所。',
      },
      {
        question: '领了营业执照之后还要做什么？',
        answer:
          '需要开具发票的，请到1号窗口办理税务信息确认和发票领用；每年1月1日至6月30日，通过国家企业信用信息公示系统报送上一年度年度报告。',
      },
    ],
  },
  {
    code: 'SC-003',
    name: '食品经营许可（新办）',
    category: 'enterprise',
    departmentCodes: ['SC'],
    description:
      '在本县从事食品销售和餐饮服务活动的，应当依法取得食品经营许可。仅销售预包装食品的实行备案管理，不在本事项办理范围内。',
    basis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
    conditions:
      '1. 已取得营业执照等合法主体资格；2. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，并与有毒、有害场所以及其他污染源保持规定的距离；3. 具有相应的经营设备或者设施，配备食品安全管理人员，建立保证食品安全的规章制度；4. 具有合理的设备布局和工艺流程。',
    kind: 'committed',
    legalDays: 10,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '食品经营许可申请书', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
      material({
        key: 'm2',
        name: '营业执照或者其他主体资格证明文件',
        form: 'copy',
        essential: true,
        notes: '可通过部门共享获取的，免于提交',
      }),
      material({
        key: 'm3',
        name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件',
        form: 'original',
        hasSample: true,
        notes: '附经营场所平面图和设备布局图，标明各功能区域及面积',
      }),
      material({
        key: 'm4',
        name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录',
        form: 'original',
        hasSample: true,
      }),
      material({ key: 'm5', name: '法定代表人（负责人）身份证件', form: 'original_and_copy', essential: true }),
      material({
        key: 'm6',
        name: '自动售货设备的产品合格证明、放置地点及许可证公示方法等材料',
        form: 'copy',
        requirement: 'conditional',
        condition: '利用自动设备从事食品经营的',
      }),
      proxyMaterial('m7'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '材料审查', 2, 'reviewer', 'SC', 1),
      step('s3', '现场核查', 3, 'handler', 'SC', 2),
      step('s4', '审批', 4, 'approver', 'SC', 1),
      step('s5', '办结（制证送达）', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '只卖包装好的饮料和零食，也要办食品经营许可证吗？',
        answer: '不需要。仅销售预包装食品的，向县市场监督管理局办理备案即可，无需申请食品经营许可。',
      },
      {
        question: '现场核查前需要做哪些准备？',
        answer:
          '请按申报的布局图完成装修和设备安装，确保场所、设备设施与申请材料一致，从业人员持有有效健康证明。核查人员会提前电话预约时间，经营者或者食品安全管理人员应在场。',
      },
      {
        question: '食品经营许可证有效期多长？',
        answer: '有效期为5年。有效期届满需要继续经营的，请在届满前按规定申请延续。',
      },
    ],
  },
  {
    code: 'SC-004',
    name: '企业开办“一件事”（设立登记、公章刻制、发票申领）',
    category: 'enterprise',
    departmentCodes: ['SC', 'GA', 'SW'],
    description:
      '新设立企业在综合窗口一次提交材料，设立登记完成后，公章刻制备案与税务信息确认、发票申领并联办理，一个工作日内办结，领取营业执照、首套印章并可开具发票。',
    basis: '《中华人民共和国市场主体登记管理条例》；《中华人民共和国税收征收管理法》；《中华人民共和国发票管理办法》；《优化营商环境条例》',
    conditions:
      '1. 拟设立企业的名称已完成自主申报；2. 有符合规定的住所或者主要经营场所；3. 股东、法定代表人、董事、监事、高级管理人员符合法律、行政法规规定的任职条件；4. 经营范围涉及登记前许可的，已取得相关许可。',
    kind: 'committed',
    legalDays: 3,
    promisedDays: 1,
    warningDays: 0,
    feeFen: 0,
    feeNote: '首套印章（公章、财务专用章、发票专用章、合同专用章、法定代表人名章）由县财政统一采购，免费刻制',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '公司登记（备案）申请书', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
      material({
        key: 'm2',
        name: '公司章程',
        form: 'original',
        essential: true,
        hasSample: true,
        notes: '有限责任公司由全体股东签署',
      }),
      material({
        key: 'm3',
        name: '股东的主体资格证明或者自然人身份证件',
        form: 'copy',
        essential: true,
      }),
      material({
        key: 'm4',
        name: '法定代表人、董事、监事、经理的身份证件',
        form: 'copy',
        essential: true,
      }),
      material({
        key: 'm5',
        name: '住所（经营场所）使用证明',
        form: 'copy',
        notes: '自有房屋提交不动产权证书；租赁房屋提交租赁协议及出租方产权证明',
      }),
      material({
        key: 'm6',
        name: '办税人员、财务负责人身份证件',
        form: 'original_and_copy',
        notes: '用于税务实名认证和发票领用',
      }),
      proxyMaterial('m7'),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '分办', 2, 'router', null, 0),
      step('s3', '设立登记核准', 3, 'approver', 'SC', 1),
      step('s4', '公章刻制备案', 4, 'handler', 'GA', 0),
      step('s5', '税务信息确认及发票申领', 4, 'handler', 'SW', 0),
      step('s6', '办结（统一出件）', 5, 'clerk', null, 0),
    ],
    faq: [
      {
        question: '办完“一件事”能拿到哪些东西？',
        answer:
          '营业执照正本和副本、首套印章，同时完成税务信息确认和发票票种核定，可直接通过电子发票服务平台开具发票。',
      },
      {
        question: '公司注册地址可以用自己的住宅吗？',
        answer:
          '依照《中华人民共和国民法典》第二百七十九条，将住宅改变为经营性用房的，除遵守法律、法规以及管理规约外，应当经有利害关系的业主一致同意。',
      },
      {
        question: '注册资本需要一次交齐吗？',
        answer:
          '不需要一次交齐，但依照《中华人民共和国公司法》第四十七条，有限责任公司全体股东认缴的出资额应当按照公司章程的规定自公司成立之日起五年内缴足，请结合实际经营需要合理确定注册资本。',
      },
    ],
  },

  // ----- 人力资源和社会保障局 -----------------------------------------------------------------------------------
  {
    code: 'RS-001',
    name: '单位社会保险登记',
    category: 'social_security',
    departmentCodes: ['RS'],
    description:
      '用人单位为职工参加社会保险，向社会保险经办机构申请办理单位社会保险登记。已通过“多证合一”领取营业执照的企业，登记信息由市场监管部门共享推送，经单位确认后即完成登记。',
    basis: '《中华人民共和国社会保险法》第五十七条、第五十八条；《社会保险费征缴暂行条例》',
    conditions:
      '1. 在本县依法设立的企业、事业单位、社会组织，以及有雇工的个体工商户等用人单位；2. 已取得统一社会信用代码；3. 尚未在其他统筹地区办理社会保险登记。',
    kind: 'instant',
    legalDays: 15,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({
        key: 'm1',
        name: '营业执照或者批准成立证件',
        form: 'copy',
        essential: true,
        notes: '可通过部门共享获取的，免于提交',
      }),
      material({ key: 'm2', name: '社会保险登记表（单位）', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
      material({ key: 'm3', name: '法定代表人（负责人）身份证件', form: 'copy', essential: true }),
      material({ key: 'm4', name: '经办人身份证件', form: 'original', essential: true }),
      material({
        key: 'm5',
        name: '单位银行结算账户信息',
        form: 'copy',
        requirement: 'optional',
        notes: '用于工伤、生育等待遇支付，可在登记后补充',
      }),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '新招了职工，多长时间内要给他参保？',
        answer: '依照《中华人民共和国社会保险法》第五十八条，用人单位应当自用工之日起三十日内为其职工申请办理社会保险登记。',
      },
      {
        question: '社会保险费在哪里缴纳？',
        answer: '社会保险费由税务部门统一征收。完成登记后，请通过电子税务局或者到税务窗口申报缴纳。',
      },
      {
        question: '单位名称、地址变了，社保登记要改吗？',
        answer: '要。社会保险登记事项发生变更的，应当自变更之日起三十日内办理变更登记；已通过部门共享同步的，到窗口确认即可。',
      },
    ],
  },
  {
    code: 'RS-002',
    name: '城乡居民基本养老保险参保登记',
    category: 'social_security',
    departmentCodes: ['RS'],
    description:
      '年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，可在户籍地申请参加城乡居民基本养老保险。',
    basis: '《中华人民共和国社会保险法》第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    conditions:
      '1. 具有本县户籍，年满16周岁，不含在校学生；2. 非国家机关和事业单位工作人员；3. 未参加职工基本养老保险或者其他基本养老保险制度。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '参保登记不收费；个人缴费按本人选择的缴费档次通过税务渠道缴纳',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '居民身份证', form: 'original', essential: true }),
      material({
        key: 'm2',
        name: '居民户口簿',
        form: 'original',
        notes: '用于核验户籍地；能通过户籍信息共享核验的，免于提交',
      }),
      material({
        key: 'm3',
        name: '城乡居民基本养老保险参保登记表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm4',
        name: '社会保障卡或者本人银行账户',
        form: 'original',
        requirement: 'optional',
        notes: '用于待遇发放；尚未申领社会保障卡的，可同步申领',
      }),
      proxyMaterial('m5', '委托他人代为办理的'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '每年要交多少钱？',
        answer:
          '个人缴费设若干档次，具体档次和政府补贴标准以本县当年公布的标准为准。参保人自主选择档次，多缴多得，选择较高档次的可获得更多政府补贴。',
      },
      {
        question: '已经在单位交了职工养老保险，还能参加吗？',
        answer: '不能同时参加。职工养老保险和城乡居民养老保险之间转换的，可按规定办理城乡养老保险制度衔接。',
      },
      {
        question: '交满多少年才能领养老金？',
        answer: '年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇的，可以按月领取城乡居民养老保险待遇。',
      },
    ],
  },
  {
    code: 'RS-003',
    name: '失业保险金申领',
    category: 'social_security',
    departmentCodes: ['RS'],
    description:
      '参加失业保险的失业人员符合条件的，可以申领失业保险金，领取期间由失业保险基金代缴基本医疗保险费。',
    basis: '《中华人民共和国社会保险法》第四十五条、第四十六条、第四十八条；《失业保险条例》第十四条；《失业保险金申领发放办法》',
    conditions:
      '1. 失业前用人单位和本人已经缴纳失业保险费满一年；2. 非因本人意愿中断就业；3. 已经进行失业登记，并有求职要求。',
    kind: 'committed',
    legalDays: 10,
    promisedDays: 3,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '居民身份证或者社会保障卡', form: 'original', essential: true }),
      material({
        key: 'm2',
        name: '与原用人单位终止或者解除劳动关系的证明',
        form: 'copy',
        notes: '原单位已在系统中办理减员、信息可核验的，免于提交',
      }),
      material({
        key: 'm3',
        name: '失业保险金申领登记表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm4',
        name: '本人银行账户信息',
        form: 'copy',
        notes: '须为本人名下账户；已激活金融功能的社会保障卡可直接使用',
      }),
      proxyMaterial('m5', '本人因病等特殊情况无法到场、委托他人代为办理的'),
    ],
    steps: reviewSteps('RS', { accept: 0, review: 2, approve: 1, finish: 0 }),
    faq: [
      {
        question: '失业保险金最长能领多久？',
        answer:
          '累计缴费满1年不足5年的，最长12个月；满5年不足10年的，最长18个月；10年以上的，最长24个月。重新就业后再次失业的，缴费时间重新计算。',
      },
      {
        question: '我是主动辞职的，可以领吗？',
        answer:
          '一般不可以。但因用人单位未按照劳动合同约定支付劳动报酬、未依法缴纳社会保险费等原因，依照《中华人民共和国劳动合同法》第三十八条解除劳动合同的，属于非因本人意愿中断就业，可以申领。',
      },
      {
        question: '领失业金期间，医保还要自己交吗？',
        answer: '不用。领取失业保险金期间，基本医疗保险费从失业保险基金中支付，个人不缴纳。',
      },
      {
        question: '领取期间找到工作了怎么办？',
        answer: '重新就业的，应当停止领取失业保险金，请及时告知窗口或者通过线上渠道申报，以免多领后被追回。',
      },
    ],
  },
  {
    code: 'RS-004',
    name: '就业创业证申领',
    category: 'social_security',
    departmentCodes: ['RS'],
    description:
      '劳动年龄内、有劳动能力和就业要求的本县户籍人员或者常住人员，可以申领《就业创业证》，用于记录就业失业状况、享受就业创业扶持政策。',
    basis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》',
    conditions:
      '1. 在法定劳动年龄内，有劳动能力和就业要求；2. 具有本县户籍，或者持有本县居住证；3. 尚未在其他地区领取《就业创业证》。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '居民身份证', form: 'original', essential: true }),
      material({
        key: 'm2',
        name: '居住证',
        form: 'original',
        requirement: 'conditional',
        condition: '非本县户籍、在本县常住的',
      }),
      material({ key: 'm3', name: '就业创业证申领登记表', form: 'original', essential: true, hasBlankForm: true }),
      material({
        key: 'm4',
        name: '近期免冠一寸照片',
        form: 'original',
        requirement: 'optional',
        notes: '窗口可现场免费拍照采集',
      }),
      material({
        key: 'm5',
        name: '毕业证书',
        form: 'original_and_copy',
        requirement: 'conditional',
        condition: '毕业年度内高校毕业生申领的',
      }),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '就业创业证有什么用？',
        answer: '它是享受创业担保贷款、社会保险补贴、职业培训补贴等就业创业扶持政策的凭证，也记录本人的就业失业登记情况。',
      },
      {
        question: '证件丢了怎么补？',
        answer: '持居民身份证到发证窗口申请补发，信息在系统中保存，补发当场办理。',
      },
    ],
  },

  // ----- 公安局 ---------------------------------------------------------------------------------------------------
  {
    code: 'GA-001',
    name: '居住证申领',
    category: 'household',
    departmentCodes: ['GA'],
    description:
      '公民离开常住户口所在地，到本县居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以申领居住证，并依法享受居住地基本公共服务和便利。',
    basis: '《居住证暂行条例》第二条',
    conditions:
      '1. 离开常住户口所在地，在本县居住半年以上；2. 有合法稳定就业、合法稳定住所、连续就读三项条件之一；3. 本人或者监护人亲自到窗口申请并采集相片。',
    kind: 'committed',
    legalDays: 15,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '首次申领不收费；换领、补领按国家规定缴纳工本费',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '居民身份证', form: 'original_and_copy', essential: true }),
      material({
        key: 'm2',
        name: '居住地住址证明',
        form: 'copy',
        essential: true,
        notes: '房屋产权证明、房屋租赁合同，或者单位、学校出具的住宿证明',
      }),
      material({
        key: 'm3',
        name: '合法稳定就业证明',
        form: 'copy',
        requirement: 'conditional',
        condition: '以合法稳定就业为条件申领的',
        notes: '劳动合同、营业执照或者社会保险缴费记录等',
      }),
      material({
        key: 'm4',
        name: '连续就读证明',
        form: 'original',
        requirement: 'conditional',
        condition: '以连续就读为条件申领的',
        notes: '学校出具的在读证明或者学生证',
      }),
      material({ key: 'm5', name: '居住证申领登记表', form: 'original', essential: true, hasBlankForm: true }),
      material({
        key: 'm6',
        name: '本人近期相片',
        form: 'original',
        requirement: 'optional',
        notes: '窗口可现场免费采集数码相片',
      }),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '审核', 2, 'reviewer', 'GA', 2),
      step('s3', '制证', 3, 'handler', 'GA', 3),
      step('s4', '办结（发证）', 4, 'clerk', null, 0),
    ],
    faq: [
      {
        question: '居住证每年都要签注吗？',
        answer:
          '要。在居住地连续居住的，应当在居住每满一年之日前一个月内办理签注。逾期未签注的，居住证使用功能中止；补办签注后恢复，居住年限自补办签注之日起连续计算。',
      },
      {
        question: '持居住证能享受哪些服务？',
        answer:
          '可以在居住地享受义务教育、基本公共就业服务、基本公共卫生服务、公共文化体育服务、法律援助等基本公共服务，以及办理出入境证件、机动车登记、申领机动车驾驶证等便利。',
      },
      {
        question: '办居住证收费吗？',
        answer: '首次申领不收费。换领、补领居住证的，按国家规定标准缴纳工本费。',
      },
    ],
  },
  {
    code: 'GA-002',
    name: '户口迁入',
    category: 'household',
    departmentCodes: ['GA'],
    description:
      '符合本县落户条件的人员申请将户口迁入本县，由迁入地公安机关审核。跨省迁移实行“一站式”办理，经审核准予迁入的，通过户籍业务系统网上流转，无需再回迁出地开具户口迁移证件。',
    basis: '《中华人民共和国户口登记条例》第十条、第十三条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）',
    conditions:
      '本县已全面放开城镇落户限制，符合下列情形之一的可以申请：1. 夫妻投靠、父母投靠子女、子女投靠父母等亲属投靠；2. 在本县有合法稳定住所（含租赁）的人员及其共同居住生活的配偶、子女、父母；3. 在本县有合法稳定就业的人员；4. 其他符合本县户籍管理规定的情形。',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '迁移人居民身份证', form: 'original_and_copy', essential: true }),
      material({ key: 'm2', name: '迁移人居民户口簿', form: 'original', essential: true }),
      material({ key: 'm3', name: '户口迁移申请表', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
      material({
        key: 'm4',
        name: '投靠方居民户口簿及亲属关系证明',
        form: 'original_and_copy',
        requirement: 'conditional',
        condition: '投靠亲属落户的',
        notes: '亲属关系证明可提供结婚证、出生医学证明等',
      }),
      material({
        key: 'm5',
        name: '合法稳定住所证明',
        form: 'copy',
        requirement: 'conditional',
        condition: '以合法稳定住所落户的',
        notes: '不动产权证书、商品房买卖合同或者经备案的房屋租赁合同',
      }),
      material({
        key: 'm6',
        name: '劳动合同或者营业执照',
        form: 'copy',
        requirement: 'conditional',
        condition: '以合法稳定就业落户的',
      }),
      proxyMaterial('m7'),
    ],
    steps: reviewSteps('GA', { accept: 0, review: 2, approve: 2, finish: 1 }),
    faq: [
      {
        question: '还需要回老家开迁移证吗？',
        answer: '不需要。在本窗口提交申请后，经审核准予迁入的，由公安机关通过系统网上流转办理迁出手续。',
      },
      {
        question: '孩子的户口能一起迁吗？',
        answer: '可以。未成年子女可以随父母一并申请迁入，请同时提供子女的居民户口簿和出生医学证明。',
      },
      {
        question: '户口迁过来后身份证要换吗？',
        answer:
          '公民身份号码不会改变。原居民身份证在有效期内仍可继续使用，也可以申请换领记载新住址的居民身份证。',
      },
    ],
  },
  {
    code: 'GA-003',
    name: '出生登记',
    category: 'household',
    departmentCodes: ['GA'],
    description: '婴儿出生后一个月以内，由监护人向婴儿常住地户口登记机关申报出生登记，办理户口登记。',
    basis: '《中华人民共和国户口登记条例》第七条；《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）',
    conditions:
      '1. 婴儿父亲或者母亲一方户口在本县，随父随母落户自愿；2. 持有医疗机构出具的《出生医学证明》；3. 由父母或者其他监护人申报。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '出生医学证明', form: 'original_and_copy', essential: true }),
      material({
        key: 'm2',
        name: '落户方居民户口簿',
        form: 'original',
        essential: true,
        notes: '随父或者随母落户的，提供落户一方的户口簿',
      }),
      material({ key: 'm3', name: '父母双方居民身份证', form: 'original', essential: true }),
      material({
        key: 'm4',
        name: '父母结婚证',
        form: 'original',
        requirement: 'conditional',
        condition: '父母已登记结婚的',
        notes: '非婚生育子女随父落户的，另需提供亲子鉴定证明',
      }),
      proxyMaterial('m5', '由父母以外的其他监护人或者亲属代为申报的'),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '孩子出生超过一个月还没上户口，还能办吗？',
        answer: '能办。凭出生医学证明等材料仍可申报出生登记，不影响落户。请尽早办理，以免影响预防接种、医保参保和入学。',
      },
      {
        question: '孩子的名字可以用生僻字吗？',
        answer: '姓名应当使用规范汉字，系统字库中没有的字无法登记。建议取名前先到窗口或者通过线上渠道查询确认。',
      },
      {
        question: '能不能一次把医保、社保卡也办了？',
        answer: '可以。办理出生登记时可一并申请城乡居民医保参保登记和社会保障卡申领，信息由系统推送，无需重复提交材料。',
      },
    ],
  },
  {
    code: 'GA-004',
    name: '居民身份证换领、补领',
    category: 'household',
    departmentCodes: ['GA'],
    description:
      '居民身份证有效期满、公民姓名变更、证件严重损坏不能辨认或者登记项目错误的，应当换领新证；居民身份证丢失的，应当申请补领。急需用证的，可以同时申领临时居民身份证。',
    basis: '《中华人民共和国居民身份证法》第十一条、第十二条',
    conditions:
      '1. 属于有效期满、姓名变更、证件损坏、登记项目错误或者丢失等情形；2. 本人到窗口采集相片和指纹；3. 未满十六周岁的，由监护人陪同申请。',
    kind: 'committed',
    legalDays: 60,
    promisedDays: 15,
    warningDays: 2,
    feeFen: 2000,
    feeNote: '工本费每证20元；领取最低生活保障金等特殊困难居民换领的，按规定免收；临时居民身份证工本费每证10元',
    approvalLevel: 'section',
    materials: [
      material({ key: 'm1', name: '居民户口簿', form: 'original', essential: true }),
      material({
        key: 'm2',
        name: '原居民身份证',
        form: 'original',
        requirement: 'conditional',
        condition: '换领的',
        notes: '领取新证时交回原证',
      }),
      material({
        key: 'm3',
        name: '居民身份证申领登记表',
        form: 'original',
        essential: true,
        notes: '窗口采集相片、指纹后现场打印，由申请人签字确认',
      }),
      material({
        key: 'm4',
        name: '监护人居民身份证',
        form: 'original',
        requirement: 'conditional',
        condition: '未满十六周岁的公民申请的',
      }),
      material({
        key: 'm5',
        name: '姓名变更证明材料',
        form: 'copy',
        requirement: 'conditional',
        condition: '因姓名变更换领，且户口簿尚未记载变更后姓名的',
      }),
    ],
    steps: [
      step('s1', '受理（采集相片、指纹）', 1, 'clerk', null, 0),
      step('s2', '审核签发', 2, 'approver', 'GA', 1),
      step('s3', '制证', 3, 'handler', 'GA', 12),
      step('s4', '办结（领证）', 4, 'clerk', null, 2),
    ],
    faq: [
      {
        question: '等新证期间急需用身份证怎么办？',
        answer: '可以同时申领临时居民身份证，当场或者次日领取，有效期三个月。',
      },
      {
        question: '身份证快到期了，提前多久能换？',
        answer: '有效期满前三个月内可以申请换领，请留意证件有效期，避免影响乘车、住宿和金融业务。',
      },
      {
        question: '户口不在本县，能在这里换身份证吗？',
        answer: '可以。居民身份证换领、补领已实行异地受理，外地户籍居民可在本窗口申请，证件可选择邮寄送达。',
      },
    ],
  },
  {
    code: 'GA-005',
    name: '机动车驾驶证换证、补证',
    category: 'transport',
    departmentCodes: ['GA'],
    description:
      '机动车驾驶证有效期满、损毁无法辨认、记载信息发生变化，或者遗失的，驾驶人可以申请换领、补领机动车驾驶证。本窗口受理各准驾车型的换证、补证业务，符合条件的当场发证。',
    basis: '《中华人民共和国道路交通安全法》第十九条；《机动车驾驶证申领和使用规定》',
    conditions:
      '1. 机动车驾驶证未被吊销、注销或者扣押；2. 申请期满换证的，在有效期满前九十日内提出；3. 身体条件符合所持准驾车型的要求。',
    kind: 'instant',
    legalDays: 0,
    promisedDays: 0,
    warningDays: 0,
    feeFen: 1000,
    feeNote: '机动车驾驶证工本费每证10元',
    approvalLevel: 'window',
    materials: [
      material({ key: 'm1', name: '机动车驾驶人身份证明', form: 'original', essential: true, notes: '居民身份证' }),
      material({
        key: 'm2',
        name: '原机动车驾驶证',
        form: 'original',
        requirement: 'conditional',
        condition: '换领的',
      }),
      material({ key: 'm3', name: '机动车驾驶证申请表', form: 'original', essential: true, hasBlankForm: true }),
      material({
        key: 'm4',
        name: '机动车驾驶人身体条件证明',
        form: 'original',
        requirement: 'conditional',
        condition: '年满70周岁，或者持有大型客车、牵引车、城市公交车、中型客车、大型货车等准驾车型的驾驶人换证的',
        notes: '由具备资质的医疗机构出具，已通过系统联网上传的无需提交纸质证明',
      }),
      material({
        key: 'm5',
        name: '近期白底免冠彩色照片',
        form: 'original',
        requirement: 'optional',
        notes: '窗口可现场采集照片',
      }),
    ],
    steps: instantSteps(),
    faq: [
      {
        question: '驾驶证到期前多久可以换？',
        answer: '应当在有效期满前九十日内申请换证，逾期未换证的，驾驶证可能被注销，请留意有效期。',
      },
      {
        question: '外地考的驾驶证可以在这里换吗？',
        answer: '可以。机动车驾驶证换证、补证已实行全国通办，持身份证到本窗口即可办理。',
      },
      {
        question: '驾驶证丢了，补证期间能开车吗？',
        answer:
          '驾驶机动车应当随身携带驾驶证。已通过“交管12123”App申领电子驾驶证的，可以出示电子驾驶证；补证当场可以领取。',
      },
    ],
  },

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
    steps: [step('s1', '受理（身份核验、签署声明）', 1, 'clerk', null, 0), step('s2', '办结（颁发结婚证）', 2, 'clerk', null, 0)],
    faq: [
      {
        question: '户口不在本县，可以在这里领结婚证吗？',
        answer: '可以。修订后的《婚姻登记条例》施行后，内地居民结婚登记不再受户籍地限制，双方持居民身份证即可到本中心办理。',
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
    materials: [
      material({ key: 'm1', name: '最低生活保障申请书', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
      material({ key: 'm2', name: '共同生活家庭成员居民身份证、居民户口簿', form: 'original_and_copy', essential: true }),
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
        answer: '低保标准由县人民政府确定并向社会公布，每年根据经济社会发展情况调整，可在窗口或者县民政局网站查询当年标准。',
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
      material({ key: 'm3', name: '高龄津贴申领表', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
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
    basis: '《中华人民共和国残疾人保障法》；《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    conditions:
      '1. 具有本县户籍，持有第二代《中华人民共和国残疾人证》；2. 申请生活补贴的，属于最低生活保障家庭成员或者本县规定的其他困难情形；3. 申请护理补贴的，残疾等级为一级、二级且需要长期照护，或者属于本县扩大保障范围的其他重度残疾人。',
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
        answer: '已享受工伤保险生活护理费，或者已纳入特困人员救助供养的，一般不再重复享受护理补贴，具体以审核结果为准。',
      },
    ],
  },

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
      material({ key: 'm1', name: '不动产登记申请书', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
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
        answer: '住宅类每件80元，含一本证书；每增加一本证书加收10元。非住宅类每件550元。小微企业（含个体工商户）免收登记费。',
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
    approvalLevel: 'leader',
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
      step('s5', '审批', 4, 'approver', 'ZR', 3),
      step('s6', '办结（制证）', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '农村村民在自家宅基地上建房，也办这个证吗？',
        answer:
          '不办。在乡、村庄规划区内进行农村村民住宅建设的，应当向所在乡（镇）人民政府申请乡村建设规划许可证。',
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
        answer: '年应税销售额超过500万元的，应当登记为一般纳税人；未超过的为小规模纳税人，会计核算健全的也可以自愿申请登记为一般纳税人。',
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
    conditions: '1. 已完成涉税信息确认的纳税人；2. 办税人员已完成实名认证；3. 不存在未按规定缴销发票或者其他影响发票领用的情形。',
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
        answer: '医师执业注册已实行电子化管理，注册信息可在国家医疗卫生机构、医师、护士电子化注册系统中查询，电子证照与纸质证书具有同等效力。',
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
        answer: '不需要。饭馆、咖啡馆、酒吧、茶座等的公共场所卫生许可已经取消，但需要依法办理食品经营许可。理发店、美容店、宾馆等仍需办理。',
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

  // ----- 住房和城乡建设局 -----------------------------------------------------------------------------------------
  {
    code: 'ZJ-001',
    name: '建筑工程施工许可证核发',
    category: 'construction',
    departmentCodes: ['ZJ'],
    description:
      '在本县从事房屋建筑及其附属设施的建造、装修装饰和与其配套的线路、管道、设备的安装，以及城镇市政基础设施工程施工的，建设单位应当在开工前申请领取施工许可证。工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证（省级住房和城乡建设主管部门另有规定的，从其规定）。',
    basis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》',
    conditions:
      '1. 已经办理该建筑工程用地批准手续；2. 依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证；3. 需要征收房屋的，其进度符合施工要求；4. 已经确定施工企业；5. 有满足施工需要的资金安排、施工图纸及技术资料；6. 有保证工程质量和安全的具体措施。',
    kind: 'committed',
    legalDays: 7,
    promisedDays: 3,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '建筑工程施工许可证申请表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({
        key: 'm2',
        name: '用地批准手续',
        form: 'copy',
        essential: true,
        notes: '不动产权证书或者建设用地批准文件',
      }),
      material({
        key: 'm3',
        name: '建设工程规划许可证',
        form: 'copy',
        requirement: 'conditional',
        condition: '依法应当办理建设工程规划许可证的',
        essential: true,
      }),
      material({
        key: 'm4',
        name: '中标通知书或者施工合同',
        form: 'copy',
        essential: true,
        notes: '依法必须招标的工程提交中标通知书和施工合同；依法可以直接发包的提交施工合同',
      }),
      material({
        key: 'm5',
        name: '建设资金已经落实承诺书',
        form: 'original',
        hasBlankForm: true,
      }),
      material({
        key: 'm6',
        name: '施工图设计文件及技术资料',
        form: 'copy',
        notes: '按规定需要审查的，一并提交施工图审查合格意见',
      }),
      material({
        key: 'm7',
        name: '保证工程质量和安全的具体措施',
        form: 'original',
        notes: '可提交施工组织设计中的质量安全措施部分',
      }),
      proxyMaterial('m8'),
    ],
    steps: reviewSteps('ZJ', { accept: 0, review: 1, approve: 1, finish: 1 }),
    faq: [
      {
        question: '多小的工程可以不办施工许可证？',
        answer:
          '工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证；省级住房和城乡建设主管部门调整限额的，按调整后的限额执行。',
      },
      {
        question: '领证后多久必须开工？',
        answer:
          '应当自领取施工许可证之日起三个月内开工。因故不能按期开工的，应当向发证机关申请延期，延期以两次为限，每次不超过三个月。',
      },
      {
        question: '已经办了建设工程规划许可证，还要单独办施工许可证吗？',
        answer: '要。两者是不同阶段的许可，规划许可证是申请施工许可证的条件之一，可在7号窗口一并咨询办理。',
      },
    ],
  },
  {
    code: 'ZJ-002',
    name: '商品房预售许可',
    category: 'construction',
    departmentCodes: ['ZJ'],
    description:
      '房地产开发企业在商品房竣工验收前向买受人预售商品房的，应当向县住房和城乡建设主管部门申请商品房预售许可，取得《商品房预售许可证》。',
    basis: '《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》',
    conditions:
      '1. 已交付全部土地使用权出让金，取得土地使用权证书；2. 持有建设工程规划许可证和施工许可证；3. 按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的百分之二十五以上，并已经确定施工进度和竣工交付日期。',
    kind: 'committed',
    legalDays: 10,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '',
    approvalLevel: 'department',
    materials: [
      material({
        key: 'm1',
        name: '商品房预售许可申请表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
      material({ key: 'm2', name: '营业执照和房地产开发企业资质证书', form: 'copy', essential: true }),
      material({ key: 'm3', name: '不动产权证书（土地使用权）', form: 'copy', essential: true }),
      material({ key: 'm4', name: '建设工程规划许可证和施工许可证', form: 'copy', essential: true }),
      material({ key: 'm5', name: '工程施工合同及关于施工进度的说明', form: 'copy' }),
      material({
        key: 'm6',
        name: '投入开发建设的资金达到工程建设总投资25%以上的证明',
        form: 'original',
        essential: true,
        notes: '附工程形象进度照片及监理单位出具的进度证明',
      }),
      material({
        key: 'm7',
        name: '商品房预售方案',
        form: 'original',
        hasSample: true,
        notes: '应说明商品房的位置、面积、竣工交付日期、预售资金监管安排等',
      }),
      material({ key: 'm8', name: '商品房预售资金监管协议', form: 'original', essential: true }),
    ],
    steps: [
      step('s1', '受理', 1, 'clerk', null, 0),
      step('s2', '现场查勘', 2, 'handler', 'ZJ', 2),
      step('s3', '审核', 3, 'reviewer', 'ZJ', 1),
      step('s4', '审批', 4, 'approver', 'ZJ', 1),
      step('s5', '办结', 5, 'clerk', null, 1),
    ],
    faq: [
      {
        question: '预售资金怎么监管？',
        answer: '购房人交付的预售资金全部存入监管账户，按照工程建设进度分节点拨付，专项用于本项目建设。',
      },
      {
        question: '还没有拿到预售许可证，可以先收定金、认筹吗？',
        answer: '不可以。未取得商品房预售许可证的，不得进行商品房预售，也不得以认购、预订、排号等方式收取或者变相收取定金、预订款等费用。',
      },
    ],
  },
];

const countyWindows: DemoWindow[] = [
  {
    number: 1,
    name: '综合受理窗口（企业开办与经营许可）',
    kind: 'general',
    itemCodes: ['SC-001', 'SC-002', 'SC-003', 'SC-004', 'RS-001', 'SW-001', 'SW-002', 'WJ-002'],
  },
  {
    number: 2,
    name: '综合受理窗口（社会事务）',
    kind: 'general',
    itemCodes: ['RS-002', 'RS-003', 'RS-004', 'MZ-002', 'MZ-003', 'MZ-004', 'GA-001', 'WJ-001'],
  },
  {
    number: 3,
    name: '综合受理窗口（无差别受理）',
    kind: 'general',
    itemCodes: ['SC-001', 'SC-002', 'RS-001', 'RS-002', 'RS-004', 'GA-001', 'MZ-003', 'ZR-003', 'SW-001', 'WJ-001'],
  },
  {
    number: 4,
    name: '公安服务专窗（户政、交管）',
    kind: 'dedicated',
    itemCodes: ['GA-001', 'GA-002', 'GA-003', 'GA-004', 'GA-005'],
  },
  { number: 5, name: '婚姻登记专窗', kind: 'dedicated', itemCodes: ['MZ-001'] },
  { number: 6, name: '不动产登记专窗', kind: 'dedicated', itemCodes: ['ZR-001', 'ZR-003'] },
  { number: 7, name: '工程建设项目审批专窗', kind: 'dedicated', itemCodes: ['ZR-002', 'ZJ-001', 'ZJ-002'] },
  {
    number: 8,
    name: '绿色通道窗口（老年人、残疾人、急事急办）',
    kind: 'green',
    itemCodes: ['GA-003', 'GA-004', 'MZ-002', 'MZ-003', 'MZ-004', 'RS-002', 'RS-003'],
  },
];

// ---------------------------------------------------------------------------------------------------------------
// 2. 青川县桥头镇便民服务中心 (township level)
// ---------------------------------------------------------------------------------------------------------------

const townDepartments: DemoDepartment[] = [
  { code: 'SH', name: '桥头镇社会事务办公室', phone: '0839-7265101' },
  { code: 'NY', name: '桥头镇农业服务中心', phone: '0839-7265102' },
  { code: 'ZH', name: '桥头镇综合便民窗口', phone: '0839-7265100' },
];

const townItems: DemoItem[] = [
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
        answer: '不能。依照《中华人民共和国土地管理法》第六十二条，农村村民出卖、出租、赠与住宅后，再申请宅基地的，不予批准。',
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
        answer: '每年集中申报一次，一般在春耕前，具体时间以镇人民政府和村委会发布的通知为准，逾期未申报的当年不予补报。',
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
      material({ key: 'm3', name: '高龄津贴申领表', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
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
      material({ key: 'm1', name: '临时救助申请书', form: 'original', essential: true, hasBlankForm: true, hasSample: true }),
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
    basis: '《中华人民共和国社会保险法》第二十四条、第二十五条；《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
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
        answer: '每年集中缴费期内缴纳次年的个人缴费，具体时间和标准以当年通知为准，可通过手机缴费或者到镇便民服务中心缴纳。',
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

const townWindows: DemoWindow[] = [
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

export const demoHalls: DemoHall[] = [
  {
    code: 'QCX-ZWFW',
    name: '青川县政务服务中心',
    address: '青川县城北新区政务大道1号政务服务大楼',
    phone: '0839-7213100',
    openingHours: '周一至周五 9:00—12:00，13:30—17:30（法定节假日除外）；周六 9:00—12:00 开放绿色通道及预约服务',
    departments: countyDepartments,
    windows: countyWindows,
    items: countyItems,
  },
  {
    code: 'QCX-QTZ-BMFW',
    name: '青川县桥头镇便民服务中心',
    address: '青川县桥头镇桥头街12号（镇人民政府一楼）',
    phone: '0839-7265100',
    openingHours: '周一至周五 8:30—12:00，14:00—17:30；逢场日（农历每旬逢三、六、九）周六、周日上午照常办公',
    departments: townDepartments,
    windows: townWindows,
    items: townItems,
  },
];
