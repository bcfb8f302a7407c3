import { LEADS_TABLE } from './canonical-leads';
import { sqlName, type Database } from './database';
import { segmentExpression } from './estimation-inputs';
import type { SegmentSpec } from '../model/estimation-inputs';
import type { RolloutRows } from '../model/rollout';


export async function readRolloutRows(db: Database, spec: SegmentSpec, armColumn: string | null): Promise<RolloutRows> {
  const segment = segmentExpression(spec);
  const arm = armColumn === null ? 'NULL::VARCHAR' : `nullif(trim(CAST(${sqlName(armColumn)} AS VARCHAR)), '')`;
  const rows = await db.query<{ lead_id: string; segment: string; created: number; outcome: string; close_days: number | null; arm: string | null; owner: string | null; touch: number | null }>(
    `SELECT lead_id, ${segment.key} AS segment, epoch_ms(created_at)::DOUBLE AS created, outcome,
            CASE WHEN outcome IN ('won', 'lost') AND closed_at IS NOT NULL THEN greatest(date_diff('second', created_at, closed_at), 0) / 86400.0 END AS close_days,
            ${arm} AS arm, owner,
            CASE WHEN first_touch_at IS NOT NULL THEN greatest(date_diff('second', created_at, first_touch_at), 0) / 3600.0 END AS touch
     FROM ${LEADS_TABLE} WHERE created_at IS NOT NULL ORDER BY created_at, __row`,
  );
  const [meta] = await db.query<{ missing: number; as_of: number | null }>(
    `SELECT count(*) FILTER (WHERE created_at IS NULL)::DOUBLE AS missing, epoch_ms(greatest(max(created_at), max(closed_at)))::DOUBLE AS as_of FROM ${LEADS_TABLE}`,
  );
  return {
    leadId: rows.map((r) => r.lead_id),
    segment: rows.map((r) => r.segment),
    created: Float64Array.from(rows, (r) => r.created),
    outcome: Int8Array.from(rows, (r) => (r.outcome === 'won' ? 1 : r.outcome === 'lost' ? 0 : -1)),
    daysToClose: Float64Array.from(rows, (r) => r.close_days ?? NaN),
    owner: rows.map((r) => r.owner),
    touchHours: Float64Array.from(rows, (r) => r.touch ?? NaN),
    armText: armColumn === null ? null : rows.map((r) => r.arm),
    asOfMs: meta?.as_of ?? NaN,
    withoutCreatedAt: meta?.missing ?? 0,
  };
}
