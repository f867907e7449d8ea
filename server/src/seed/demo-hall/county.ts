import type { DemoDepartment, DemoItem, DemoWindow } from './builders.ts';
import { scItems } from './county-sc.ts';
import { rsItems } from './county-rs.ts';
import { gaItems } from './county-ga.ts';
import { mzItems } from './county-mz.ts';
import { zrItems } from './county-zr.ts';
import { swItems } from './county-sw.ts';
import { wjItems } from './county-wj.ts';
import { zjItems } from './county-zj.ts';

// 青川县政务服务中心 (county level)
export const countyDepartments: DemoDepartment[] = [
  { code: 'SC', name: '青川县市场监督管理局', phone: '0839-7213101' },
  { code: 'RS', name: '青川县人力资源和社会保障局', phone: '0839-7213102' },
  { code: 'GA', name: '青川县公安局', phone: '0839-7213103' },
  { code: 'MZ', name: '青川县民政局', phone: '0839-7213104' },
  { code: 'ZR', name: '青川县自然资源和规划局（不动产登记中心）', phone: '0839-7213105' },
  { code: 'SW', name: '国家税务总局青川县税务局', phone: '0839-7213106' },
  { code: 'WJ', name: '青川县卫生健康局', phone: '0839-7213107' },
  { code: 'ZJ', name: '青川县住房和城乡建设局', phone: '0839-7213108' },
];

export const countyItems: DemoItem[] = [
  ...scItems,
  ...rsItems,
  ...gaItems,
  ...mzItems,
  ...zrItems,
  ...swItems,
  ...wjItems,
  ...zjItems,
];

export const countyWindows: DemoWindow[] = [
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
