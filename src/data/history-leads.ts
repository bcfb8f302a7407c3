import { LEADS_TABLE } from './canonical-leads';
import type { Database } from './database';
import type { HistoryLeads } from '../model/history';
import { segmentExpression } from './estimation-inputs';
import type { SegmentSpec } from '../model/estimation-inputs';

/**
 * The history lead by lead, in creation order, on typed arrays. Segments and owners come back as
 * DuckDB's dense ranks, not as a string per lead (250k of them for a large team), and are then put
 * in JavaScript's own sort order, which the rest of the engine indexes by.
 */
export async function readHistoryLeads(db: Database, spec: SegmentSpec): Promise<HistoryLeads> {
  const dated = `SELECT ${segmentExpression(spec).key} AS segment, * FROM ${LEADS_TABLE} WHERE created_at IS NOT NULL`;
  const [rows, segmentRows, ownerRows, [missing]] = await Promise.all([
    db.query<{ s: number; o: number; created: number; value: number | null; outcome: number; cycle: number | null; touch: number | null; fold: number }>(
      `SELECT (dense_rank() OVER (ORDER BY segment) - 1)::INTEGER AS s,
              CASE WHEN owner IS NULL THEN -1 ELSE (dense_rank() OVER (PARTITION BY owner IS NULL ORDER BY owner) - 1)::INTEGER END AS o,
              epoch_ms(created_at)::DOUBLE AS created, value::DOUBLE AS value,
              CASE outcome WHEN 'won' THEN 1 WHEN 'lost' THEN 0 ELSE -1 END::INTEGER AS outcome,
              CASE WHEN outcome IN ('won', 'lost') AND closed_at IS NOT NULL THEN greatest(date_diff('second', created_at, closed_at), 0) / 3600.0 END AS cycle,
              CASE WHEN first_touch_at IS NOT NULL THEN greatest(date_diff('second', created_at, first_touch_at), 0) / 3600.0 END AS touch,
              (__row % 2)::INTEGER AS fold
       FROM (${dated}) ORDER BY created_at, __row`,
    ),
    db.query<{ segment: string }>(`SELECT DISTINCT segment FROM (${dated}) ORDER BY segment`),
    db.query<{ owner: string }>(`SELECT DISTINCT owner FROM (${dated}) WHERE owner IS NOT NULL ORDER BY owner`),
    db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${LEADS_TABLE} WHERE created_at IS NULL`),
  ]);
  const [segments, segmentOf] = inJsOrder(segmentRows.map((r) => r.segment));
  const [owners, ownerOf] = inJsOrder(ownerRows.map((r) => r.owner));
  const n = rows.length;
  const out: HistoryLeads = {
    segments,
    segment: new Uint32Array(n),
    created: new Float64Array(n),
    value: new Float64Array(n),
    owners,
    owner: new Int32Array(n),
    outcome: new Int8Array(n),
    cycleHours: new Float64Array(n),
    touchHours: new Float64Array(n),
    fold: new Uint8Array(n),
    withoutCreatedAt: missing?.n ?? 0,
  };
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    out.segment[i] = segmentOf[row.s]!;
    out.created[i] = row.created;
    out.value[i] = row.value ?? NaN;
    out.owner[i] = row.o < 0 ? -1 : ownerOf[row.o]!;
    out.outcome[i] = row.outcome;
    out.cycleHours[i] = row.cycle ?? NaN;
    out.touchHours[i] = row.touch ?? NaN;
    out.fold[i] = row.fold;
  }
  return out;
}

/** The values sorted as JavaScript sorts strings, and for each value's place in `ranked` (DuckDB's order) its place there. */
function inJsOrder(ranked: string[]): [string[], Int32Array] {
  const sorted = [...ranked].sort();
  const at = new Map(sorted.map((value, i) => [value, i]));
  return [sorted, Int32Array.from(ranked, (value) => at.get(value)!)];
}
