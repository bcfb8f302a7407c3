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
