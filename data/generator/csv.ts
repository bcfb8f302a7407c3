import { generateLeadWeeks, type LeadRow } from './leads';
import { buildWorld, type GenerateOptions } from './options';
import type { RepRow } from './team';
import { COMPANY_SIZES, INDUSTRIES, LEAD_COLUMNS, OUTCOMES, PRODUCTS, REGIONS, ROSTER_COLUMNS, SOURCES } from './vocabulary';

const SPECIAL = /[",\r\n]/;

/** A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return SPECIAL.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number | boolean | null>, eol = '\n'): string {
  return fields.map(csvField).join(',') + eol;
}

export function leadFields(lead: LeadRow): Array<string | number | null> {
  return [
    lead.lead_id,
    lead.created_at,
    lead.owner,
    lead.region,
    lead.industry,
    lead.product,
    lead.source,
    lead.company_size,
    lead.email,
    lead.phone,
    lead.value,
    lead.first_touch_at,
    lead.outcome,
    lead.closed_at,
    lead.won_value,
  ];
}

const VOCABULARY_IS_PLAIN = [REGIONS, INDUSTRIES, PRODUCTS, SOURCES, COMPANY_SIZES, OUTCOMES].every((values) =>
  values.every((v: string) => !SPECIAL.test(v)),
);

/**
 * One line of leads.csv; the same text as `csvLine(leadFields(lead))`, faster. Category values
 * come from the vocabulary, which holds no character that needs quoting (checked at load), and
 * timestamps and numbers never do; only the free-text fields go through csvField.
 */
export function leadLine(l: LeadRow): string {
  if (!VOCABULARY_IS_PLAIN) return csvLine(leadFields(l));
  return (
    `${csvField(l.lead_id)},${l.created_at},${csvField(l.owner)},${l.region},${l.industry},${l.product},` +
    `${l.source},${l.company_size},${csvField(l.email)},${csvField(l.phone)},${l.value},` +
    `${l.first_touch_at ?? ''},${l.outcome},${l.closed_at ?? ''},${l.won_value ?? ''}\n`
  );
}

export function leadsCsv(leads: readonly LeadRow[]): string {
  return csvLine(LEAD_COLUMNS) + leads.map(leadLine).join('');
}

export function rosterCsv(reps: readonly RepRow[]): string {
  const rows = reps.map((r) =>
    csvLine([r.rep_id, r.name, r.team, r.tier, r.skills.join(';'), r.capacity_per_week, r.max_open, r.active, r.crm_user]),
  );
  return csvLine(ROSTER_COLUMNS) + rows.join('');
}

export interface ChunkOptions {
  /** Rows per yielded chunk; default 500 (about 80 kB). Chunks end on row boundaries; small chunks
   * die young in the garbage collector, which makes a million-row run twice as fast as 20,000-row chunks. */
  rowsPerChunk?: number;
}

/**
 * leads.csv as string chunks, generated as it is written: a million leads
 * (`leadsPerWeek: 19_250`, 52 weeks) without holding them all. The rows are exactly those of
 * `generateSample(options).leads` for the same options; the first chunk starts with the header.
 */
export function* leadsCsvChunks(options: GenerateOptions, chunk: ChunkOptions = {}): Generator<string> {
  const rowsPerChunk = chunk.rowsPerChunk ?? 500;
  let parts: string[] = [csvLine(LEAD_COLUMNS)];
  for (const { leads } of generateLeadWeeks(buildWorld(options))) {
    for (const lead of leads) {
      parts.push(leadLine(lead));
      if (parts.length >= rowsPerChunk) {
        yield parts.join('');
        parts = [];
      }
    }
  }
  if (parts.length > 0) yield parts.join('');
}
