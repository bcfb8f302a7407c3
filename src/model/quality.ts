/**
 * The data quality report (数据质量报告): what was read, what was kept, and every row that was
 * repaired or rejected, with its reason. Nothing is dropped without being counted here.
 * Issues carry a `code` and `params` so each face can word them in its own language; `message`
 * is the English wording.
 */
export type IssueSeverity = 'rejected' | 'repaired' | 'warning';

export interface IssueExample {
  /** 1-based data row of the lead table (the header is not counted). */
  row: number | null;
  value: string | null;
  /** Physical line of the file, where the CSV reader knows it. */
  line?: number;
}

export interface QualityIssue {
  severity: IssueSeverity;
  code: IssueCode;
  message: string;
  file?: string;
  column?: string;
  count: number;
  examples: IssueExample[];
  params?: Record<string, string | number>;
}

export type IssueCode =
  | 'csv_parse_error'
  | 'missing_lead_id'
  | 'duplicate_lead_id'
  | 'unknown_outcome'
  | 'missing_outcome'
  | 'unparseable_date'
  | 'ambiguous_date_order'
  | 'excel_serial_date'
  | 'unparseable_number'
  | 'negative_value'
  | 'number_repaired'
  | 'missing_owner'
  | 'unmatched_join_key'
  | 'unused_join_row'
  | 'missing_created_at'
  | 'duplicate_contact'
  | 'near_duplicate_values'
  | 'lead_id_generated'
  | 'unmapped_required_field';

export interface SourceSummary {
  file: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx' | 'parquet';
  delimiter: string | null;
  rows: number;
  columns: string[];
}

export interface ColumnProfile {
  column: string;
  /** The canonical field this column feeds, if any. */
  mappedTo: string | null;
  type: 'number' | 'date' | 'text' | 'empty';
  nulls: number;
  distinct: number;
  /** True where `distinct` is an estimate (large tables). */
  distinctApprox?: boolean;
  min: string | null;
  max: string | null;
  top: Array<{ value: string; count: number }>;
}

export interface LeadSummary {
  leads: number;
  owners: number;
  won: number;
  lost: number;
  open: number;
  firstCreated: string | null;
  lastCreated: string | null;
}

export interface QualityReport {
  sources: SourceSummary[];
  rowsRead: number;
  accepted: number;
  repaired: number;
  rejected: number;
  issues: QualityIssue[];
  columns: ColumnProfile[];
  summary: LeadSummary;
}
