/** Request and response shapes of the equipment register (设备台账), maintenance and faults. */
import { z } from 'zod';
import { listOf } from '../../platform/schemas.ts';

export const equipmentKinds = ['kiosk', 'pad', 'display', 'printer', 'scanner', 'id_reader', 'pc', 'other'] as const;
export type EquipmentKind = (typeof equipmentKinds)[number];
export const equipmentKindLabels: Record<EquipmentKind, string> = {
  kiosk: '自助终端',
  pad: '评价器',
  display: '显示屏',
  printer: '打印机',
  scanner: '扫描仪',
  id_reader: '身份证读卡器',
  pc: '电脑',
  other: '其他',
};
export const statusLabels: Record<string, string> = { normal: '正常', faulty: '故障', retired: '已报废' };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

export const equipmentInput = z.object({
  hallId: z.string().min(1),
  windowId: z.string().min(1).max(64).nullable().default(null),
  kind: z.enum(equipmentKinds),
  name: z.string().trim().min(1, '请填写设备名称').max(60),
  assetNo: z.string().trim().min(1, '请填写资产编号').max(40),
  location: z.string().trim().max(60).default(''),
  maintenanceEveryDays: z.number().int().min(1).max(3650).nullable().default(null),
  nextMaintenanceDay: day.nullable().default(null),
});
/** 编辑设备: only the fields sent change (no defaults here, or a partial edit would clear the window and the plan). */
export const equipmentPatch = z.object({
  windowId: z.string().min(1).max(64).nullable().optional(),
  kind: z.enum(equipmentKinds).optional(),
  name: z.string().trim().min(1, '请填写设备名称').max(60).optional(),
  assetNo: z.string().trim().min(1, '请填写资产编号').max(40).optional(),
  location: z.string().trim().max(60).optional(),
  maintenanceEveryDays: z.number().int().min(1).max(3650).nullable().optional(),
  nextMaintenanceDay: day.nullable().optional(),
  retired: z.boolean().optional(),
});
export const equipmentQuery = z.object({
  hallId: z.string().min(1).max(64).optional(),
  windowId: z.string().min(1).max(64).optional(),
  kind: z.enum(equipmentKinds).optional(),
  status: z.enum(['normal', 'faulty', 'retired']).optional(),
});

export const faultInput = z.object({ description: z.string().trim().min(1, '请描述故障现象').max(500) });
export const fixInput = z.object({ resolution: z.string().trim().min(1, '请填写处理结果').max(500) });
export const maintenanceInput = z.object({ day, note: z.string().trim().min(1, '请填写维护内容').max(500) });

export const faultSchema = z.object({
  id: z.string(),
  equipmentId: z.string(),
  description: z.string(),
  status: z.enum(['open', 'fixed']),
  reportedBy: z.string(),
  reportedAt: z.number(),
  fixedBy: z.string().nullable(),
  fixedAt: z.number().nullable(),
  resolution: z.string().nullable(),
});
export const equipmentSchema = z.object({
  id: z.string(),
  hallId: z.string(),
  windowId: z.string().nullable(),
  windowName: z.string().nullable(),
  kind: z.enum(equipmentKinds),
  kindLabel: z.string(),
  name: z.string(),
  assetNo: z.string(),
  location: z.string(),
  status: z.enum(['normal', 'faulty', 'retired']),
  statusLabel: z.string(),
  maintenanceEveryDays: z.number().nullable(),
  nextMaintenanceDay: z.string().nullable(),
  maintenanceDue: z.boolean(),
  openFaults: z.number(),
});
export const equipmentListSchema = listOf(equipmentSchema);
export const equipmentDetailSchema = z.object({
  equipment: equipmentSchema,
  faults: z.array(faultSchema),
  maintenance: z.array(z.object({ id: z.string(), day: z.string(), note: z.string(), by: z.string(), at: z.number() })),
});

/** The supervision board's section: devices with an open fault; a kiosk or display stands first. */
export const boardFaultSchema = z.object({
  faultId: z.string(),
  equipmentId: z.string(),
  kind: z.enum(equipmentKinds),
  kindLabel: z.string(),
  name: z.string(),
  assetNo: z.string(),
  windowName: z.string().nullable(),
  location: z.string(),
  description: z.string(),
  reportedBy: z.string(),
  reportedAt: z.number(),
  publicFacing: z.boolean(),
});
