import type { Interval } from '../model/comparison';
import { calibrated } from '../simulate/compare';
import { drawArrivals } from '../simulate/arrivals';
import { assignArms, createExperimentScratch, drawRates, runTwoArms, type Unit } from '../simulate/experiment-run';
import { HOURS_PER_WEEK } from '../simulate/calendar';
import { preparePolicy, type PreparedPolicy } from '../simulate/policy';
import type { PreparedComparison } from '../simulate/prepare';
import { createScratch, emptyTotals, resetTotals, runPolicy } from '../simulate/run-policy';
import { interval } from '../simulate/summarize';
import { ARM_BUCKETS, bucketOf } from './arm';
import { readOut, type ReadoutLead } from './readout';

/**
 * Designing a rollout (DESIGN §3.4): the power and the bias of an experiment, measured by
 * simulating the experiment itself. Each replication runs, on the same draws (rates, arrivals,
 * outcome dice):
 * - the experiment: both arms at once, sharing the reps (src/simulate/experiment-run.ts), read
 *   out week after week with the readout itself (`readOut`, so the test statistic is exactly the
 *   one the user will run: per-lead conversion difference adjusted for the segment mix, 90%
 *   interval);
 * - full deployment: the control everywhere and the candidate everywhere (`runPolicy`), whose
 *   difference in conversion per lead (Compare's `conversionRate`) is the effect the rollout is
 *   meant to find.
 * Power after w weeks is the share of replications whose readout of the first w weeks' leads
 * excludes 0 on the side of the forecast gain; the bias is the experiment's estimate over the
 * whole horizon minus the full-deployment effect, paired per replication.
 *
 * Outcomes are read as known: the readout is run once each lead has had its window (add the
 * readout's window to the weeks of enrolment).
 */
export type { Unit };
export const UNITS: readonly Unit[] = ['lead', 'slot', 'week'];
export const POWER_TARGET = 0.8;
export const DEFAULT_MAX_WEEKS = 26;
export const DEFAULT_DESIGN_REPLICATIONS = 200;

export interface ExperimentDesign {
  control: string;
  candidate: string;
  unit: Unit;
  /** The candidate's share of the leads (lead, slot) or of the weeks (week), in (0, 1). */
  share: number;
  maxWeeks: number;
}

export interface PowerPoint {
  weeks: number;
  /** Share of replications whose readout detects the gain (90% interval excludes 0 on its side). */
  power: number;
  /** Share whose interval excludes 0 on either side (the false-positive rate when there is no gain). */
  excludesZero: number;
  /** Mean estimate and mean half-width of the interval after these weeks. */
  meanEstimate: number;
  meanHalfWidth: number;
}

export interface DesignResult {
  design: ExperimentDesign;
  replications: number;
  seed: number;
  /** The first weeks of enrolment with power ≥ 80%; null when not within `maxWeeks`. */
  weeksToPower: number | null;
  /**
   * When not within `maxWeeks`: the weeks the effect this design estimates would need, from the
   * interval's width at `maxWeeks` shrinking as 1/√weeks. Beyond the simulated horizon, so a rough
   * guide (simulate that many weeks to check); null when there is no gain to detect, or when the
   * design estimates it the wrong way round (`reversed`), as no length of experiment then finds it.
   */
  weeksExtrapolated: number | null;
  /**
   * The experiment's mean estimate has the opposite sign of full deployment's effect: interference
   * (or carry-over) turns the effect around, so the design cannot confirm the forecast.
   */
  reversed: boolean;
  /** Share of replications whose readout after `maxWeeks` excludes 0 on the side opposite the forecast: a confident wrong answer. */
  wrongWay: number;
  powerCurve: PowerPoint[];
  /** Candidate everywhere − control everywhere, conversions per lead, over the replications (the forecast gain). */
  fullDeployment: Interval;
  /** What the experiment estimates over the whole horizon, over the replications. */
  designEstimate: Interval;
  /** Mean of (design estimate − full-deployment effect), paired, with the 90% interval of that mean. */
  bias: Interval;
  statements: string[];
}

