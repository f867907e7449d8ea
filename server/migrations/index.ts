import type { Migration } from 'kysely';
import * as platform from './2026_11_22_0001_platform.ts';
import * as apiKeys from './2026_12_04_0039_api_keys.ts';
import * as calendar from './2026_11_22_0002_calendar.ts';
import * as queue from './2026_11_22_0003_queue.ts';
import * as consult from './2026_11_22_0004_consult.ts';
import * as cases from './2026_11_22_0005_cases.ts';
import * as backoffice from './2026_11_22_0006_backoffice.ts';
import * as supervision from './2026_11_22_0007_supervision.ts';
import * as historyIndexes from './2026_11_22_0008_history_indexes.ts';
import * as ticketExpiry from './2026_11_22_0009_ticket_expiry.ts';
import * as calendarRevision from './2026_11_22_0010_calendar_revision.ts';
import * as caseScans from './2026_12_02_0013_case_scans.ts';
import * as caseSupport from './2026_12_02_0012_case_support.ts';
import * as provisionalDates from './2026_12_02_0014_provisional_dates.ts';
import * as auditKeyedChain from './2026_12_02_0016_audit_keyed_chain.ts';
import * as rateLimits from './2026_12_02_0018_rate_limits.ts';
import * as accountSecurity from './2026_12_02_0015_account_security.ts';
import * as piiEncryption from './2026_12_02_0017_pii_encryption.ts';
import * as approvalAuthority from './2026_12_02_0019_approval_authority.ts';
import * as customRoles from './2026_12_02_0021_custom_roles.ts';
import * as townshipReception from './2026_12_02_0020_township_reception.ts';
import * as trainingConduct from './2026_12_03_0027_training_conduct.ts';
import * as prereview from './2026_12_03_0024_prereview.ts';
import * as archivesEquipment from './2026_12_03_0028_archives_equipment.ts';
import * as appointments from './2026_12_03_0023_appointments.ts';
import * as emergencyFees from './2026_12_03_0029_emergency_fees.ts';
import * as appointmentNoticesOutbox from './2026_12_03_0030_appointment_notices_outbox.ts';
import * as caseRatings from './2026_12_03_0031_case_ratings.ts';
import * as staff from './2026_12_03_0026_staff.ts';
import * as notices from './2026_12_03_0022_notices.ts';
import * as publicScreens from './2026_12_03_0025_public_screens.ts';
import * as complaintsObjections from './2026_12_03_0032_complaints_objections.ts';
import * as abCover from './2026_12_03_0033_ab_cover.ts';
import * as inspections from './2026_12_03_0034_inspections.ts';
import * as crowdingDisplayNotice from './2026_12_03_0035_crowding_display_notice.ts';
import * as assessment from './2026_12_03_0036_assessment.ts';
import * as reports from './2026_12_03_0037_reports.ts';
import * as stepsFinished from './2026_12_03_0038_steps_finished.ts';
import * as webhooks from './2026_12_04_0040_webhooks.ts';
import * as casesCompleted from './2026_12_04_0041_cases_completed.ts';

/** Every migration, in order. Static imports keep the set explicit and bundle-friendly. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_0001_platform': platform,
  '2026_11_22_0002_calendar': calendar,
  '2026_11_22_0003_queue': queue,
  '2026_11_22_0004_consult': consult,
  '2026_11_22_0005_cases': cases,
  '2026_11_22_0006_backoffice': backoffice,
  '2026_11_22_0007_supervision': supervision,
  '2026_11_22_0008_history_indexes': historyIndexes,
  '2026_11_22_0009_ticket_expiry': ticketExpiry,
  '2026_11_22_0010_calendar_revision': calendarRevision,
  '2026_12_02_0013_case_scans': caseScans,
  '2026_12_02_0012_case_support': caseSupport,
  '2026_12_02_0014_provisional_dates': provisionalDates,
  '2026_12_02_0016_audit_keyed_chain': auditKeyedChain,
  '2026_12_02_0018_rate_limits': rateLimits,
  '2026_12_02_0015_account_security': accountSecurity,
  '2026_12_02_0017_pii_encryption': piiEncryption,
  '2026_12_02_0019_approval_authority': approvalAuthority,
  '2026_12_02_0021_custom_roles': customRoles,
  '2026_12_02_0020_township_reception': townshipReception,
  '2026_12_03_0027_training_conduct': trainingConduct,
  '2026_12_03_0024_prereview': prereview,
  '2026_12_03_0028_archives_equipment': archivesEquipment,
  '2026_12_03_0023_appointments': appointments,
  '2026_12_03_0029_emergency_fees': emergencyFees,
  '2026_12_03_0030_appointment_notices_outbox': appointmentNoticesOutbox,
  '2026_12_03_0026_staff': staff,
  '2026_12_03_0022_notices': notices,
  '2026_12_03_0025_public_screens': publicScreens,
  '2026_12_03_0031_case_ratings': caseRatings,
  '2026_12_03_0032_complaints_objections': complaintsObjections,
  '2026_12_03_0033_ab_cover': abCover,
  '2026_12_03_0034_inspections': inspections,
  '2026_12_03_0035_crowding_display_notice': crowdingDisplayNotice,
  '2026_12_03_0036_assessment': assessment,
  '2026_12_03_0037_reports': reports,
  '2026_12_03_0038_steps_finished': stepsFinished,
  '2026_12_04_0039_api_keys': apiKeys,
  '2026_12_04_0040_webhooks': webhooks,
  '2026_12_04_0041_cases_completed': casesCompleted,
};
