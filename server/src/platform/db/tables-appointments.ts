/** 预约: the hall's booking rules, capacity per slot and category, the bookings, their trail and their notices. */
export interface AppointmentSettingsTable {
  hall_id: string;
  slot_minutes: number;
  days_ahead: number;
  grace_minutes: number;
  no_show_limit: number;
  no_show_days: number;
  block_days: number;
  updated_at: number;
}

export interface AppointmentCapacityTable {
  hall_id: string;
  category_id: string;
  /** Places in every slot of the category; 0 offers none online. */
  capacity: number;
  updated_at: number;
}

/** Places taken in one slot: the conditional increment that keeps two people from taking the last one. */
export interface AppointmentSlotCountTable {
  hall_id: string;
  category_id: string;
  day: string;
  slot: string;
  taken: number;
}

export interface AppointmentTable {
  id: string;
  code: string;
  hall_id: string;
  category_id: string;
  item_id: string | null;
  item_name: string;
  day: string;
  /** 'HH:MM' start; starts_at/ends_at the instants. */
  slot: string;
  slot_end: string;
  starts_at: number;
  ends_at: number;
  name: string;
  /** ID number encrypted (platform/pii), its blind index and masked form. */
  id_number_enc: string;
  id_number_index: string;
  id_number_masked: string;
  phone_enc: string;
  phone_index: string;
  phone_masked: string;
  /** 'online' | 'phone' */
  channel: string;
  /** 'booked' | 'checked_in' | 'cancelled' | 'no_show' */
  status: string;
  /** 1 when checked in past the grace (an ordinary ticket). */
  late: number;
  checked_in_at: number | null;
  ticket_id: string | null;
  ticket_number: string | null;
  booked_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface AppointmentEventTable {
  id: string;
  appointment_id: string;
  at: number;
  kind: string;
  user_id: string | null;
  detail: string | null;
}

export interface AppointmentTables {
  appointment_settings: AppointmentSettingsTable;
  appointment_capacity: AppointmentCapacityTable;
  appointment_slot_counts: AppointmentSlotCountTable;
  appointments: AppointmentTable;
  appointment_events: AppointmentEventTable;
}
