/** Tables of material scans. Instants are epoch ms. */

/** 材料扫描件: one file showing one checklist material of a case; the bytes sit on disk under their sha256. */
export interface CaseScanTable {
  id: string;
  case_id: string;
  hall_id: string;
  material_key: string;
  material_name: string;
  display_name: string;
  /** 'application/pdf' | 'image/jpeg' | 'image/png', decided by the content */
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by_id: string;
  uploaded_by_name: string;
  uploaded_at: number;
}

export interface ScanTables {
  case_scans: CaseScanTable;
}
