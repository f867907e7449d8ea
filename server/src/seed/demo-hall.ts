/**
 * The demo hall loaded on first start: a county 政务服务中心 and a township 便民服务中心, with their
 * departments, windows and service items (one file per county department under demo-hall/).
 */
import type { DemoHall } from './demo-hall/builders.ts';
import { countyDepartments, countyItems, countyWindows } from './demo-hall/county.ts';
import { townDepartments, townItems, townWindows } from './demo-hall/township.ts';

export type {
  DemoDepartment,
  DemoHall,
  DemoItem,
  DemoMaterial,
  DemoStep,
  DemoWindow,
  DemoCategory,
  DemoStepRole,
} from './demo-hall/builders.ts';

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
