/**
 * `npm run bench -- rollout`: the full version of the rollout checks issue 15 asks for, of which
 * the tests run small ones (test/experiment/readout.test.ts, design.test.ts).
 *
 * 1. The readout over 100 generated rollouts per setting (data/generator/rollout.ts, seeds the
 *    tests do not use): its 90% interval covers the planted effect in 85–95% of them, and on
 *    no-gain rollouts it claims a gain (interval above 0) in at most 7%.
 * 2. The design's stated power against the detection rate of 100 independently generated
 *    rollouts with the gain the design estimates, at several lengths: within 10 points.
 *
 * Options: `--seeds N` readouts per setting (default 100); `--detection-seeds N` generated rollouts
 * per design and length (default 400: with 100, the observed rate alone has a standard error of
 * about 4.5 points, so nine checks of "within 10 points" would miss by chance about half the
 * time); `--replications N` for the designs (default 400).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRollout, type Rollout } from '../data/generator/rollout';
import { openScenario } from '../src/cli/open-scenario';
import { createNativeDatabase } from '../src/data/adapters/native-node';
import { simulateDesign, type DesignResult, type ExperimentDesign } from '../src/experiment/design';
import { readOut, type ReadoutLead } from '../src/experiment/readout';
import type { BenchBody, BenchOptions, Target } from './report';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WINDOW_DAYS = 30;
/** Weeks of enrolment; each generated rollout runs on until the last of them have had their window. */
const WEEKS_CHECKED = [8, 13, 26] as const;
const DESIGN_SEED = 20261202;
/** Seeds the tests never draw (they use 1–150 and 1001–1100). */
const FIRST_SEED = 50_001;

interface ReadoutSetting {
  name: string;
  weeks: number;
  leadsPerWeek: number;
  candidateShare: number;
  gain: number;
}

const READOUT_SETTINGS: ReadoutSetting[] = [
  { name: '10 weeks, 300 leads a week, half to the candidate, +25%', weeks: 10, leadsPerWeek: 300, candidateShare: 0.5, gain: 0.25 },
  { name: '6 weeks, 120 leads a week, 30% to the candidate, +15%', weeks: 6, leadsPerWeek: 120, candidateShare: 0.3, gain: 0.15 },
  { name: '20 weeks, 800 leads a week, 20% to the candidate, +5%', weeks: 20, leadsPerWeek: 800, candidateShare: 0.2, gain: 0.05 },
];

function readoutLeads(rollout: Rollout, createdBeforeDays = Infinity): ReadoutLead[] {
  const segments = new Map<string, number>();
  return rollout.leads
    .filter((lead) => lead.createdDays < createdBeforeDays)
    .map((lead) => ({
      arm: lead.arm,
      segment: segments.get(lead.segment) ?? segments.set(lead.segment, segments.size).get(lead.segment)!,
      outcome: lead.outcome,
      ageDays: rollout.asOfDays - lead.createdDays,
      daysToWin: lead.outcome === 1 ? lead.daysToClose : NaN,
    }));
}

function calibrate(setting: ReadoutSetting, seeds: number) {
  let covered = 0, falseGain = 0, detected = 0;
  for (let k = 0; k < seeds; k++) {
    const gained = generateRollout({ ...setting, seed: FIRST_SEED + k });
    const r = readOut(readoutLeads(gained), WINDOW_DAYS);
    const truth = gained.plantedEffect(WINDOW_DAYS);
    if (r.low <= truth && truth <= r.high) covered++;
    if (r.low > 0) detected++;
    const none = readOut(readoutLeads(generateRollout({ ...setting, gain: 0, seed: FIRST_SEED + 10_000 + k })), WINDOW_DAYS);
    if (none.low > 0) falseGain++;
  }
  return { coverage: covered / seeds, falseGain: falseGain / seeds, detected: detected / seeds };
}

/**
 * The rollouts a design's power is about, generated apart from the simulator: the generator's
 * relative gain is scaled so its effect per lead is the one the design estimates, at the team's pace.
 */
