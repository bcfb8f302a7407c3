import type { EstimationInputs } from '../model/estimation-inputs';
import type { HistoryLeads } from '../model/history';
import { scenarioError } from '../model/scenario-errors';
import { estimate } from '../estimate/estimate';
import type { Rep } from '../model/roster';
import type { Scenario } from '../model/scenario';
import { calibrated } from './compare';
import { runReplications } from './replicate';
import { interval } from './summarize';
import { buildWorld } from './world';
import { type Interval, METRICS } from '../model/comparison';

/**
 * The simulator's own backtest (DESIGN §3.3): fit on the history before a cutoff, replay the
 * leads created after it through "as is" (each to the rep who really had it), and compare the
 * forecast conversions with what really happened. Only leads decided by the end of the history
 * are replayed: an open lead has no actual outcome to compare with.
 */
export interface SimulationBacktest {
  cutoff: string;
  replayed: number;
  actualWins: number;
  forecast: Interval;
  /** The actual wins fall within the forecast's 90% interval. */
  covered: boolean;
}

export interface AsIsBacktestParts {
  scenario: Scenario;
  roster: Rep[];
  history: HistoryLeads;
  /** The period before the cutoff, with only the outcomes known at it (data/backtest-split). */
  fit: EstimationInputs;
  cutoff: string;
}

export function backtestAsIs(parts: AsIsBacktestParts, options: { replications: number; seed: number }): SimulationBacktest {
  const { scenario, roster, history, cutoff } = parts;
  const fit = estimate(parts.fit, {
    reps: [...new Set([...roster.map((r) => r.rep_id), ...history.owners])],
    segments: history.segments,
    ...(scenario.decay ? { decay: scenario.decay } : {}),
  });
  const cutoffMs = Date.parse(cutoff.replace(' ', 'T') + 'Z');
  const world = buildWorld({
    estimatesByFold: [fit],
    estimates: fit,
    roster,
    history,
    horizon: { weeks: 1, volumeMultiplier: 1, slaHours: scenario.simulation.slaHours, reclaimAfterHours: scenario.simulation.reclaimAfterHours, warmUpWeeks: 0 },
    arrivals: 'history',
  });
  const segmentOf = new Map(world.segments.map((s, i) => [s.key, i]));
  const ownerOf = new Map(world.reps.map((r, i) => [r.id, i]));
  const replay = [...history.created.keys()].filter((i) => history.created[i]! >= cutoffMs && history.outcome[i]! >= 0);
  if (replay.length === 0) throw scenarioError('no_decided_after_cutoff', { cutoff }, `backtest: no lead created after ${cutoff} is decided yet; nothing to compare with.`, { path: 'leads' });
  const actualWins = replay.reduce((n, i) => n + (history.outcome[i] === 1 ? 1 : 0), 0);
  // The replayed leads are in creation order (readHistoryLeads sorts them): the first is the earliest.
  const startMs = history.created[replay[0]!]!;
  const replayWorld = calibrated({
    ...world,
    arrivals: {
      kind: 'replay',
      time: Float64Array.from(replay, (i) => (history.created[i]! - startMs) / 3_600_000),
      segment: Uint32Array.from(replay, (i) => segmentOf.get(history.segments[history.segment[i]!]!)!),
      value: Float64Array.from(replay, (i) => history.value[i]!),
      owner: Int32Array.from(replay, (i) => (history.owner[i]! < 0 ? -1 : ownerOf.get(history.owners[history.owner[i]!]!) ?? -1)),
    },
  }, options.seed);
  const batch = runReplications({ world: replayWorld, policiesByFold: [[{ name: 'as_is', kind: 'as_is' }]], seed: options.seed }, Array.from({ length: options.replications }, (_, i) => i));
  const m = METRICS.indexOf('conversions');
  const forecast = interval(Array.from({ length: options.replications }, (_, i) => batch.metrics[i * METRICS.length + m]!));
  return { cutoff, replayed: replay.length, actualWins, forecast, covered: actualWins >= forecast.lo && actualWins <= forecast.hi };
}
