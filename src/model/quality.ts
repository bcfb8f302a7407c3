import { z } from 'zod';

/**
 * The data quality report (数据质量报告): what was read, what was kept, and every row that was
 * repaired or rejected, with its reason. Nothing is dropped without being counted here.
 * Issues carry a `code` and `params` so each face can word them in its own language; `message`
 * is the English wording. The schemas are the source; the types are inferred from them.
 */
export const ISSUE_SEVERITIES = ['rejected', 'repaired', 'warning'] as const;

export const ISSUE_CODES = [
  'csv_parse_error',
  'missing_lead_id',
  'duplicate_lead_id',
  'unknown_outcome',
  'missing_outcome',
  'unparseable_date',
  'date_out_of_range',
  'ambiguous_date_order',
  'excel_serial_date',
  'unparseable_number',
  'negative_value',
  'amount_out_of_range',
  'number_repaired',
  'missing_owner',
  'unmatched_join_key',
  'unused_join_row',
  'missing_created_at',
  'duplicate_contact',
  'near_duplicate_values',
  'lead_id_generated',
  'unmapped_required_field',
] as const;

export const SOURCE_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'xlsx', 'parquet'] as const;

const count = z.number().int().nonnegative();

export const IssueExampleSchema = z.strictObject({
  /** 1-based data row of the lead table (the header is not counted). */
  row: z.number().int().positive().nullable(),
  value: z.string().nullable(),
  /** Physical line of the file, where the CSV reader knows it. */
  line: z.number().int().positive().optional(),
});

export const QualityIssueSchema = z.strictObject({
  severity: z.enum(ISSUE_SEVERITIES),
  code: z.enum(ISSUE_CODES),
  message: z.string(),
  file: z.string().optional(),
  column: z.string().optional(),
  count,
  examples: z.array(IssueExampleSchema),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const SourceSummarySchema = z.strictObject({
  file: z.string(),
  encoding: z.enum(SOURCE_ENCODINGS),
  delimiter: z.string().nullable(),
  rows: count,
  columns: z.array(z.string()),
});

export const ColumnProfileSchema = z.strictObject({
  column: z.string(),
  /** The canonical field this column feeds, if any. */
  mappedTo: z.string().nullable(),
  type: z.enum(['number', 'date', 'text', 'empty']),
  nulls: count,
  distinct: count,
  /** True where `distinct` is an estimate (large tables). */
  distinctApprox: z.boolean().optional(),
  min: z.string().nullable(),
  max: z.string().nullable(),
  top: z.array(z.strictObject({ value: z.string(), count })),
});

export const LeadSummarySchema = z.strictObject({
  leads: count,
  owners: count,
  won: count,
  lost: count,
  open: count,
  firstCreated: z.string().nullable(),
  lastCreated: z.string().nullable(),
});

export const QualityReportSchema = z.strictObject({
  sources: z.array(SourceSummarySchema),
  rowsRead: count,
  accepted: count,
  repaired: count,
  rejected: count,
  issues: z.array(QualityIssueSchema),
  columns: z.array(ColumnProfileSchema),
  summary: LeadSummarySchema,
});

export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];
export type IssueCode = (typeof ISSUE_CODES)[number];
export type IssueExample = z.infer<typeof IssueExampleSchema>;
export type QualityIssue = z.infer<typeof QualityIssueSchema>;
export type SourceSummary = z.infer<typeof SourceSummarySchema>;
export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;
export type LeadSummary = z.infer<typeof LeadSummarySchema>;
export type QualityReport = z.infer<typeof QualityReportSchema>;
