import { Calendar, MINUTES_PER_DAY, MINUTES_PER_WEEK, parseDay } from '../../data/generator/calendar';
import { buildWorld, weekShape } from '../../data/generator/options';
import { createRng, weightedSampler } from '../../data/generator/random';
import { DECAY, decayMultiplier, logistic } from '../../data/generator/truth';
import { SOURCES } from '../../data/generator/vocabulary';
import { ARRIVALS, MIX } from '../../data/generator/world';
import { PRODUCTS, REGIONS, TIER_RESPONSE_MINUTES, type LargeWorld } from './world';

/** The header of the large team's leads.csv, spelt as a Salesforce lead report exports it. */
export const LEAD_HEADER = 'Lead ID,Created Date,Lead Owner,Region,Product,Lead Source,Stage,First Contact,Close Date,Amount\n';

export interface LeadStreamOptions {
  seed: number;
  /** First day, a Monday. */
  start: string;
  weeks: number;
  leadsPerWeek: number;
  /** Share of leads given to a rep outside the lead's territory (team-wide round robin). */
  crossRegionShare: number;
  /** Share of leads nobody ever touches (closed lost by the CRM after 30 days). */
  neverTouched: number;
}

/** Counts as they come out, for files.json. */
export interface LeadTally {
  leads: number;
  won: number;
  lost: number;
  open: number;
  untouched: number;
}

const RESPONSE_SIGMA = 1.2;
const VALUE_SIGMA = 0.5;
const CLOSE_SIGMA = 0.6;
const UNTOUCHED_LOST_AFTER_DAYS = 30;
/** Open leads a rep has touched sit in one of these stages (both read as open). */
const OPEN_STAGES = ['Contacted', 'Qualified'] as const;
const round100 = (x: number) => Math.round(x / 100) * 100;

/**
 * leads.csv as string chunks of about `rowsPerChunk` lines, in creation order, header first:
 * the "as is" history of a territory round robin over the reps active that week, outcomes drawn
 * from the planted world. Nothing but a week's arrival times is held at once.
 */
