import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type EquipmentKind = 'kiosk' | 'pad' | 'display' | 'printer' | 'scanner' | 'id_reader' | 'pc' | 'other';
export const equipmentKinds: EquipmentKind[] = [
  'kiosk',
  'pad',
  'display',
  'printer',
  'scanner',
  'id_reader',
  'pc',
  'other',
];

export interface Equipment {
  id: string;
  hallId: string;
  windowId: string | null;
  windowName: string | null;
  kind: EquipmentKind;
  kindLabel: string;
  name: string;
  assetNo: string;
  location: string;
  status: 'normal' | 'faulty' | 'retired';
  statusLabel: string;
  maintenanceEveryDays: number | null;
  nextMaintenanceDay: string | null;
  maintenanceDue: boolean;
  openFaults: number;
}

export interface EquipmentDetail {
  equipment: Equipment;
  faults: {
    id: string;
    description: string;
    status: 'open' | 'fixed';
    reportedBy: string;
    reportedAt: number;
    fixedBy: string | null;
    fixedAt: number | null;
    resolution: string | null;
  }[];
  maintenance: { id: string; day: string; note: string; by: string; at: number }[];
}

export interface BoardFault {
  faultId: string;
  equipmentId: string;
  kind: EquipmentKind;
  kindLabel: string;
  name: string;
  assetNo: string;
  windowName: string | null;
  location: string;
  description: string;
  reportedBy: string;
  reportedAt: number;
  publicFacing: boolean;
}

const enc = encodeURIComponent;

export const useEquipment = (q: { hallId?: string; windowId?: string; kind?: string }) =>
  useQuery({
    queryKey: ['equipment', 'list', q],
    queryFn: () => api.get<{ items: Equipment[]; total: number }>('/api/equipment', q),
    enabled: !!q.hallId,
  });

export const useEquipmentDetail = (id: string | null) =>
  useQuery({
    queryKey: ['equipment', 'detail', id],
    queryFn: () => api.get<EquipmentDetail>(`/api/equipment/${enc(id ?? '')}`),
    enabled: !!id,
  });

function useEquipmentWrite<V>(fn: (v: V) => Promise<EquipmentDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['equipment'] });
      void qc.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
}

export interface EquipmentInput {
  hallId: string;
  windowId: string | null;
  kind: EquipmentKind;
  name: string;
  assetNo: string;
  location: string;
  maintenanceEveryDays: number | null;
  nextMaintenanceDay: string | null;
}

export const useAddEquipment = () =>
  useEquipmentWrite((v: EquipmentInput) => api.post<EquipmentDetail>('/api/equipment', v));
/** 编辑设备: everything but the hall; retired takes the device out of service (报废). */
export const useUpdateEquipment = () =>
  useEquipmentWrite(({ id, ...patch }: Omit<EquipmentInput, 'hallId'> & { id: string; retired?: boolean }) =>
    api.patch<EquipmentDetail>(`/api/equipment/${enc(id)}`, patch),
  );
export const useReportFault = () =>
  useEquipmentWrite((v: { id: string; description: string }) =>
    api.post<EquipmentDetail>(`/api/equipment/${enc(v.id)}/faults`, { description: v.description }),
  );
export const useFixFault = () =>
  useEquipmentWrite((v: { faultId: string; resolution: string }) =>
    api.post<EquipmentDetail>(`/api/equipment/faults/${enc(v.faultId)}/fix`, { resolution: v.resolution }),
  );
export const useRecordMaintenance = () =>
  useEquipmentWrite((v: { id: string; day: string; note: string }) =>
    api.post<EquipmentDetail>(`/api/equipment/${enc(v.id)}/maintenance`, { day: v.day, note: v.note }),
  );
