/** Tables of the hall floor: queue categories, tickets, window sessions, on-site ratings and their follow-ups. */

export interface QueueHallSettingsTable {
  hall_id: string;
  /** Calls without the applicant coming forward before the ticket becomes a no-show. */
  recall_limit: number;
  /** JSON `{ green, elderly, disabled, appointment, normal }`: higher is called first. */
  priority_weights: string;
  /** An appointment gets its priority this many minutes before its time. */
  appointment_early_minutes: number;
  /** Minutes a finished service stays open for the on-site rating. */
  rating_window_minutes: number;
  /** Seconds without a touch before the kiosk returns to its start screen. */
  kiosk_idle_seconds: number;
  /** JSON array of the notices the hall display shows (公告), edited by the supervisor. */
  display_notices: string;
  updated_at: number;
}

export interface QueueCategoryTable {
  id: string;
  hall_id: string;
  prefix: string;
  name: string;
  description: string;
  /** JSON array of service-item categories (catalogue categories) the queue category covers. */
  item_categories: string;
  /** JSON array of window ids that serve it. */
  window_ids: string;
  /** Used by the wait estimate until real service times exist. */
  default_service_minutes: number;
  sort_order: number;
  active: number;
  created_at: number;
  updated_at: number;
}

/** The last sequence number handed out per hall, category prefix and day (A001, A002 …). */
export interface QueueCounterTable {
  hall_id: string;
  day: string;
  prefix: string;
  last_seq: number;
}

export interface QueueTicketTable {
  id: string;
  hall_id: string;
  day: string;
  category_id: string;
  number: string;
  seq: number;
  priority: string;
  weight: number;
  appointment_at: number | null;
  /** The first arrival; a transfer keeps it. */
  arrived_at: number;
  status: string;
  /** The window that called or serves the ticket now. */
  window_id: string | null;
  /** A transfer to one named window: only it may call the ticket. */
  target_window_id: string | null;
  walk_in: number;
  first_called_at: number | null;
  called_at: number | null;
  recall_count: number;
  serving_started_at: number | null;
  finished_at: number | null;
  served_by: string | null;
  wait_ms: number | null;
  service_ms: number;
  transfers: number;
  people_ahead_at_issue: number;
  estimated_wait_ms: number | null;
  outcome_kind: string | null;
  outcome_id: string | null;
  issued_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface QueueTicketEventTable {
  id: string;
  ticket_id: string;
  /** 1, 2, 3 … along the ticket's life: several steps can share one millisecond. */
  step: number;
  hall_id: string;
  at: number;
  kind: string;
  window_id: string | null;
  user_id: string | null;
  /** Milliseconds the step measured (waiting before a call, serving before a finish or transfer). */
  duration_ms: number | null;
  detail: string | null;
}

export interface QueueWindowSessionTable {
  id: string;
  window_id: string;
  hall_id: string;
  user_id: string;
  status: string;
  pause_reason: string | null;
  opened_at: number;
  paused_at: number | null;
  closed_at: number | null;
  updated_at: number;
  /** AB岗: whom the holder serves this window for (the person away), when taken over as cover. */
  acting_for_id?: string | null;
  acting_for_name?: string | null;
}

export interface QueueWindowSettingsTable {
  window_id: string;
  hall_id: string;
  opening_hours: string;
  /** SHA-256 of the rating pad's token; the token itself is shown once. */
  pad_token_hash: string | null;
  pad_token_issued_at: number | null;
  updated_at: number;
}

/** 办公时间 of a hall or a window by weekday; the hall's says when its queue closes for the day. */
export interface QueueOpeningHoursTable {
  owner_id: string;
  /** 'hall' or 'window'. */
  owner_type: string;
  hall_id: string;
  /** JSON WeeklyHours (domain/queue/hours.ts). */
  weekly: string;
  updated_at: number;
}

export interface RatingTable {
  id: string;
  hall_id: string;
  ticket_id: string;
  window_id: string;
  staff_user_id: string | null;
  outcome_kind: string | null;
  outcome_id: string | null;
  level: string;
  score: number;
  is_bad: number;
  reasons: string;
  comment: string;
  channel: string;
  day: string;
  created_at: number;
}

export interface RatingFollowUpTable {
  id: string;
  hall_id: string;
  rating_id: string;
  status: string;
  due_day: string;
  provisional: number;
  assigned_role: string;
  note: string;
  called_back_at: number | null;
  called_back_by: string | null;
  created_at: number;
  updated_at: number;
}

/** 拥挤提示: the notice the hall display shows while the crowding alarm stands; no row when the hall is calm. */
export interface QueueAlarmNoticeTable {
  hall_id: string;
  text: string;
  since: number;
}

export interface QueueTables {
  queue_hall_settings: QueueHallSettingsTable;
  queue_categories: QueueCategoryTable;
  queue_counters: QueueCounterTable;
  queue_tickets: QueueTicketTable;
  queue_ticket_events: QueueTicketEventTable;
  queue_window_sessions: QueueWindowSessionTable;
  queue_window_settings: QueueWindowSettingsTable;
  queue_opening_hours: QueueOpeningHoursTable;
  ratings: RatingTable;
  rating_follow_ups: RatingFollowUpTable;
  queue_alarm_notices: QueueAlarmNoticeTable;
}