export function* leadChunks(world: LargeWorld, options: LeadStreamOptions, tally: LeadTally, rowsPerChunk = 2000): Generator<string> {
  const rng = createRng(options.seed, 12);
  const calendar = new Calendar();
  const arrivals = buildWorld({ seed: options.seed, start: options.start, weeks: options.weeks, leadsPerWeek: options.leadsPerWeek });
  const startMinute = parseDay(options.start);
  const asOf = startMinute + options.weeks * MINUTES_PER_WEEK;
  const { reps, effects, regionShift } = world;
  const P = PRODUCTS.length;

  const pickRegion = weightedSampler(REGIONS.map((r) => r.weight));
  const pickProduct = weightedSampler(PRODUCTS.map((p) => p.weight));
  const pickSource = weightedSampler(SOURCES.map((s) => MIX.source[s]));
  const pickHour = weightedSampler(ARRIVALS.hourWeights);
  const regionPrice = REGIONS.map(() => 0.85 + 0.35 * rng.uniform());
  // p(won) before decay for rep × region × product, once: the loop only multiplies.
  const baseP = new Float64Array(reps.length * REGIONS.length * P);
  reps.forEach((rep, r) => {
    for (let g = 0; g < REGIONS.length; g++) {
      for (let p = 0; p < P; p++) baseP[(r * REGIONS.length + g) * P + p] = logistic(PRODUCTS[p]!.base + regionShift[g]! + rep.skill + effects[r * P + p]!);
    }
  });
  const leftAt = reps.map((rep) => (rep.leftWeek === Infinity ? Infinity : startMinute + rep.leftWeek * MINUTES_PER_WEEK));
  const closeDays = PRODUCTS.map((p) => Math.min(45, Math.max(7, 5 + p.medianValue / 5000)));
  const turns = new Int32Array(REGIONS.length + 1);
  const idWidth = Math.max(7, String(Math.ceil(options.weeks * options.leadsPerWeek * 1.5)).length);

  let lines: string[] = [LEAD_HEADER];
  let serial = 0;
  for (let week = 0; week < options.weeks; week++) {
    const active = reps.flatMap((rep, r) => (rep.joinedWeek <= week && week < rep.leftWeek ? [r] : []));
    const pools = REGIONS.map((_, g) => active.filter((r) => reps[r]!.home === g || reps[r]!.second === g));
    const weekStart = startMinute + week * MINUTES_PER_WEEK;
    const { mean, dayWeights } = weekShape(arrivals, week);
    const count = rng.poisson(mean);
    const pickDay = weightedSampler(dayWeights);
    const times = new Float64Array(count);
    for (let i = 0; i < count; i++) times[i] = weekStart + pickDay(rng) * MINUTES_PER_DAY + pickHour(rng) * 60 + rng.int(0, 59);
    times.sort();

    for (let i = 0; i < count; i++) {
      const created = times[i]!;
      const g = pickRegion(rng);
      const p = pickProduct(rng);
      const cross = rng.bernoulli(options.crossRegionShare);
      const pool = cross ? active : pools[g]!;
      const slot = cross ? REGIONS.length : g;
      const r = pool[turns[slot]!++ % pool.length]!;
      const rep = reps[r]!;
      const value = Math.max(500, round100(rng.lognormal(PRODUCTS[p]!.medianValue * regionPrice[g]!, VALUE_SIGMA)));

      let touched: number | null = null;
      if (!rng.bernoulli(options.neverTouched)) {
        const minutes = Math.max(1, Math.round(rng.lognormal(TIER_RESPONSE_MINUTES[rep.tier], RESPONSE_SIGMA)));
        const at = calendar.addWorkingMinutes(created, minutes);
        if (at < leftAt[r]! && at < asOf) touched = at;
      }
      let stage: string;
      let closed: number | null = null;
      if (touched === null) {
        // The CRM's nightly job (02:00) closes a lead nobody touched for 30 days.
        const autoClose = (Math.floor(created / MINUTES_PER_DAY) + UNTOUCHED_LOST_AFTER_DAYS) * MINUTES_PER_DAY + 120;
        stage = autoClose < asOf ? 'Closed Lost' : 'Open';
        if (autoClose < asOf) closed = autoClose;
        tally.untouched++;
      } else {
        const hours = (touched - created) / 60;
        const won = rng.bernoulli(baseP[(r * REGIONS.length + g) * P + p]! * decayMultiplier(DECAY, hours));
        const days = rng.lognormal(closeDays[p]! * (won ? 1 : 1.2), CLOSE_SIGMA);
        const day = Math.floor((touched + Math.round(days * MINUTES_PER_DAY)) / MINUTES_PER_DAY);
        const close = Math.max(calendar.addWorkingMinutes(day * MINUTES_PER_DAY, rng.int(0, 9 * 60)), calendar.addWorkingMinutes(touched, 60));
        if (close < asOf) {
          stage = won ? 'Closed Won' : 'Closed Lost';
          closed = close;
        } else stage = OPEN_STAGES[rng.int(0, 1)]!;
      }
      if (stage === 'Closed Won') tally.won++;
      else if (stage === 'Closed Lost') tally.lost++;
      else tally.open++;
      tally.leads++;
      serial++;
      lines.push(
        `L${String(serial).padStart(idWidth, '0')},${calendar.format(created)},${rep.name},${REGIONS[g]!.name},${PRODUCTS[p]!.name},` +
          `${SOURCES[pickSource(rng)]},${stage},${touched === null ? '' : calendar.format(touched)},${closed === null ? '' : calendar.format(closed)},${value}\n`,
      );
      if (lines.length >= rowsPerChunk) {
        yield lines.join('');
        lines = [];
      }
    }
  }
  if (lines.length) yield lines.join('');
}
