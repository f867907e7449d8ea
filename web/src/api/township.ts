import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item } from './contract';

export type StationItemList = Answer<'/api/township/items'>;
/** A county item this station may receive (县乡联办), with its checklist. */
export type StationItem = Item<StationItemList>;

export type StationCaseList = Answer<'/api/township/cases'>;
/** What the station sees of a case it received: reception, the county's progress, the hand-over. */
export type StationCase = Item<StationCaseList>;
export type PickupPlace = StationCase['pickup'];
export type HandedOver = NonNullable<StationCase['handedOver']>;

export type StationAcceptInput = Body<'/api/township/acceptances', 'post'>;
export type StationNotifyInput = Body<'/api/township/cases/{id}/notify', 'post'>;
export type StationHandOverInput = Body<'/api/township/cases/{id}/hand-over', 'post'>;

export type TownshipOrigin = Answer<'/api/cases/{id}/township'>;
export type ProgressPlaces = Answer<'/api/public/progress/places'>;
export type TownshipOrigins = Answer<'/api/township/origins'>;

export const stationDocumentUrl = (caseId: string, docId: string) =>
  `/api/township/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}/pdf`;

export function useStationItems(stationHallId: string | undefined) {
  return useQuery({
    queryKey: ['township', 'items', stationHallId],
    queryFn: () => api.get<StationItemList>('/api/township/items', { stationHallId }),
    enabled: !!stationHallId,
  });
}

export function useStationCases(stationHallId: string | undefined, page: number) {
  return useQuery({
    queryKey: ['township', 'cases', stationHallId, page],
    queryFn: () => api.get<StationCaseList>('/api/township/cases', { stationHallId, page, pageSize: 10 }),
    enabled: !!stationHallId,
  });
}

export function useTownshipOrigin(caseId: string) {
  return useQuery({
    queryKey: ['township', 'origin', caseId],
    queryFn: () => api.get<TownshipOrigin>(`/api/cases/${encodeURIComponent(caseId)}/township`),
  });
}

function useStationWrite<V>(fn: (v: V) => Promise<StationCase>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['township', 'cases'] }) });
}

export const useAcceptAtStation = () =>
  useStationWrite((v: StationAcceptInput) => api.post<StationCase>('/api/township/acceptances', v));

export const useNotifyAtStation = () =>
  useStationWrite((v: StationNotifyInput & { caseId: string }) =>
    api.post<StationCase>(`/api/township/cases/${encodeURIComponent(v.caseId)}/notify`, { channel: v.channel }),
  );

export const useHandOverAtStation = () =>
  useStationWrite((v: StationHandOverInput & { caseId: string }) =>
    api.post<StationCase>(`/api/township/cases/${encodeURIComponent(v.caseId)}/hand-over`, {
      collectedBy: v.collectedBy,
      docType: v.docType,
      docNumber: v.docNumber,
    }),
  );

export const lookupPlaces = (no: string, phone4: string) =>
  api.get<ProgressPlaces>('/api/public/progress/places', { no, phone4 });

/** 乡镇收件 marks for the cases of a list (the back office's inbox), by case id. */
export function useTownshipOrigins(caseIds: string[]) {
  const key = [...caseIds].sort().join(',');
  return useQuery({
    queryKey: ['township', 'origins', key],
    queryFn: async () => {
      const r = await api.get<TownshipOrigins>('/api/township/origins', {
        caseIds: key,
      });
      return new Map(r.items.map((i) => [i.caseId, i.stationName]));
    },
    enabled: caseIds.length > 0,
  });
}
