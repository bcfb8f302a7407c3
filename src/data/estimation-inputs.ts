import { LEADS_TABLE } from './canonical-leads';
import { sqlName, sqlString, type Database } from './database';
import { scenarioError } from '../model/scenario-errors';
import { LOCAL_TIMESTAMP, type EstimationInputs, type InputWindow, type LeadFold, type OutcomeRow, type SegmentSpec, type ShapeRow, type WeeklyRow } from '../model/estimation-inputs';


export function foldCondition(fold: LeadFold): string {
  if (!(Number.isInteger(fold.of) && fold.of >= 2 && Number.isInteger(fold.index) && fold.index >= 0 && fold.index < fold.of)) throw new Error(`not a fold: ${JSON.stringify(fold)}`);
  return `__row % ${fold.of} = ${fold.index}`;
}

/** Lower bounds, in hours, of the first-touch buckets the decay is fitted on; the last is open. */
export const TOUCH_BUCKET_HOURS = [0, 1, 2, 4, 8, 16, 24, 48, 96, 168] as const;

export const BLANK = '(blank)';

/** `created_at` range of the leads, as text and as epoch milliseconds (the data's clock, read as UTC). */
export async function createdRange(db: Database): Promise<{ from: string; to: string; fromMs: number; toMs: number } | null> {
  const [row] = await db.query<{ from: string | null; to: string | null; fromMs: number; toMs: number }>(
    `SELECT strftime(min(created_at), '%Y-%m-%d %H:%M:%S') AS "from", strftime(max(created_at), '%Y-%m-%d %H:%M:%S') AS "to",
            epoch_ms(min(created_at))::DOUBLE AS "fromMs", epoch_ms(max(created_at))::DOUBLE AS "toMs" FROM ${LEADS_TABLE}`,
  );
  return row?.from && row.to ? { from: row.from, to: row.to, fromMs: row.fromMs, toMs: row.toMs } : null;
}

/**
 * Everything the estimation needs, as a few GROUP BYs over the canonical `leads` table. Open
 * leads are not decided: they count as demand and never as conversion evidence.
 */
export async function readEstimationInputs(db: Database, spec: SegmentSpec, window: InputWindow = {}): Promise<EstimationInputs> {
  const columns = (await db.query<{ column_name: string }>(`DESCRIBE ${LEADS_TABLE}`)).map((c) => c.column_name).filter((c) => c !== '__row');
  checkSpec(spec, columns);
  const segment = segmentExpression(spec);
  const decided = window.decidedBefore
    ? `outcome IN ('won', 'lost') AND (closed_at IS NULL OR closed_at < ${timestamp(window.decidedBefore)})`
    : `outcome IN ('won', 'lost')`;
  const where = [
    window.createdFrom ? `created_at >= ${timestamp(window.createdFrom)}` : null,
    window.createdBefore ? `created_at < ${timestamp(window.createdBefore)}` : null,
    window.fold ? foldCondition(window.fold) : null,
  ].filter(Boolean);
  const base = `(SELECT ${segment.key} AS segment, ${segment.fields.map((f, i) => `${f} AS f${i}`).join(', ')}, ${segment.band} AS band,
      owner AS rep, created_at, value, outcome, coalesce(${decided}, false) AS decided, NOT coalesce(${decided}, false) AS open,
      -- greatest() skips NULLs in DuckDB: an untouched lead must stay NULL, not become 0 hours.
      CASE WHEN first_touch_at IS NOT NULL AND created_at IS NOT NULL
        THEN greatest(date_diff('second', created_at, first_touch_at), 0) / 3600.0 END AS touch_hours
    FROM ${LEADS_TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`;
  const bucket = `CASE WHEN touch_hours IS NULL THEN NULL ${[...TOUCH_BUCKET_HOURS].reverse().map((h, i) => `WHEN touch_hours >= ${h} THEN ${TOUCH_BUCKET_HOURS.length - 1 - i}`).join(' ')} END`;

  const segmentsQuery = db.query<Record<string, string | number | null>>(
    `SELECT segment, ${segment.fields.map((_, i) => `any_value(f${i}) AS f${i}`).join(', ')}, any_value(band) AS band,
            count(*)::DOUBLE AS leads, count(*) FILTER (WHERE open)::DOUBLE AS open
     FROM ${base} GROUP BY segment ORDER BY segment`,
  );
  const outcomesQuery = db.query<OutcomeRow>(
    `SELECT segment, rep, ${bucket} AS touch, count(*)::DOUBLE AS decided, count(*) FILTER (WHERE outcome = 'won')::DOUBLE AS won,
            coalesce(sum(value) FILTER (WHERE outcome = 'won'), 0)::DOUBLE AS "wonValueSum",
            count(value) FILTER (WHERE outcome = 'won')::DOUBLE AS "wonWithValue",
            coalesce(sum(touch_hours), 0)::DOUBLE AS "touchHoursSum"
     FROM ${base} WHERE decided GROUP BY ALL ORDER BY ALL`,
  );
  const weeklyQuery = db.query<WeeklyRow>(
    `SELECT segment, strftime(date_trunc('week', created_at), '%Y-%m-%d') AS week, count(*)::DOUBLE AS leads
     FROM ${base} WHERE created_at IS NOT NULL GROUP BY ALL ORDER BY ALL`,
  );
  const weeksQuery = db.query<{ week: string }>(
    `SELECT strftime(w, '%Y-%m-%d') AS week FROM (SELECT date_trunc('week', min(created_at)) AS a, date_trunc('week', max(created_at)) AS b FROM ${base}) r,
       LATERAL (SELECT unnest(generate_series(r.a, r.b, INTERVAL 7 DAY)) AS w) WHERE r.a IS NOT NULL ORDER BY 1`,
  );
  const shapeQuery = db.query<ShapeRow>(
    `SELECT isodow(created_at)::DOUBLE AS weekday, hour(created_at)::DOUBLE AS hour, count(*)::DOUBLE AS leads
     FROM ${base} WHERE created_at IS NOT NULL GROUP BY ALL ORDER BY ALL`,
  );
  const countsQuery = db.query<{ leads: number; withoutCreatedAt: number; withoutOwner: number; withFirstTouch: number }>(
    `SELECT count(*)::DOUBLE AS leads, count(*) FILTER (WHERE created_at IS NULL)::DOUBLE AS "withoutCreatedAt",
            count(*) FILTER (WHERE rep IS NULL)::DOUBLE AS "withoutOwner", count(touch_hours)::DOUBLE AS "withFirstTouch" FROM ${base}`,
  );
  const ownersQuery = db.query<{ rep: string }>(`SELECT DISTINCT rep FROM ${base} WHERE rep IS NOT NULL ORDER BY rep`);
  // Sent together: the database runs them back to back (DuckDB-WASM in its own worker) while this
  // thread takes in the rows of the ones done, or computes what another artifact asked for.
  const [segments, outcomes, weekly, weeks, shape, [counts], owners] = await Promise.all([segmentsQuery, outcomesQuery, weeklyQuery, weeksQuery, shapeQuery, countsQuery, ownersQuery]);
  return {
    spec,
    touchBuckets: [...TOUCH_BUCKET_HOURS],
    segments: segments.map((row) => ({
      key: String(row.segment),
      fields: Object.fromEntries(spec.fields.map((f, i) => [f, String(row[`f${i}`])])),
      valueBand: spec.valueBands.length ? String(row.band) : null,
      leads: Number(row.leads),
      open: Number(row.open),
    })),
    outcomes,
    weekly,
    weeks: weeks.map((w) => w.week),
    shape,
    ...counts!,
    owners: owners.map((o) => o.rep),
  };
}

