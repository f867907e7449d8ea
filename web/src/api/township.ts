import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Mark } from './reception';
import type { MaterialForm } from './types';

export type PickupPlace = 'station' | 'county' | 'post';

/** A county item this station may receive (县乡联办), with its checklist. */
export interface StationItem {
  id: string;
  code: string;
  name: string;
  hallId: string;
  hallName: string;
  kind: 'instant' | 'committed';
  promisedDays: number;
  postAllowed: boolean;
  materials: {
    key: string;
    name: string;
    form: MaterialForm;
    copies: number;
    requirement: 'required' | 'conditional' | 'optional';
    condition: string;
    essential: boolean;
  }[];
}

export interface HandedOver {
  at: number;
  hallName: string;
  by: string;
}

/** What the station sees of a case it received: reception, the county's progress, the hand-over. */
export interface StationCase {
  caseId: string;
  caseNo: string | null;
  itemName: string;
  applicantName: string;
  stationName: string;
  countyName: string;
  state: string;
  stateLabel: string;
  acceptedDay: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  currentStep: string | null;
  steps: { name: string; status: 'pending' | 'active' | 'done' | 'skipped'; doneAt: number | null }[];
  outcome: 'success' | 'failure' | null;
  completedDay: string | null;
  pickup: PickupPlace;
  pickupLabel: string;
  mailingAddress: string | null;
  receivedBy: string;
  receivedAt: number;
  handedOver: HandedOver | null;
  documents: { id: string; kindLabel: string; docNo: string }[];
  actions: string[];
}

export interface StationAcceptInput {
  stationHallId: string;
  itemId: string;
  applicantId: string;
  agentId: string | null;
  powerOfAttorneyChecked: boolean;
  materials: Mark[];
  pickup: PickupPlace;
  mailingAddress: string;
}

export interface TownshipOrigin {
  township: {
    stationHallId: string;
    stationName: string;
    countyHallId: string;
    countyName: string;
    pickup: PickupPlace;
    pickupLabel: string;
    mailingAddress: string | null;
    receivedBy: string;
    receivedAt: number;
    handedOver: HandedOver | null;
  } | null;
}

export interface ProgressPlaces {
  places: { receivedAt: string; processedAt: string; pickup: PickupPlace; pickupLabel: string } | null;
}

export const stationDocumentUrl = (caseId: string, docId: string) =>
  `/api/township/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(docId)}/pdf`;

export function useStationItems(stationHallId: string | undefined) {
  return useQuery({
    queryKey: ['township', 'items', stationHallId],
    queryFn: () => api.get<{ items: StationItem[] }>('/api/township/items', { stationHallId }),
    enabled: !!stationHallId,
  });
}

export function useStationCases(stationHallId: string | undefined, page: number) {
  return useQuery({
    queryKey: ['township', 'cases', stationHallId, page],
    queryFn: () =>
      api.get<{ items: StationCase[]; total: number }>('/api/township/cases', { stationHallId, page, pageSize: 10 }),
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
  useStationWrite((v: { caseId: string; channel: 'sms' | 'phone' | 'window' }) =>
    api.post<StationCase>(`/api/township/cases/${encodeURIComponent(v.caseId)}/notify`, { channel: v.channel }),
  );

export const useHandOverAtStation = () =>
  useStationWrite((v: { caseId: string; collectedBy: string; docType: string; docNumber: string }) =>
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
      const r = await api.get<{ items: { caseId: string; stationName: string }[] }>('/api/township/origins', {
        caseIds: key,
      });
      return new Map(r.items.map((i) => [i.caseId, i.stationName]));
    },
    enabled: caseIds.length > 0,
  });
}
