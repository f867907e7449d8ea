import { type DemoItem, material, proxyMaterial, step, instantSteps, reviewSteps } from './builders.ts';

export const gaItems: DemoItem[] = [
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
    basis:
      '《中华人民共和国户口登记条例》第十条、第十三条；《国务院关于进一步推进户籍制度改革的意见》（国发〔2014〕25号）',
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
      material({
        key: 'm3',
        name: '户口迁移申请表',
        form: 'original',
        essential: true,
        hasBlankForm: true,
        hasSample: true,
      }),
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
        answer: '公民身份号码不会改变。原居民身份证在有效期内仍可继续使用，也可以申请换领记载新住址的居民身份证。',
      },
    ],
  },
  {
    code: 'GA-003',
    name: '出生登记',
    category: 'household',
    departmentCodes: ['GA'],
    description: '婴儿出生后一个月以内，由监护人向婴儿常住地户口登记机关申报出生登记，办理户口登记。',
    basis:
      '《中华人民共和国户口登记条例》第七条；《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）',
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
        answer:
          '能办。凭出生医学证明等材料仍可申报出生登记，不影响落户。请尽早办理，以免影响预防接种、医保参保和入学。',
      },
      {
        question: '孩子的名字可以用生僻字吗？',
        answer: '姓名应当使用规范汉字，系统字库中没有的字无法登记。建议取名前先到窗口或者通过线上渠道查询确认。',
      },
      {
        question: '能不能一次把医保、社保卡也办了？',
        answer:
          '可以。办理出生登记时可一并申请城乡居民医保参保登记和社会保障卡申领，信息由系统推送，无需重复提交材料。',
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
];