export interface DesignControl {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function checkDesign(design: ExperimentDesign): void {
  if (!UNITS.includes(design.unit)) throw new RangeError(`unit: "${design.unit}" is none of ${UNITS.join(', ')}`);
  if (!(design.share > 0 && design.share < 1)) throw new RangeError(`share: ${design.share} is not between 0 and 1`);
  if (!(Number.isInteger(design.maxWeeks) && design.maxWeeks >= 1)) throw new RangeError(`maxWeeks: ${design.maxWeeks} is not a whole number of weeks`);
}

export function simulateDesign(prepared: PreparedComparison, design: ExperimentDesign, options: { replications: number; seed: number } & DesignControl): DesignResult {
  const run = designRun(prepared, design, options);
  for (let i = 0; i < options.replications; i++) run.replicate(i);
  return run.result();
}

/**
 * The same design, the same numbers, in slices of about `sliceMs`: between slices it yields to
 * the event loop, so a worker hears a cancel (its signal) while the replications run instead of
 * after them.
 */
export async function simulateDesignInSlices(
  prepared: PreparedComparison,
  design: ExperimentDesign,
  options: { replications: number; seed: number; sliceMs?: number } & DesignControl,
): Promise<DesignResult> {
  const run = designRun(prepared, design, options);
  const sliceMs = options.sliceMs ?? 50;
  let sliceStart = performance.now();
  for (let i = 0; i < options.replications; i++) {
    run.replicate(i);
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  options.signal?.throwIfAborted();
  return run.result();
}

/** One replication at a time (`replicate(i)` for i = 0, 1, …), then the result of those run. */
function designRun(prepared: PreparedComparison, design: ExperimentDesign, options: { replications: number; seed: number } & DesignControl) {
  checkDesign(design);
  const { seed, replications } = options;
  const base = calibrated(prepared.world, seed);
  const world = { ...base, horizon: { ...base.horizon, weeks: design.maxWeeks } };
  const armsByFold = prepared.policiesByFold.map((policies): [PreparedPolicy, PreparedPolicy] => {
    const find = (name: string) => {
      const policy = policies.find((p) => p.name === name);
      if (!policy) throw new RangeError(`"${name}" is not one of the compared policies (${policies.map((p) => p.name).join(', ')})`);
      return preparePolicy(policy, world);
    };
    // Each arm prepared on its own, even for control against itself: the arms never share router state.
    return [find(design.control), find(design.candidate)];
  });
  const R = world.reps.length, W = design.maxWeeks;
  const scratch = createScratch(world);
  const experiment = createExperimentScratch(scratch);
  const p = new Float64Array(world.segments.length * R);
  const totals = emptyTotals(R);
  const warmUpEnd = world.horizon.warmUpWeeks * HOURS_PER_WEEK;
  const estimate = new Float64Array(replications * W), low = new Float64Array(replications * W), high = new Float64Array(replications * W);
  const full = new Float64Array(replications);
  let arm = new Uint8Array(0), won = new Uint8Array(0);

  const replicate = (i: number) => {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('cancelled');
    const fold = i % world.posteriors.length;
    drawRates(world, fold, seed, i, p);
    const arrivals = drawArrivals(world, seed, i);
    const [control, candidate] = armsByFold[fold % armsByFold.length]!;
    const rate = (policy: PreparedPolicy) => {
      runPolicy(world, policy, arrivals, p, scratch, resetTotals(totals));
      return totals.leads > 0 ? totals.won / totals.leads : 0;
    };
    full[i] = rate(candidate) - rate(control);

    if (arm.length < arrivals.count) [arm, won] = [new Uint8Array(arrivals.count), new Uint8Array(arrivals.count)];
    assignArms(arrivals, design, seed, i, arm, bucketOf, ARM_BUCKETS);
    runTwoArms(world, [control, candidate], arm, arrivals, p, experiment, won);

    const leads: ReadoutLead[] = [];
    let week = 1;
    const readUpTo = (w: number) => {
      const r = readOut(leads, 1);
      estimate[i * W + w - 1] = r.effect;
      low[i * W + w - 1] = r.low;
      high[i * W + w - 1] = r.high;
    };
    for (let j = 0; j < arrivals.count; j++) {
      const t = arrivals.time[j]!;
      if (t < warmUpEnd) continue;
      while (t >= warmUpEnd + week * HOURS_PER_WEEK && week <= W) readUpTo(week++);
      leads.push({ arm: arm[j] ? 'candidate' : 'control', segment: arrivals.segment[j]!, outcome: won[j] ? 1 : 0, ageDays: Infinity, daysToWin: NaN });
    }
    while (week <= W) readUpTo(week++);
    options.onProgress?.(i + 1, replications);
  };
  return { replicate, result: () => designResult(design, seed, { estimate, low, high, full }) };
}

/** Power curve, weeks to 80% power and bias from each replication's readouts (replication-major, week-minor) and full-deployment effect. */
export function designResult(design: ExperimentDesign, seed: number, runs: { estimate: Float64Array; low: Float64Array; high: Float64Array; full: Float64Array }): DesignResult {
  const W = design.maxWeeks, n = runs.full.length;
  const fullDeployment = interval(runs.full);
  const side = Math.sign(fullDeployment.mean);
  const powerCurve: PowerPoint[] = [];
  for (let w = 0; w < W; w++) {
    let detected = 0, excludes = 0, sum = 0, half = 0, finite = 0;
    for (let i = 0; i < n; i++) {
      const e = runs.estimate[i * W + w]!, lo = runs.low[i * W + w]!, hi = runs.high[i * W + w]!;
      if (!Number.isFinite(e)) continue;
      finite++;
      sum += e;
      half += (hi - lo) / 2;
      if (lo > 0 || hi < 0) excludes++;
      if (side > 0 ? lo > 0 : side < 0 ? hi < 0 : lo > 0 || hi < 0) detected++;
    }
    powerCurve.push({ weeks: w + 1, power: detected / n, excludesZero: excludes / n, meanEstimate: finite ? sum / finite : NaN, meanHalfWidth: finite ? half / finite : NaN });
  }
  const last = Float64Array.from({ length: n }, (_, i) => runs.estimate[i * W + W - 1]!);
  const gaps = Array.from(last, (e, i) => e - runs.full[i]!).filter(Number.isFinite);
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, gaps.length - 1));
  const margin = (Z90 * sd) / Math.sqrt(Math.max(1, gaps.length));
  const bias: Interval = gaps.length ? { mean, lo: mean - margin, hi: mean + margin } : { mean: NaN, lo: NaN, hi: NaN };
  const weeksToPower = powerCurve.find((pt) => pt.power >= POWER_TARGET)?.weeks ?? null;
  const designEstimate = interval(last);
  // What the readout sees is the design's estimate, bias included, not full deployment's effect.
  const reversed = side !== 0 && Math.sign(designEstimate.mean) !== side;
  const standardError = powerCurve[W - 1]!.meanHalfWidth / Z90;
  const needed = W * (((Z90 + Z80) * standardError) / designEstimate.mean) ** 2;
  const end = powerCurve[W - 1]!;
  const result = {
    design, replications: n, seed, weeksToPower,
    weeksExtrapolated: weeksToPower === null && !reversed && side !== 0 && Number.isFinite(needed) ? Math.ceil(needed) : null,
    reversed, wrongWay: side === 0 ? 0 : end.excludesZero - end.power,
    powerCurve, fullDeployment, designEstimate, bias,
  };
  return { ...result, statements: statements(result) };
}

