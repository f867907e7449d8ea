/** Tables of personal data protection (个人信息保护): requests to unseal a sealed applicant, decided by the security administrator. */
export interface PersonalDataRequestTable {
  id: string;
  hall_id: string;
  applicant_id: string;
  /** 'unseal' */
  kind: string;
  reason: string;
  requested_by: string;
  requested_by_name: string;
  requested_at: number;
  /** 'pending' | 'approved' | 'rejected' */
  status: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: number | null;
  decision_note: string | null;
}

export interface PrivacyTables {
  personal_data_requests: PersonalDataRequestTable;
}
