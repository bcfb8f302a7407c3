import type { FieldRepCount } from '../estimate/segment-ranking';
import { LEADS_TABLE } from './canonical-leads';
import { sqlName, sqlString, type Database } from './database';
import { BLANK } from './estimation-inputs';

/** A field with more values than this is an id, a name or free text, not a segment. */
export const MAX_SEGMENT_VALUES = 30;

export interface SegmentEvidence {
  /** Per candidate field: decided leads and wins by value × owner. */
  counts: Map<string, FieldRepCount[]>;
  /** Per candidate field: every lead (open ones too) by value. */
  leadsByValue: Map<string, Map<string, number>>;
}

/**
 * The evidence for choosing segment fields: for each attribute with 2 to MAX_SEGMENT_VALUES values
 * among the decided leads, the decided leads and wins of each value × owner, and every lead by value.
 */
export async function readSegmentEvidence(db: Database, attributes: readonly string[]): Promise<SegmentEvidence> {
  const counts = new Map<string, FieldRepCount[]>();
  const leadsByValue = new Map<string, Map<string, number>>();
  if (attributes.length === 0) return { counts, leadsByValue };
  const text = (field: string) => `coalesce(nullif(trim(CAST(${sqlName(field)} AS VARCHAR)), ''), ${sqlString(BLANK)})`;
  const decided = `outcome IN ('won', 'lost') AND owner IS NOT NULL`;
  const [distinct] = await db.query<Record<string, number>>(
    `SELECT ${attributes.map((a, i) => `count(DISTINCT ${text(a)})::DOUBLE AS c${i}`).join(', ')} FROM ${LEADS_TABLE} WHERE ${decided}`,
  );
  const candidates = attributes.filter((_, i) => {
    const n = Number(distinct?.[`c${i}`] ?? 0);
    return n >= 2 && n <= MAX_SEGMENT_VALUES;
  });
  for (const field of candidates) {
    const rows = await db.query<{ value: string; rep: string; decided: number; won: number }>(
      `SELECT ${text(field)} AS value, owner AS rep, count(*)::DOUBLE AS decided, count(*) FILTER (WHERE outcome = 'won')::DOUBLE AS won
       FROM ${LEADS_TABLE} WHERE ${decided} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    counts.set(field, rows);
    const all = await db.query<{ value: string; leads: number }>(`SELECT ${text(field)} AS value, count(*)::DOUBLE AS leads FROM ${LEADS_TABLE} GROUP BY 1 ORDER BY 1`);
    leadsByValue.set(field, new Map(all.map((r) => [r.value, r.leads])));
  }
  return { counts, leadsByValue };
}
