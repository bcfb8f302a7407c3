import type { LeadSummary } from '../model/quality';
import { LEADS_TABLE } from './canonical-leads';
import type { Database } from './database';

export type Outcome = 'won' | 'lost' | 'open';

export interface WeeklyLeads {
  /** Monday of the ISO week, `YYYY-MM-DD`. */
  week: string;
  outcome: Outcome;
  leads: number;
}

/**
 * New leads per ISO week (Monday first) and outcome, from the canonical `leads` table. Leads
 * without a creation date are left out; an unmapped `created_at` gives no rows.
 */
export async function leadsPerWeek(db: Database): Promise<WeeklyLeads[]> {
  return db.query<WeeklyLeads>(
    `SELECT strftime(date_trunc('week', created_at), '%Y-%m-%d') AS week, outcome, count(*)::DOUBLE AS leads
     FROM ${LEADS_TABLE} WHERE created_at IS NOT NULL
     GROUP BY ALL ORDER BY week, outcome`,
  );
}

/** 转化率: won / (won + lost); open leads are not decided yet. Null when nothing is decided. */
export function conversionRate(summary: Pick<LeadSummary, 'won' | 'lost'>): number | null {
  const decided = summary.won + summary.lost;
  return decided === 0 ? null : summary.won / decided;
}

export type LeadRow = Record<string, string | number | null>;

/**
 * Every accepted lead in file order, as plain rows for the router: timestamps as text
 * (`YYYY-MM-DD HH:MM:SS`), because the runtimes disagree on how a timestamp looks in JavaScript.
 */
export async function readLeadRows(db: Database): Promise<LeadRow[]> {
  const rows = await db.query<Record<string, string | number | boolean | null>>(
    `SELECT * EXCLUDE (__row) REPLACE (created_at::VARCHAR AS created_at, first_touch_at::VARCHAR AS first_touch_at, closed_at::VARCHAR AS closed_at)
     FROM ${LEADS_TABLE} ORDER BY __row`,
  );
  for (const row of rows) for (const key in row) if (typeof row[key] === 'boolean') row[key] = String(row[key]);
  return rows as LeadRow[];
}
