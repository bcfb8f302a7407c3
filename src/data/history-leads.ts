import { LEADS_TABLE } from './canonical-leads';
import type { Database } from './database';
import type { HistoryLeads } from '../model/history';
import { segmentExpression } from './estimation-inputs';
import type { SegmentSpec } from '../model/estimation-inputs';

export async function readHistoryLeads(db: Database, spec: SegmentSpec): Promise<HistoryLeads> {
  const segment = segmentExpression(spec);
  const rows = await db.query<{ segment: string; created: number; value: number | null; owner: string | null; outcome: string; cycle: number | null; touch: number | null; fold: number }>(
    `SELECT ${segment.key} AS segment, epoch_ms(created_at)::DOUBLE AS created, value::DOUBLE AS value, owner, outcome,
            CASE WHEN outcome IN ('won', 'lost') AND closed_at IS NOT NULL THEN greatest(date_diff('second', created_at, closed_at), 0) / 3600.0 END AS cycle,
            CASE WHEN first_touch_at IS NOT NULL THEN greatest(date_diff('second', created_at, first_touch_at), 0) / 3600.0 END AS touch,
            (__row % 2)::INTEGER AS fold
     FROM ${LEADS_TABLE} WHERE created_at IS NOT NULL ORDER BY created_at, __row`,
  );
  const [missing] = await db.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${LEADS_TABLE} WHERE created_at IS NULL`);
  const segments = [...new Set(rows.map((r) => r.segment))].sort();
  const segmentIndex = new Map(segments.map((s, i) => [s, i]));
  const owners = [...new Set(rows.flatMap((r) => (r.owner === null ? [] : [r.owner])))].sort();
  const ownerIndex = new Map(owners.map((o, i) => [o, i]));
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
  rows.forEach((row, i) => {
    out.segment[i] = segmentIndex.get(row.segment)!;
    out.created[i] = row.created;
    out.value[i] = row.value ?? NaN;
    out.owner[i] = row.owner === null ? -1 : ownerIndex.get(row.owner)!;
    out.outcome[i] = row.outcome === 'won' ? 1 : row.outcome === 'lost' ? 0 : -1;
    out.cycleHours[i] = row.cycle ?? NaN;
    out.touchHours[i] = row.touch ?? NaN;
    out.fold[i] = row.fold;
  });
  return out;
}
