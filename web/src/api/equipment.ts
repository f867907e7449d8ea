import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

export type EquipmentKind = Equipment['kind'];
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

export type EquipmentList = Answer<'/api/equipment'>;
export type Equipment = Item<EquipmentList>;
export type EquipmentDetail = Answer<'/api/equipment/{id}'>;

export type BoardFault = Answer<'/api/supervision/board'>['equipmentFaults'][number];

const enc = encodeURIComponent;

export const useEquipment = (q: { hallId?: string; windowId?: string; kind?: string }) =>
  useQuery({
    queryKey: ['equipment', 'list', q],
    queryFn: () => api.get<EquipmentList>('/api/equipment', q),
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

export type EquipmentInput = Body<'/api/equipment', 'post'>;

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
