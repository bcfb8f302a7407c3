import { MINUTES_PER_WEEK, parseTimestamp } from './calendar';
import { leadsCsv, rosterCsv } from './csv';
import type { GenerateOptions } from './options';
import { GBK_WEEKS, SAMPLE_OPTIONS, generateSample } from './sample';
import { encodeGbk, leadsCsvZh } from './zh';

/** The files of data/sample, by name. */
export type SampleFileName = 'leads.csv' | 'roster.csv' | 'leads-zh-gbk.csv' | 'truth.json' | 'scenario.json';

/** The what-if the workbench opens first and the README's commands run: the sample team by region × product. */
export const SAMPLE_SCENARIO = {
  schema: 'allot.scenario/v1',
  name: 'Sample team: region × product',
  leads: { path: 'leads.csv' },
  roster: { path: 'roster.csv' },
  segments: { fields: ['region', 'product'] },
  eligibility: { field: 'region', skill: 'region' },
  objective: { maximize: 'conversions' },
  constraints: { capacity: true },
  simulation: { weeks: 13, replications: 200, seed: 7, volumeMultiplier: 1, slaHours: 48, reclaimAfterHours: 168 },
  policies: ['round_robin', 'territory', 'weighted', 'least_loaded', 'as_is', 'optimized'],
} as const;

/**
 * The exact bytes of every file in data/sample. `npm run sample` writes them; the tests compare
 * the committed files with them, so the files cannot drift from the generator.
 */
export function sampleFiles(options: GenerateOptions = SAMPLE_OPTIONS): Record<SampleFileName, Uint8Array> {
  const { reps, leads, truth } = generateSample(options);
  const gbkFrom = parseTimestamp(truth.as_of) - GBK_WEEKS * MINUTES_PER_WEEK;
  const zhLeads = leads.filter((l) => parseTimestamp(l.created_at) >= gbkFrom);
  const described = {
    ...truth,
    files: {
      'leads.csv': { rows: leads.length, encoding: 'UTF-8, no BOM, LF line ends' },
      'roster.csv': { rows: reps.length, encoding: 'UTF-8, no BOM, LF line ends' },
      'leads-zh-gbk.csv': {
        rows: zhLeads.length,
        encoding: 'GBK, CRLF line ends',
        subset: `the leads of leads.csv created in the last ${GBK_WEEKS} weeks, same lead ids`,
        first_lead_id: zhLeads[0]?.lead_id ?? null,
        last_lead_id: zhLeads[zhLeads.length - 1]?.lead_id ?? null,
      },
    },
  };
  const utf8 = new TextEncoder();
  return {
    'leads.csv': utf8.encode(leadsCsv(leads)),
    'roster.csv': utf8.encode(rosterCsv(reps)),
    'leads-zh-gbk.csv': encodeGbk(leadsCsvZh(zhLeads, reps)),
    'truth.json': utf8.encode(`${JSON.stringify(described, null, 2)}\n`),
    'scenario.json': utf8.encode(`${JSON.stringify(SAMPLE_SCENARIO, null, 2)}\n`),
  };
}
