import { type DemoItem, material, proxyMaterial, instantSteps } from './builders.ts';

// 桥头镇综合便民窗口: 证明开具
export const zhItems: DemoItem[] = [
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