const Z90 = 1.6448536269514722;
/** One-sided 80%: the 80th percentile of the standard normal. */
const Z80 = 0.8416212335729143;
const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(2)}`;

/** Beyond ten years an extrapolated count of weeks says only that the gain is out of an experiment's reach. */
export function aboutWeeks(weeks: number): string {
  return weeks > 520 ? 'more than ten years' : `about ${weeks} weeks`;
}

/** What the design carries, in words, from the numbers measured. */
function statements(r: Omit<DesignResult, 'statements'>): string[] {
  const { design, bias, fullDeployment } = r;
  const out: string[] = [];
  const significant = bias.lo > 0 || bias.hi < 0;
  const measured = `the experiment estimates ${points(r.designEstimate.mean)} conversions per 100 leads where full deployment gives ${points(fullDeployment.mean)}: bias ${points(bias.mean)} (90% interval ${points(bias.lo)} … ${points(bias.hi)})`;
  const direction = r.reversed ? 'it estimates the effect the wrong way round' : !significant ? 'no bias the simulation can tell from zero' : Math.abs(r.designEstimate.mean) > Math.abs(fullDeployment.mean) ? 'it overstates the effect' : 'it understates the effect';
  if (design.unit === 'week') {
    out.push(`Switchback: whole weeks alternate, but queues carry over: a candidate week starts with the backlog the control week left (and back), and leads reclaimed across the switch are routed by the other week's policy. Measured: ${measured}; ${direction}.`);
  } else {
    out.push(`Interference: both arms share the reps and their capacity, so each arm's leads wait behind the other's; a ${design.unit === 'lead' ? 'lead-level' : 'slot'} split differs from deploying the candidate to everyone. Measured: ${measured}; ${direction}.`);
  }
  if (fullDeployment.mean < 0) out.push(`Forecast loss: the candidate everywhere converts ${points(fullDeployment.mean)} per 100 leads against the control (90% interval ${points(fullDeployment.lo)} … ${points(fullDeployment.hi)}). Power here is the chance that the readout shows it converting fewer; roll it out only to check a forecast you doubt.`);
  if (r.reversed) out.push(`Wrong way round: full deployment gives ${points(fullDeployment.mean)} conversions per 100 leads but this experiment estimates ${points(r.designEstimate.mean)}, so it cannot confirm the forecast however long it runs; after ${design.maxWeeks} weeks ${(100 * r.wrongWay).toFixed(0)}% of the simulated rollouts show a significant effect the wrong way. Try another unit or share.`);
  if (design.unit === 'slot') out.push(`The slot is the AutoNumber mod 100: the candidate takes runs of ${Math.round(design.share * 100)} consecutive leads, not a random draw per lead; bursts of one kind of lead fall in one arm.`);
  if (design.unit === 'week') out.push('With weeks as the unit, week-to-week swings in demand and mix fall between the arms; the readout adjusts for the segment mix, not for the weeks.');
  out.push(r.weeksToPower === null
    ? `Power: the readout does not reach ${100 * POWER_TARGET}% power within ${design.maxWeeks} weeks (${(100 * r.powerCurve[design.maxWeeks - 1]!.power).toFixed(0)}% at ${design.maxWeeks})${r.weeksExtrapolated === null ? '' : `; the effect this design estimates would need ${aboutWeeks(r.weeksExtrapolated)} (extrapolated from the interval's width, not simulated)`}.`
    : `Power: ${r.weeksToPower} weeks of enrolment detect the forecast gain with ≥ ${100 * POWER_TARGET}% power (then wait the readout's window for the last leads' outcomes).`);
  return out;
}
