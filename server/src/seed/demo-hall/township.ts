import type { DemoDepartment, DemoItem, DemoWindow } from './builders.ts';
import { nyItems } from './township-ny.ts';
import { shItems } from './township-sh.ts';
import { zhItems } from './township-zh.ts';

// 青川县桥头镇便民服务中心 (township level); one file per station office, like the county's departments.

export const townDepartments: DemoDepartment[] = [
  { code: 'SH', name: '桥头镇社会事务办公室', phone: '0839-7265101' },
  { code: 'NY', name: '桥头镇农业服务中心', phone: '0839-7265102' },
  { code: 'ZH', name: '桥头镇综合便民窗口', phone: '0839-7265100' },
];

export const townItems: DemoItem[] = [...nyItems, ...shItems, ...zhItems];

export const townWindows: DemoWindow[] = [
  {
    number: 1,
    name: '综合受理窗口',
    kind: 'general',
    itemCodes: ['NY-001', 'NY-002', 'SH-001', 'SH-002', 'SH-003', 'ZH-001'],
  },
  { number: 2, name: '社会事务窗口', kind: 'dedicated', itemCodes: ['SH-001', 'SH-002', 'SH-003'] },
  { number: 3, name: '农业农村服务窗口', kind: 'dedicated', itemCodes: ['NY-001', 'NY-002'] },
];
