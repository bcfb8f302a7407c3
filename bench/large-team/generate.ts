/**
 * The large team's files (issue 14): 200 reps, 20 products × 15 regions, a year of leads, with
 * planted rep × product conversion differences. Seeded and cached in bench/.cache/: a folder per
 * size whose name carries a hash of the options and of the generator's code, so either changing
 * makes new files and nothing else does. Node only; leads.csv is streamed to disk.
 *
 * Each folder holds:
 * - leads.csv: a Salesforce-style lead report (Lead ID, Created Date, Lead Owner by name, Region,
 *   Product, Lead Source, Stage as Closed Won / Closed Lost / Open / Contacted / Qualified,
 *   First Contact, Close Date, Amount);
 * - roster.csv: the app's roster format (data/sample/roster.csv), rep_id = the owner's name as
 *   the export writes it;
 * - scenario.json: region × product segments, territory eligibility, for `allot simulate` and co.;
 * - scenario-inline.json: the same with the roster inline, as the workbench saves it (the browser
 *   opens it: a roster path means nothing there);
 * - world.json: the planted truth; files.json: counts, written last (the cache's mark).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvLine } from '../../data/generator/csv';
import { leadsPerWeekFor } from '../../data/generator/options';
import { RepSchema, type Rep as RosterRep } from '../../src/model/roster';
import { ScenarioSchema, type ScenarioInput } from '../../src/model/scenario';
import { leadChunks, type LeadStreamOptions, type LeadTally } from './leads';
import { buildLargeWorld, PRODUCTS, REGIONS, type LargeWorld } from './world';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const CACHE_DIR = path.join(root, 'bench', '.cache');

export interface LargeTeamOptions {
  seed: number;
  /** About this many leads over the weeks (the weekly counts are Poisson around it). */
  leads: number;
  reps: number;
  weeks: number;
  start: string;
  capacityRatio: number;
  crossRegionShare: number;
  neverTouched: number;
}

export const LARGE_TEAM: LargeTeamOptions = {
  seed: 20260114,
  leads: 250_000,
  reps: 200,
  weeks: 52,
  start: '2025-01-06',
  capacityRatio: 1.2,
  crossRegionShare: 0.05,
  neverTouched: 0.03,
};

export interface LargeTeamFiles {
  dir: string;
  leadsCsv: string;
  rosterCsv: string;
  scenario: string;
  browserScenario: string;
  scenarioName: string;
  rows: number;
  bytes: number;
  reps: number;
  activeReps: number;
  segments: number;
  capacityRatio: number;
  tally: LeadTally;
  options: LargeTeamOptions;
}

const FILES_JSON = 'files.json';

