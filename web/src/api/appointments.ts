import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Answer, Body, Item, QueryOf } from './contract';

export type BookableItemList = Answer<'/api/public/halls/{hallId}/appointments/items'>;
export type BookableItem = Item<BookableItemList>;
export type BookingDays = Answer<'/api/public/halls/{hallId}/appointments/days'>;
export type SlotView = BookingDays['days'][number]['slots'][number];
export type Appointment = Answer<'/api/public/appointments/{code}'>;
export type BookingInput = Body<'/api/public/halls/{hallId}/appointments', 'post'>;
export type BookingChange = Body<'/api/public/appointments/{code}/change', 'post'>;
export type CheckInRequest = Body<'/api/public/halls/{hallId}/appointments/check-in', 'post'>;
export type CheckInResult = Answer<'/api/public/halls/{hallId}/appointments/check-in', 'post'>;
export type AppointmentList = Answer<'/api/appointments'>;
export type AppointmentQuery = QueryOf<'/api/appointments'>;
export type AppointmentSettings = Answer<'/api/appointments/settings'>;
export type CapacityList = Answer<'/api/appointments/capacity'>;
export type CapacityRow = Item<CapacityList>;
export type CapacityInput = Body<'/api/appointments/capacity', 'put'>;
export type NoShowList = Answer<'/api/appointments/no-shows'>;
export type NoShowRow = Item<NoShowList>;
export type PhoneBooking = Body<'/api/appointments', 'post'>;

export const useBookableItems = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['public', 'appointments', 'items', hallId],
    queryFn: () => api.get<BookableItemList>(`/api/public/halls/${hallId}/appointments/items`),
    enabled: !!hallId,
  });

export const useBookingDays = (hallId: string | undefined, itemId: string | undefined) =>
  useQuery({
    queryKey: ['public', 'appointments', 'days', hallId, itemId],
    queryFn: () => api.get<BookingDays>(`/api/public/halls/${hallId}/appointments/days`, { itemId }),
    enabled: !!hallId && !!itemId,
  });

export const bookOnline = (hallId: string, input: BookingInput) =>
  api.post<Appointment>(`/api/public/halls/${hallId}/appointments`, input);
export const lookupBooking = (code: string) =>
  api.get<Appointment>(`/api/public/appointments/${encodeURIComponent(code.trim())}`);
export const cancelBooking = (code: string) =>
  api.post<Appointment>(`/api/public/appointments/${encodeURIComponent(code.trim())}/cancel`);
export const changeBooking = (code: string, to: BookingChange) =>
  api.post<Appointment>(`/api/public/appointments/${encodeURIComponent(code.trim())}/change`, to);
export const checkIn = (hallId: string, q: CheckInRequest) =>
  api.post<CheckInResult>(`/api/public/halls/${hallId}/appointments/check-in`, q);

/** Without a hall (not chosen yet, or not wanted) nothing is asked. */
export const useAppointments = (
  q: Omit<AppointmentQuery, 'hallId'> & { hallId?: string; page: number; pageSize: number },
) =>
  useQuery({
    queryKey: ['appointments', 'list', q],
    queryFn: () => api.get<AppointmentList>('/api/appointments', { ...q }),
    enabled: !!q.hallId,
  });

export const useAppointmentSettings = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['appointments', 'settings', hallId],
    queryFn: () => api.get<AppointmentSettings>('/api/appointments/settings', { hallId }),
    enabled: !!hallId,
  });

export const useCapacity = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['appointments', 'capacity', hallId],
    queryFn: () => api.get<CapacityList>('/api/appointments/capacity', { hallId }),
    enabled: !!hallId,
  });

export const useNoShows = (hallId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['appointments', 'no-shows', hallId],
    queryFn: () => api.get<NoShowList>('/api/appointments/no-shows', { hallId }),
    enabled: !!hallId && enabled,
  });

export function useAppointmentAdmin() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['appointments'] });
  return {
    saveSettings: useMutation({
      mutationFn: (v: { hallId: string; settings: AppointmentSettings }) =>
        api.put<AppointmentSettings>(`/api/appointments/settings?hallId=${encodeURIComponent(v.hallId)}`, v.settings),
      onSuccess: done,
    }),
    saveCapacity: useMutation({
      mutationFn: (v: CapacityInput) => api.put<CapacityList>('/api/appointments/capacity', v),
      onSuccess: done,
    }),
    bookByPhone: useMutation({
      mutationFn: (v: PhoneBooking) => api.post<Appointment>('/api/appointments', v),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => api.post<Appointment>(`/api/appointments/${id}/cancel`),
      onSuccess: done,
    }),
  };
}
