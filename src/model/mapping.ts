import { z } from 'zod';

/** The canonical lead fields of DESIGN §2.1; every other column is kept as an attribute. */
export const CANONICAL_FIELDS = ['lead_id', 'created_at', 'owner', 'outcome', 'value', 'first_touch_at', 'closed_at'] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];
export const DATE_FIELDS = ['created_at', 'first_touch_at', 'closed_at'] as const satisfies readonly CanonicalField[];

const columnName = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date as YYYY-MM-DD' });

/** One table of an export. The first is the lead table; each further one is left-joined onto it. */
export const TableSourceSchema = z.strictObject({
  path: z.string().min(1).describe('file path, relative to the mapping file'),
  name: z.string().min(1).optional().describe('table name used in findings; defaults to the file name'),
  joinOn: z
    .strictObject({ left: columnName, right: columnName })
    .optional()
    .describe('join key: a column of the tables before (left) = a column of this table (right); detected when absent'),
});

export const OutcomeValuesSchema = z.strictObject({
  won: z.array(z.string()).default([]),
  lost: z.array(z.string()).default([]),
  open: z.array(z.string()).default([]),
});

export const MappingSchema = z.strictObject({
  schema: z.literal('allot.mapping/v1').default('allot.mapping/v1'),
  tables: z.array(TableSourceSchema).optional(),
  /** Field → column; `null` keeps a field unmapped even where a column's name would suggest it. */
  fields: z.partialRecord(z.enum(CANONICAL_FIELDS), columnName.nullable()).default({}),
  /** Columns kept as lead attributes; all unmapped columns when absent. */
  attributes: z.array(columnName).optional(),
  /** Extra outcome spellings, on top of the ones recognised out of the box. */
  outcomeValues: OutcomeValuesSchema.partial().optional(),
  /** How to read dates such as 03/04/2026; `auto` picks the order that reads the most values. */
  dateOrder: z.enum(['auto', 'ymd', 'dmy', 'mdy']).default('auto'),
  /** Dates outside this window are repaired to empty and counted; default 1990-01-01 to a year after today. */
  dateWindow: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).optional(),
  /** Columns checked for duplicate contacts (same email or phone); detected when absent. */
  contactColumns: z.array(columnName).optional(),
});

export type TableSource = z.infer<typeof TableSourceSchema>;
export type Mapping = z.infer<typeof MappingSchema>;
export type MappingInput = z.input<typeof MappingSchema>;
export type OutcomeValues = z.infer<typeof OutcomeValuesSchema>;