/** The files for `options` (the defaults with `leads` changed, typically), generated once. */
export async function cachedLargeTeam(leads: number, log: (line: string) => void, overrides: Partial<LargeTeamOptions> = {}): Promise<LargeTeamFiles> {
  const options = { ...LARGE_TEAM, ...overrides, leads };
  const dir = path.join(CACHE_DIR, `large-team-${leads}-seed${options.seed}-${await codeHash(options)}`);
  try {
    return JSON.parse(await readFile(path.join(dir, FILES_JSON), 'utf8')) as LargeTeamFiles;
  } catch {
    // Not generated yet (or cut short: files.json comes last).
  }
  const started = performance.now();
  await mkdir(CACHE_DIR, { recursive: true });
  await removeOlder(dir);
  await mkdir(dir, { recursive: true });
  const files = await writeLargeTeam(dir, options);
  log(`generated ${path.relative(root, dir)}: ${files.rows.toLocaleString('en-US')} leads, ${(files.bytes / 1e6).toFixed(0)} MB, ${files.reps} reps in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return files;
}

/** Files of the same size and seed from an older generator or other options: hundreds of MB each, never read again. */
async function removeOlder(dir: string): Promise<void> {
  const prefix = path.basename(dir).replace(/[0-9a-f]{8}$/, '');
  for (const name of await readdir(CACHE_DIR)) if (name.startsWith(prefix)) await rm(path.join(CACHE_DIR, name), { recursive: true, force: true });
}

async function writeLargeTeam(dir: string, options: LargeTeamOptions): Promise<LargeTeamFiles> {
  const stream: LeadStreamOptions = {
    seed: options.seed,
    start: options.start,
    weeks: options.weeks,
    leadsPerWeek: leadsPerWeekFor(options.leads, { seed: options.seed, start: options.start, weeks: options.weeks }),
    crossRegionShare: options.crossRegionShare,
    neverTouched: options.neverTouched,
  };
  const world = buildLargeWorld({ seed: options.seed, reps: options.reps, leadsPerWeek: options.leads / options.weeks, capacityRatio: options.capacityRatio });
  const tally: LeadTally = { leads: 0, won: 0, lost: 0, open: 0, untouched: 0 };
  const leadsCsv = path.join(dir, 'leads.csv');
  const bytes = await writeChunks(`${leadsCsv}.partial`, leadChunks(world, stream, tally));
  await rename(`${leadsCsv}.partial`, leadsCsv);

  const reps = rosterReps(world);
  const rosterCsv = path.join(dir, 'roster.csv');
  await writeFile(rosterCsv, rosterText(reps));
  const name = `Large team: ${options.reps} reps, ${PRODUCTS.length} products × ${REGIONS.length} regions, ${compact(tally.leads)} leads`;
  const scenario = path.join(dir, 'scenario.json');
  const browserScenario = path.join(dir, 'scenario-inline.json');
  await writeFile(scenario, scenarioText(name, { path: 'roster.csv' }));
  await writeFile(browserScenario, scenarioText(name, { reps }));
  await writeFile(path.join(dir, 'world.json'), JSON.stringify(truthOf(world, options, stream), null, 2) + '\n');
  const files: LargeTeamFiles = {
    dir, leadsCsv, rosterCsv, scenario, browserScenario, scenarioName: name,
    rows: tally.leads, bytes, reps: reps.length, activeReps: reps.filter((r) => r.active).length,
    segments: PRODUCTS.length * REGIONS.length, capacityRatio: world.capacityRatio, tally, options,
  };
  await writeFile(path.join(dir, FILES_JSON), JSON.stringify(files, null, 2) + '\n');
  return files;
}

async function writeChunks(file: string, chunks: Iterable<string>): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (const chunk of chunks) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

function rosterReps(world: LargeWorld): RosterRep[] {
  return world.reps.map((rep) =>
    RepSchema.parse({
      rep_id: rep.name,
      name: rep.name,
      team: `${REGIONS[rep.home]!.name} team`,
      tier: rep.tier,
      skills: [
        `region:${REGIONS[rep.home]!.name}`,
        ...(rep.second >= 0 ? [`region:${REGIONS[rep.second]!.name}`] : []),
        ...rep.specialties.map((p) => `product:${PRODUCTS[p]!.name}`),
        'lang:zh',
        ...(rep.english ? ['lang:en'] : []),
      ],
      capacity_per_week: rep.capacityPerWeek,
      max_open: rep.capacityPerWeek * 3,
      active: rep.leftWeek === Infinity,
      crm_user: rep.crmUser,
      absences: rep.absences,
    }),
  );
}

function rosterText(reps: RosterRep[]): string {
  const header = ['rep_id', 'name', 'team', 'tier', 'skills', 'capacity_per_week', 'max_open', 'active', 'crm_user', 'absences'];
  return csvLine(header) + reps.map((r) => csvLine([r.rep_id, r.name, r.team, r.tier, r.skills.join(';'), r.capacity_per_week, r.max_open, r.active, r.crm_user, r.absences.join(';')])).join('');
}

/** The scenario the CLI and the workbench run, checked against the schema as it is written. */
function scenarioText(name: string, roster: ScenarioInput['roster']): string {
  const scenario: ScenarioInput = {
    schema: 'allot.scenario/v1',
    name,
    leads: { path: 'leads.csv' },
    roster,
    segments: { fields: ['Region', 'Product'] },
    eligibility: { field: 'Region', skill: 'region' },
    objective: { maximize: 'conversions' },
    constraints: { capacity: true },
    simulation: { weeks: 13, replications: 200, seed: 7, volumeMultiplier: 1, slaHours: 48, reclaimAfterHours: 168 },
    policies: ['round_robin', 'territory', 'weighted', 'least_loaded', 'as_is', 'optimized'],
  };
  ScenarioSchema.parse(scenario);
  return JSON.stringify(scenario, null, 2) + '\n';
}

function truthOf(world: LargeWorld, options: LargeTeamOptions, stream: LeadStreamOptions) {
  return {
    formula: 'p(won) = logistic(products[p].base + regionShift[g] + reps[r].skill + effects[r][p]) * decay(hours to first touch)',
    options,
    leadsPerWeek: stream.leadsPerWeek,
    capacityRatio: world.capacityRatio,
    regions: REGIONS.map((r, g) => ({ ...r, shift: world.regionShift[g] })),
    products: PRODUCTS,
    reps: world.reps.map((r) => ({ ...r, home: REGIONS[r.home]!.name, second: r.second >= 0 ? REGIONS[r.second]!.name : null, specialties: r.specialties.map((p) => PRODUCTS[p]!.name), leftWeek: Number.isFinite(r.leftWeek) ? r.leftWeek : null })),
    planted: world.planted,
  };
}

function compact(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : `${Math.round(n / 1e3)}k`;
}

/** The generator's code (this folder's generator files and data/generator) and the options. */
async function codeHash(options: LargeTeamOptions): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(options));
  for (const file of ['generate.ts', 'leads.ts', 'world.ts']) hash.update(file).update(await readFile(path.join(here, file)));
  const generator = path.join(root, 'data', 'generator');
  for (const f of (await readdir(generator)).filter((f) => f.endsWith('.ts')).sort()) hash.update(f).update(await readFile(path.join(generator, f)));
  return hash.digest('hex').slice(0, 8);
}
