/**
 * What scripts/check-layers.mjs needs to know that file names do not say: which module owns each table, the kind
 * of each helper file, and the reaches across modules that were there before the rule. The legacy lists only
 * shrink: an entry no longer needed fails the check, and a new reach is not added here but moved behind a service.
 */

/** Table → the module whose repositories alone query it (platform tables such as audit_log are not listed). */
export const tableOwners = Object.fromEntries(
  Object.entries({
    accounts:
      'admin_requests password_history recovery_codes user_totp users user_roles user_halls user_departments custom_roles',
    org: 'halls departments windows window_items',
    apikeys: 'api_keys api_key_secrets api_key_events',
    catalog: 'service_items service_item_versions catalog_material_files',
    calendar: 'hall_calendar_days official_years',
    applicants: 'applicants applicant_events',
    cases:
      'cases case_steps case_events case_documents case_receptions case_pauses case_extensions case_verifications case_files case_deliveries case_archives routing_slips number_counters case_township_receptions case_back_entries case_fee_entries',
    consult: 'consultations consultation_departments consultation_events consultation_notices',
    queue:
      'queue_categories queue_counters queue_hall_settings queue_opening_hours queue_ticket_events queue_tickets queue_window_sessions queue_window_settings queue_alarm_notices',
    rating:
      'ratings rating_follow_ups case_rating_invitations case_ratings case_rating_tasks case_rating_task_events case_rating_evidence case_rating_appeals case_rating_suggestions',
    knowledge: 'knowledge_entries knowledge_versions',
    supervision: 'alerts',
    escalations: 'case_escalations',
    experts: 'expert_consultations',
    deferrals: 'deferred_arrivals',
    scans: 'case_scans',
    privacy: 'personal_data_requests',
    training: 'training_plans training_sessions training_records individual_training_plans',
    conduct: 'conduct_records meetings meeting_attendees meeting_tasks',
    prereview: 'prereview_applications prereview_uploads prereview_events',
    archives: 'archive_categories archive_files archive_events archive_loans archive_disposals',
    equipment: 'equipment equipment_maintenance equipment_faults',
    appointments: 'appointment_settings appointment_capacity appointment_slot_counts appointments appointment_events',
    emergency: 'emergency_plans emergency_drills incidents incident_actions crowding_watch',
    staff: 'staff_profiles staff_ab_pairs staff_roster staff_attendance staff_leaves',
    notices: 'notices notice_attempts notice_templates',
    complaints: 'complaints complaint_steps complaint_type_days objections',
    reports: 'periodic_reports report_submissions handed_down_tasks handed_down_task_events',
    assessment: 'assessment_indicators assessment_cards assessment_card_versions',
    webhooks: 'webhook_endpoints webhook_deliveries webhook_attempts',
  }).flatMap(([m, tables]) => tables.split(' ').map((t) => [t, m])),
);

/** Helper files of a module's service layer, whose names do not say their kind. */
export const helperKinds = Object.fromEntries(
  [
    'modules/archives/borrowing.ts',
    'modules/archives/disposal.ts',
    'modules/backoffice/decisions.ts',
    'modules/cases/after-acceptance.ts',
    'modules/cases/applicant-file.ts',
    'modules/cases/clock.ts',
    'modules/cases/context.ts',
    'modules/cases/deadlines.ts',
    'modules/cases/export.ts',
    'modules/cases/fees.ts',
    'modules/cases/internal-opinions.ts',
    'modules/cases/issue.ts',
    'modules/cases/process.ts',
    'modules/cases/progress.ts',
    'modules/cases/trail.ts',
    'modules/consult/handling.ts',
    'modules/consult/notice.ts',
    'modules/intake/acceptance.ts',
    'modules/intake/back-entry.ts',
    'modules/intake/on-the-spot.ts',
    'modules/emergency/crowding.ts',
    'modules/notices/channels.ts',
    'modules/notices/delivery.ts',
    'modules/webhooks/delivery.ts',
    'modules/privacy/rotation.ts',
    'modules/queue/floor.ts',
    'modules/queue/sse.ts',
    'modules/queue/ticket-sweep.ts',
    'modules/queue/window-access.ts',
    'modules/results/archive.ts',
    'modules/results/files.ts',
    'modules/supervision/alerts.ts',
    'modules/supervision/case-support.ts',
    'modules/supervision/prereview-board.ts',
    'modules/supervision/watch.ts',
  ].map((f) => [f, 'service']),
);

/** Imports of another module's inner files that were there before the rule, each to move behind that service. */
export const legacyImports = [];

/** Files outside a repository that build queries. */
export const legacyQueries = [];

/** Repository queries on another module's tables (file ⇢ table), each to move into the owner's repositories. */
export const legacyTables = [
  'modules/backoffice/repository.ts ⇢ departments',
  'modules/backoffice/repository.ts ⇢ user_departments',
  'modules/backoffice/repository.ts ⇢ user_halls',
  'modules/backoffice/repository.ts ⇢ users',
  'modules/cases/inbox-repository.ts ⇢ applicants',
  'modules/cases/privacy-repository.ts ⇢ applicants',
  'modules/cases/repository.ts ⇢ applicants',
  'modules/consult/repository.ts ⇢ service_items',
  'modules/consult/repository.ts ⇢ user_halls',
  'modules/consult/repository.ts ⇢ user_roles',
  'modules/consult/repository.ts ⇢ users',
  'modules/experts/repository.ts ⇢ user_halls',
  'modules/experts/repository.ts ⇢ users',
  'modules/guide/repository.ts ⇢ service_item_versions',
  'modules/guide/repository.ts ⇢ service_items',
  'modules/knowledge/repository.ts ⇢ service_items',
  'modules/org/repository.ts ⇢ service_items',
  'modules/privacy/repository.ts ⇢ applicant_events',
  'modules/privacy/repository.ts ⇢ applicants',
  'modules/privacy/repository.ts ⇢ consultations',
  'modules/privacy/repository.ts ⇢ queue_tickets',
  'modules/privacy/repository.ts ⇢ rating_follow_ups',
  'modules/privacy/repository.ts ⇢ ratings',
  'modules/queue/repository.ts ⇢ windows',
  'modules/rating/repository.ts ⇢ queue_tickets',
  'modules/rating/repository.ts ⇢ queue_window_settings',
  'modules/rating/repository.ts ⇢ users',
  'modules/rating/repository.ts ⇢ windows',
  'modules/supervision/repository.ts ⇢ departments',
  'modules/supervision/repository.ts ⇢ rating_follow_ups',
  'modules/supervision/repository.ts ⇢ ratings',
  'modules/supervision/repository.ts ⇢ user_departments',
  'modules/supervision/repository.ts ⇢ user_halls',
  'modules/supervision/repository.ts ⇢ user_roles',
  'modules/supervision/repository.ts ⇢ users',
  'modules/supervision/repository.ts ⇢ windows',
];