/** A scenario's segments must name columns of the leads; the error names the JSON path. */
function checkSpec(spec: SegmentSpec, columns: string[]) {
  if (spec.fields.length === 0) throw scenarioError('no_segment_field', {}, 'segments.fields: name at least one column.', { path: 'segments.fields' });
  spec.fields.forEach((field, i) => {
    if (!columns.includes(field)) {
      throw scenarioError('not_a_column', { setting: `segments.fields[${i}]`, field, columns: columns.join(', ') }, `segments.fields[${i}]: "${field}" is not a column of the leads (columns: ${columns.join(', ')}).`, { path: `segments.fields[${i}]`, column: field });
    }
  });
  spec.valueBands.forEach((band, i) => {
    if (!Number.isFinite(band) || (i > 0 && band <= spec.valueBands[i - 1]!)) {
      throw scenarioError('value_bands_order', { setting: `segments.valueBands[${i}]`, band }, `segments.valueBands[${i}]: ${band} must be a number above the band before it (bands ascend).`, { path: `segments.valueBands[${i}]` });
    }
  });
}

/** The label of each value band, e.g. `<10000`, `10000-50000`, `>=50000`. */
export function valueBandLabels(bands: number[]): string[] {
  if (bands.length === 0) return [];
  return [`<${bands[0]}`, ...bands.slice(1).map((b, i) => `${bands[i]}-${b}`), `>=${bands[bands.length - 1]}`];
}

export function segmentExpression(spec: SegmentSpec): { key: string; fields: string[]; band: string } {
  const fields = spec.fields.map((f) => `coalesce(nullif(trim(CAST(${sqlName(f)} AS VARCHAR)), ''), ${sqlString(BLANK)})`);
  const labels = valueBandLabels(spec.valueBands);
  const band = labels.length
    ? `CASE WHEN value IS NULL THEN '(no value)' ${spec.valueBands.map((b, i) => `WHEN value < ${b} THEN ${sqlString(labels[i]!)}`).join(' ')} ELSE ${sqlString(labels[labels.length - 1]!)} END`
    : 'NULL::VARCHAR';
  return { key: `concat_ws('|', ${[...fields, ...(labels.length ? [band] : [])].join(', ')})`, fields, band };
}

function timestamp(text: string): string {
  if (!LOCAL_TIMESTAMP.test(text)) throw new Error(`not a timestamp: ${text}`);
  return `TIMESTAMP ${sqlString(text)}`;
}
