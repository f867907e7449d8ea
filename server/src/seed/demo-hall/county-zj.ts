import { type DemoItem, material, proxyMaterial, step, reviewSteps } from './builders.ts';

export const zjItems: DemoItem[] = [
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
        answer:
          '不可以。未取得商品房预售许可证的，不得进行商品房预售，也不得以认购、预订、排号等方式收取或者变相收取定金、预订款等费用。',
      },
    ],
  },
];
