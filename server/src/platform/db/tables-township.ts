/** 县乡联办: a county case received at a township station; where its result goes and who handed it over. */
export interface CaseTownshipReceptionTable {
  case_id: string;
  case_no: string;
  station_hall_id: string;
  county_hall_id: string;
  /** 'station' | 'county' | 'post' */
  pickup: string;
  mailing_address: string | null;
  received_by_id: string;
  received_by_name: string;
  received_at: number;
  handed_over_at: number | null;
  handed_over_hall_id: string | null;
  handed_over_by_name: string | null;
}

export interface TownshipTables {
  case_township_receptions: CaseTownshipReceptionTable;
}
