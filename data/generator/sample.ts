import { HOLIDAYS } from './calendar';
import { generateLeadWeeks, type DuplicateContact, type LeadRow } from './leads';
import { buildWorld, type GenerateOptions, type ResolvedOptions } from './options';
import type { RepRow } from './team';
import type { ConversionTruth } from './truth';
import { ARRIVALS, CLOSING, MIX, OWNERSHIP, RESPONSE, VALUE } from './world';

/** The options the committed files in data/sample are made with (`npm run sample`). */
export const SAMPLE_OPTIONS = {
  seed: 20250106,
  start: '2025-01-06',
  weeks: 52,
  leadsPerWeek: 140,
  crossRegionShare: 0.12,
  duplicateRate: 0.0015,
  plantedEffects: true,
} as const satisfies ResolvedOptions;

/** How many of the last weeks go into the Chinese GBK file (about 2,000 leads). */
export const GBK_WEEKS = 16;

export interface Truth {
  schema: 'allot.sample-truth/v1';
  options: ResolvedOptions;
  /** End of the period (exclusive): outcomes are as known at this moment. */
  as_of: string;
  conversion: ConversionTruth;
  arrivals: typeof ARRIVALS & { holidays: typeof HOLIDAYS };
  mix: typeof MIX;
  ownership: typeof OWNERSHIP;
  response: typeof RESPONSE;
  closing: typeof CLOSING;
  value: typeof VALUE;
  duplicates: { count: number; leads: DuplicateContact[] };
  summary: {
    leads: number;
    won: number;
    lost: number;
    open: number;
    never_touched: number;
    /** won / (won + lost), as the glossary defines 转化率. */
    conversion_rate: number;
    leads_by_rep: Record<string, number>;
  };
}

export interface Sample {
  reps: RepRow[];
  leads: LeadRow[];
  truth: Truth;
}

/** The whole sample in memory: roster rows, lead rows, and the truth they were planted from. */
export function generateSample(options: GenerateOptions): Sample {
  const world = buildWorld(options);
  const leads: LeadRow[] = [];
  const duplicates: DuplicateContact[] = [];
  for (const week of generateLeadWeeks(world)) {
    for (const lead of week.leads) leads.push(lead);
    duplicates.push(...week.duplicates);
  }
  const count = (outcome: LeadRow['outcome']): number => leads.filter((l) => l.outcome === outcome).length;
  const won = count('Won');
  const lost = count('Lost');
  const leadsByRep: Record<string, number> = {};
  for (const m of world.team) leadsByRep[m.row.rep_id] = 0;
  for (const l of leads) leadsByRep[l.owner] = (leadsByRep[l.owner] ?? 0) + 1;
  const truth: Truth = {
    schema: 'allot.sample-truth/v1',
    options: world.options,
    as_of: world.calendar.format(world.asOfMinute),
    conversion: world.truth,
    arrivals: { ...ARRIVALS, holidays: HOLIDAYS },
    mix: MIX,
    ownership: OWNERSHIP,
    response: RESPONSE,
    closing: CLOSING,
    value: VALUE,
    duplicates: { count: duplicates.length, leads: duplicates },
    summary: {
      leads: leads.length,
      won,
      lost,
      open: count('Open'),
      never_touched: leads.filter((l) => l.first_touch_at === null).length,
      conversion_rate: Math.round((won / Math.max(1, won + lost)) * 10000) / 10000,
      leads_by_rep: leadsByRep,
    },
  };
  return { reps: world.team.map((m) => ({ ...m.row, skills: [...m.row.skills] })), leads, truth };
}