function observedDetection(result: DesignResult, leadsPerWeek: number, weeks: number, seeds: number, firstSeed: number): number {
  const perUnitGain = generateRollout({ seed: 1, weeks, leadsPerWeek, candidateShare: result.design.share, gain: 0.1 }).plantedEffect(WINDOW_DAYS) / 0.1;
  const gain = result.designEstimate.mean / perUnitGain;
  let detected = 0;
  for (let k = 0; k < seeds; k++) {
    const rollout = generateRollout({ seed: firstSeed + k, weeks: weeks + 5, leadsPerWeek, candidateShare: result.design.share, gain });
    const r = readOut(readoutLeads(rollout, weeks * 7), WINDOW_DAYS);
    if (Math.sign(result.designEstimate.mean) * (r.low > 0 ? 1 : r.high < 0 ? -1 : 0) > 0) detected++;
  }
  return detected / seeds;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export async function run({ options, log }: BenchOptions): Promise<BenchBody> {
  const seeds = Number(options.get('seeds') ?? 100);
  const replications = Number(options.get('replications') ?? 400);
  const detectionSeeds = Number(options.get('detection-seeds') ?? 400);
  const targets: Target[] = [];
  const notes: string[] = [];
  const details: Record<string, unknown> = { seeds, detectionSeeds, replications, windowDays: WINDOW_DAYS };

  const readouts = READOUT_SETTINGS.map((setting) => {
    const started = performance.now();
    const found = calibrate(setting, seeds);
    log(`readout, ${setting.name}: coverage ${pct(found.coverage)}, false gain ${pct(found.falseGain)}, detected ${pct(found.detected)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    targets.push({ name: `readout covers the planted effect in 85–95% of ${seeds} rollouts (${setting.name})`, seconds: found.coverage, limit: 0.95, unit: 'share', met: found.coverage >= 0.85 && found.coverage <= 0.95 });
    targets.push({ name: `readout claims a gain in at most 7% of ${seeds} no-gain rollouts (${setting.name})`, seconds: found.falseGain, limit: 0.07, unit: 'share', met: found.falseGain <= 0.07 });
    return { ...setting, ...found };
  });
  details.readouts = readouts;

  const db = await createNativeDatabase();
  try {
    const opened = await openScenario(db, path.join(ROOT, 'data/sample/scenario.json'));
    // Four times the sample's volume too, so that powers near the 80% the design aims at are checked.
    const designs: Array<Omit<ExperimentDesign, 'maxWeeks'> & { volume: number }> = [
      { control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, volume: 1 },
      { control: 'round_robin', candidate: 'optimized', unit: 'lead', share: 0.5, volume: 1 },
      { control: 'round_robin', candidate: 'optimized', unit: 'lead', share: 0.3, volume: 1 },
      { control: 'as_is', candidate: 'optimized', unit: 'lead', share: 0.5, volume: 4 },
    ];
    const powers = [];
    for (const [d, { volume, ...design }] of designs.entries()) {
      // Each design's rollouts are its own, so one unlucky draw does not move every check at once.
      const firstSeed = FIRST_SEED + 20_000 + 10_000 * d;
      const started = performance.now();
      const scenario = { ...opened.scenario, simulation: { ...opened.scenario.simulation, volumeMultiplier: volume } };
      const prepared = await opened.pipeline.prepared(scenario);
      const leadsPerWeek = Math.round(prepared.world.segments.reduce((s, x) => s + x.perWeek, 0) * volume);
      const result = simulateDesign(prepared, { ...design, maxWeeks: Math.max(...WEEKS_CHECKED) }, { replications, seed: DESIGN_SEED });
      const label = `${design.candidate} against ${design.control}, ${pct(design.share)} by ${design.unit}, ${leadsPerWeek} leads a week`;
      for (const weeks of WEEKS_CHECKED) {
        const stated = result.powerCurve[weeks - 1]!.power;
        const observed = observedDetection(result, leadsPerWeek, weeks, detectionSeeds, firstSeed + 1_000 * weeks);
        const gap = Math.abs(stated - observed);
        powers.push({ design: label, weeks, stated, observed, effect: result.designEstimate.mean });
        targets.push({ name: `stated power within 10 points of ${detectionSeeds} generated rollouts' detection (${label}, ${weeks} weeks: ${pct(stated)} stated, ${pct(observed)} observed)`, seconds: Math.round(gap * 1000) / 1000, limit: 0.1, unit: 'share', met: gap <= 0.1 });
      }
      log(`design ${label}: effect ${(100 * result.designEstimate.mean).toFixed(2)} per 100 leads (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    details.powers = powers;
    notes.push(`Readouts: ${seeds} seeds per setting from ${FIRST_SEED}; the no-gain rollouts from ${FIRST_SEED + 10_000}. Designs on data/sample, ${replications} replications, seed ${DESIGN_SEED}; ${detectionSeeds} rollouts per design and length for detection, from seed ${FIRST_SEED + 20_000}.`);
  } finally {
    await db.close();
  }
  return { results: [], ratios: {}, targets, details, notes };
}
