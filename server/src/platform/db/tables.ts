import type { AccountSecurityTables } from './tables-accounts.ts';
import type { ApiKeyTables } from './tables-apikeys.ts';
import type { BackofficeTables } from './tables-backoffice.ts';
import type { CasesTables } from './tables-cases.ts';
import type { ConsultTables } from './tables-consult.ts';
import type { PrivacyTables } from './tables-privacy.ts';
import type { QueueTables } from './tables-queue.ts';
import type { SupervisionTables } from './tables-supervision.ts';
import type { ScanTables } from './tables-scans.ts';
import type { CaseSupportTables } from './tables-case-support.ts';
import type { SecurityTables } from './tables-security.ts';
import type { RoleTables } from './tables-roles.ts';
import type { TownshipTables } from './tables-township.ts';
import type { PeopleTables } from './tables-people.ts';
import type { InspectionTables } from './tables-inspections.ts';
import type { AssessmentTables } from './tables-assessment.ts';
import type { PrereviewTables } from './tables-prereview.ts';
import type { ArchiveTables } from './tables-archives.ts';
import type { AppointmentTables } from './tables-appointments.ts';
import type { EmergencyTables } from './tables-emergency.ts';
import type { StaffTables } from './tables-staff.ts';
import type { NoticeTables } from './tables-notices.ts';
import type { ComplaintTables } from './tables-complaints.ts';
import type { CatalogFileTables } from './tables-catalog-files.ts';
import type { CaseRatingTables } from './tables-ratings.ts';
import type { ReportTables } from './tables-reports.ts';
import type { WebhookTables } from './tables-webhooks.ts';

/** Row types of every table. Instants are epoch milliseconds; JSON is stored as text. */
export interface HallTable {
  id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  opening_hours: string;
  created_at: number;
  updated_at: number;
}

export interface DepartmentTable {
  id: string;
  hall_id: string;
  code: string;
  name: string;
  phone: string;
  created_at: number;
  updated_at: number;
}

export interface WindowTable {
  id: string;
  hall_id: string;
  number: number;
  name: string;
  kind: string;
  status: string;
  created_at: number;
  updated_at: number;
}

export interface WindowItemTable {
  window_id: string;
  item_id: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  /** Encrypted (platform/pii), shown masked. */
  phone_enc: string | null;
  phone_masked: string | null;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: number | null;
  status: string;
  last_login_at: number | null;
  password_changed_at: number;
  created_at: number;
  updated_at: number;
  /** Added by 0019: 审批权限 'section' | 'deputy' | 'chief', or none. */
  authority_level?: string | null;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface UserHallTable {
  user_id: string;
  hall_id: string;
}

export interface UserDepartmentTable {
  user_id: string;
  department_id: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface AuditLogTable {
  seq: number;
  at: number;
  user_id: string | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
  /** 1: plain SHA-256 (before the chain had a key); 2: HMAC-SHA256 under key_id. */
  chain: number;
  key_id: string | null;
}

/** One row that holds the chain's head, so concurrent appends serialise on its row lock. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ServiceItemTable {
  id: string;
  hall_id: string;
  code: string;
  name: string;
  category: string;
  kind: string;
  promised_days: number;
  legal_days: number;
  status: string;
  published_version: number | null;
  draft_version: number | null;
  created_at: number;
  updated_at: number;
}

export interface ServiceItemVersionTable {
  item_id: string;
  version: number;
  state: string;
  content: string;
  created_at: number;
  created_by: string | null;
  published_at: number | null;
  published_by: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: number;
}

export interface HallCalendarDayTable {
  hall_id: string;
  date: string;
  kind: string;
  note: string;
  updated_at: number;
  updated_by: string | null;
}

export interface OfficialYearTable {
  year: number;
  holidays: string;
  workdays: string;
  loaded_at: number;
  loaded_by: string | null;
}

/** Tables of the platform and the organisation, accounts, audit and catalogue areas. */
export interface PlatformTables {
  halls: HallTable;
  departments: DepartmentTable;
  windows: WindowTable;
  window_items: WindowItemTable;
  users: UserTable;
  user_roles: UserRoleTable;
  user_halls: UserHallTable;
  user_departments: UserDepartmentTable;
  sessions: SessionTable;
  settings: SettingTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  service_items: ServiceItemTable;
  service_item_versions: ServiceItemVersionTable;
  idempotency_keys: IdempotencyKeyTable;
  hall_calendar_days: HallCalendarDayTable;
  official_years: OfficialYearTable;
}

/**
 * Every table. Each business area declares its own tables in `tables-<area>.ts` and is added here, so
 * areas grow without editing one another's declarations.
 */
export interface Database
  extends PlatformTables,
    ConsultTables,
    QueueTables,
    CasesTables,
    BackofficeTables,
    SupervisionTables {}
// Beside the case (escalations, experts, deferred materials): merged in separately so the line above stays as it is.
export interface Database extends CaseSupportTables {}
export interface Database extends SecurityTables {}
export interface Database extends PrivacyTables {}

// Declaration merging: each area adds its tables on a line of its own, so parallel additions do not collide.
export interface Database extends ScanTables {}
export interface Database extends AccountSecurityTables {}
export interface Database extends RoleTables {}
export interface Database extends TownshipTables {}
export interface Database extends PeopleTables {}
export interface Database extends PrereviewTables {}
export interface Database extends ArchiveTables {}
export interface Database extends AppointmentTables {}
export interface Database extends EmergencyTables {}
export interface Database extends StaffTables {}
export interface Database extends NoticeTables {}
export interface Database extends CatalogFileTables {}
export interface Database extends CaseRatingTables {}
export interface Database extends ComplaintTables {}
export interface Database extends InspectionTables {}
export interface Database extends ApiKeyTables {}
export interface Database extends ReportTables {}
export interface Database extends AssessmentTables {}
export interface Database extends WebhookTables {}
