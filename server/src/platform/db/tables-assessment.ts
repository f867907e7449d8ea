/** Tables of 考核 (R12): indicators per hall, scorecards and their frozen versions. Instants are epoch ms. */

export interface AssessmentIndicatorTable {
  hall_id: string;
  code: string;
  seq: number;
  name: string;
  dimension: string;
  formula: string;
  source: string;
  target: number;
  /** 'higher' | 'lower' (which is better). */
  direction: string;
  weight: number;
  unit: string;
  updated_at: number;
}

export interface AssessmentCardTable {
  id: string;
  hall_id: string;
  period: string;
  /** 'person' | 'window' | 'department' */
  subject_kind: string;
  subject_id: string;
  subject_name: string;
  remarks: string | null;
  spot_score: number | null;
  remarked_by: string | null;
  remarked_at: number | null;
  /** The latest signed version (0 = not signed yet). */
  version: number;
  updated_at: number;
}

export interface AssessmentCardVersionTable {
  card_id: string;
  version: number;
  /** JSON: the whole card as signed (figures, scores, weights, targets, remarks). */
  snapshot: string;
  total: number | null;
  grade: string | null;
  reason: string | null;
  signed_by: string;
  signed_by_name: string;
  signed_at: number;
}

export interface AssessmentTables {
  assessment_indicators: AssessmentIndicatorTable;
  assessment_cards: AssessmentCardTable;
  assessment_card_versions: AssessmentCardVersionTable;
}
