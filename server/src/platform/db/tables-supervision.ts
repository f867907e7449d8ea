/** Tables of electronic supervision (R6.4). Instants are epoch ms; days 'YYYY-MM-DD'. */

/** 站内提醒: one person told once that a case or step turned yellow or red. */
export interface AlertTable {
  id: string;
  hall_id: string;
  recipient_id: string;
  /** 'case:<id>' | 'step:<id>' — unique with level and recipient. */
  target_key: string;
  /** 'case' | 'step' | 'crowding' | 'incident' (the last two about the hall, without a case) */
  target_type: string;
  case_id: string | null;
  step_id: string | null;
  /** 'yellow' | 'red' */
  level: string;
  /** 'responsible' (the person or department working it) | 'supervisor' (the hall's supervisors, red only) */
  audience: string;
  case_no: string | null;
  /** What it is about, e.g. the item name and the step name. */
  title: string;
  deadline: string;
  created_at: number;
  read_at: number | null;
}

export interface SupervisionTables {
  alerts: AlertTable;
}
