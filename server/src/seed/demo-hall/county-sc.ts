import { type DemoItem, material, proxyMaterial, step, instantSteps } from './builders.ts';

export const scItems: DemoItem[] = [
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
        notes:
          '自有房屋提交不动产权证书；租赁房屋提交租赁协议及出租方产权证明；无产权证明的，可提交村（居）民委员会出具的场所证明',
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
    onlinePrereview: { allowed: true, limitDays: 2 },
    approvalLevel: 'section',
    materials: [
      material({
        key: 'm1',
        name: '食品经营许可申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
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
    basis:
      '《中华人民共和国市场主体登记管理条例》；《中华人民共和国税收征收管理法》；《中华人民共和国发票管理办法》；《优化营商环境条例》',
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
      material({
        key: 'm1',
        name: '公司登记（备案）申请书',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
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
];
