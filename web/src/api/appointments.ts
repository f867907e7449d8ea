import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListResult } from './types';

export interface BookableItem {
  id: string;
  code: string;
  name: string;
  categoryId: string;
  categoryName: string;
}

export interface SlotView {
  from: string;
  to: string;
  left: number;
  open: boolean;
}

export interface BookingDays {
  itemId: string;
  categoryId: string;
  capacity: number;
  graceMinutes: number;
  days: { day: string; working: boolean; slots: SlotView[] }[];
}

export interface Appointment {
  id: string;
  code: string;
  hallId: string;
  hallName: string;
  categoryId: string;
  categoryName: string;
  itemId: string | null;
  itemName: string;
  day: string;
  slot: string;
  slotEnd: string;
  startsAt: number;
  name: string;
  /** Masked. */
  idNumber: string;
  /** Masked. */
  phone: string;
  channel: 'online' | 'phone';
  status: 'booked' | 'checked_in' | 'cancelled' | 'no_show';
  late: boolean;
  checkedInAt: number | null;
  ticketId: string | null;
  ticketNumber: string | null;
  createdAt: number;
}

export interface BookingInput {
  itemId: string;
  day: string;
  slot: string;
  name: string;
  idNumber: string;
  phone: string;
}

export interface CheckInResult {
  appointment: Appointment;
  late: boolean;
  ticket: { id: string; number: string };
}

export interface AppointmentSettings {
  slotMinutes: number;
  daysAhead: number;
  graceMinutes: number;
  noShowLimit: number;
  noShowDays: number;
  blockDays: number;
}

export interface CapacityRow {
  categoryId: string;
  prefix: string;
  name: string;
  active: boolean;
  capacity: number;
}

export interface NoShowRow {
  idNumber: string;
  name: string;
  phone: string;
  noShows: number;
  lastAt: number;
  blockedUntil: number | null;
}

export const useBookableItems = (hallId: string | undefined) =>
  useQuery({
    queryKey: ['public', 'appointments', 'items', hallId],
    queryFn: () => api.get<ListResult<BookableItem>>(`/api/public/halls/${hallId}/appointments/items`),
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
export const changeBooking = (code: string, to: { day: string; slot: string }) =>
  api.post<Appointment>(`/api/public/appointments/${encodeURIComponent(code.trim())}/change`, to);
export const checkIn = (hallId: string, q: { code?: string; idNumber?: string }) =>
  api.post<CheckInResult>(`/api/public/halls/${hallId}/appointments/check-in`, q);

export const useAppointments = (q: {
  hallId?: string;
  day?: string;
  status?: string;
  page: number;
  pageSize: number;
}) =>
  useQuery({
    queryKey: ['appointments', 'list', q],
    queryFn: () => api.get<ListResult<Appointment>>('/api/appointments', q),
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
    queryFn: () => api.get<ListResult<CapacityRow>>('/api/appointments/capacity', { hallId }),
    enabled: !!hallId,
  });

export const useNoShows = (hallId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['appointments', 'no-shows', hallId],
    queryFn: () => api.get<ListResult<NoShowRow>>('/api/appointments/no-shows', { hallId }),
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
      mutationFn: (v: { hallId: string; items: { categoryId: string; capacity: number }[] }) =>
        api.put<ListResult<CapacityRow>>('/api/appointments/capacity', v),
      onSuccess: done,
    }),
    bookByPhone: useMutation({
      mutationFn: (v: BookingInput & { hallId: string }) => api.post<Appointment>('/api/appointments', v),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => api.post<Appointment>(`/api/appointments/${id}/cancel`),
      onSuccess: done,
    }),
  };
}
