import { type DemoItem, material, proxyMaterial, instantSteps, reviewSteps } from './builders.ts';

export const rsItems: DemoItem[] = [
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
      material({
        key: 'm2',
        name: '社会保险登记表（单位）',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
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
        answer:
          '依照《中华人民共和国社会保险法》第五十八条，用人单位应当自用工之日起三十日内为其职工申请办理社会保险登记。',
      },
      {
        question: '社会保险费在哪里缴纳？',
        answer: '社会保险费由税务部门统一征收。完成登记后，请通过电子税务局或者到税务窗口申报缴纳。',
      },
      {
        question: '单位名称、地址变了，社保登记要改吗？',
        answer:
          '要。社会保险登记事项发生变更的，应当自变更之日起三十日内办理变更登记；已通过部门共享同步的，到窗口确认即可。',
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
    basis:
      '《中华人民共和国社会保险法》第二十条、第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
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
    description: '参加失业保险的失业人员符合条件的，可以申领失业保险金，领取期间由失业保险基金代缴基本医疗保险费。',
    basis:
      '《中华人民共和国社会保险法》第四十五条、第四十六条、第四十八条；《失业保险条例》第十四条；《失业保险金申领发放办法》',
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
        answer:
          '它是享受创业担保贷款、社会保险补贴、职业培训补贴等就业创业扶持政策的凭证，也记录本人的就业失业登记情况。',
      },
      {
        question: '证件丢了怎么补？',
        answer: '持居民身份证到发证窗口申请补发，信息在系统中保存，补发当场办理。',
      },
    ],
  },
];
