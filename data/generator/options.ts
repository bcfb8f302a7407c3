import { Calendar, MINUTES_PER_DAY, MINUTES_PER_WEEK, parseDay } from './calendar';
import { buildTeam, type TeamMember } from './team';
import { buildConversionTruth, type ConversionTruth } from './truth';
import { ARRIVALS } from './world';

/** The options of a generator run and the world they fix before the first lead. */

export interface GenerateOptions {
  seed: number;
  /** First day, a Monday (`YYYY-MM-DD`). Default 2025-01-06. */
  start?: string;
  /** Default 52. */
  weeks?: number;
  /** Mean leads in a normal week at the middle of the period. Default 125. */
  leadsPerWeek?: number;
  /** Share of leads routed outside their region's round robin. Default 0.12. */
  crossRegionShare?: number;
  /** Chance that a lead reuses a recent lead's email and phone. Default 0.0015. */
  duplicateRate?: number;
  /** false gives the control world where reps do not differ. Default true. */
  plantedEffects?: boolean;
}

export type ResolvedOptions = Required<GenerateOptions>;

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    seed: options.seed,
    start: options.start ?? '2025-01-06',
    weeks: options.weeks ?? 52,
    leadsPerWeek: options.leadsPerWeek ?? 125,
    crossRegionShare: options.crossRegionShare ?? 0.12,
    duplicateRate: options.duplicateRate ?? 0.0015,
    plantedEffects: options.plantedEffects ?? true,
  };
  if (!Number.isInteger(resolved.seed)) throw new Error(`seed must be an integer, got ${resolved.seed}`);
  if (new Date(parseDay(resolved.start) * 60000).getUTCDay() !== 1) throw new Error(`start must be a Monday, got ${resolved.start}`);
  if (!(resolved.weeks >= 1) || !(resolved.leadsPerWeek > 0)) throw new Error('weeks and leadsPerWeek must be positive');
  return resolved;
}

/** Everything fixed before the first lead: the team, the planted truth, the calendar. */
export interface World {
  options: ResolvedOptions;
  team: TeamMember[];
  truth: ConversionTruth;
  calendar: Calendar;
  startMinute: number;
  /** End of the period (exclusive); outcomes are as known at this moment. */
  asOfMinute: number;
}

export function buildWorld(options: GenerateOptions): World {
  const resolved = resolveOptions(options);
  const scale = resolved.plantedEffects ? 1 : 0;
  const team = buildTeam(scale);
  const startMinute = parseDay(resolved.start);
  return {
    options: resolved,
    team,
    truth: buildConversionTruth(resolved.seed, team, scale),
    calendar: new Calendar(),
    startMinute,
    asOfMinute: startMinute + resolved.weeks * MINUTES_PER_WEEK,
  };
}

const NORMAL_WEEK = ARRIVALS.weekdayWeights.reduce((a, b) => a + b, 0);

/** Expected leads in week `week` (0-based) and the weights of its days, holidays included. */
export function weekShape(world: World, week: number): { mean: number; dayWeights: number[] } {
  const { options, calendar } = world;
  const weekStart = world.startMinute + week * MINUTES_PER_WEEK;
  const progress = options.weeks === 1 ? 0.5 : week / (options.weeks - 1);
  const trend = ARRIVALS.trendFrom + (ARRIVALS.trendTo - ARRIVALS.trendFrom) * progress;
  const dayWeights = ARRIVALS.weekdayWeights.map(
    (w, d) => w * (calendar.isHoliday(weekStart + d * MINUTES_PER_DAY) ? ARRIVALS.holidayFactor : 1),
  );
  const weekWeight = dayWeights.reduce((a, b) => a + b, 0);
  return { mean: (options.leadsPerWeek * trend * weekWeight) / NORMAL_WEEK, dayWeights };
}

/** The expected number of leads for these options (the actual count is Poisson around it). */
export function expectedLeadCount(options: GenerateOptions): number {
  const world = buildWorld(options);
  let total = 0;
  for (let week = 0; week < world.options.weeks; week++) total += weekShape(world, week).mean;
  return total;
}

/** The `leadsPerWeek` that makes about `total` leads over the other options' period. */
export function leadsPerWeekFor(total: number, options: Omit<GenerateOptions, 'leadsPerWeek'>): number {
  return total / expectedLeadCount({ ...options, leadsPerWeek: 1 });
}
