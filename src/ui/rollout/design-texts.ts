import type { Unit } from '../../experiment/design';
import type { DesignProblem } from '../state/experiment-settings';

/**
 * The words of a rollout's design (the Rollout step's first part), of the Export step's
 * experiment option, and of the monitor's re-estimate (the `design` section of the texts).
 * Values come in formatted; effects are conversions per 100 leads, signed.
 */
export interface DesignTexts {
  title: string;
  intro: string;
  controlLabel: string;
  candidateLabel: string;
  unitLabel: string;
  units: Record<Unit, string>;
  unitHelp: Record<Unit, string>;
  shareLabel: string;
  maxWeeksLabel: string;
  saltLabel: string;
  weekStartLabel: string;
  invalid: Record<DesignProblem, string>;
  simulate: string;
  cancel: string;
  needsData: string;
  ready: string;
  preparing: string;
  designing: (done: string, total: string) => string;
  failed: string;
  stale: string;
  /** How many replications, with which seed. */
  replications: (count: string, seed: string) => string;
  weeksTitle: string;
  /** Reached 80% power within the simulated weeks. */
  weeksToPower: (weeks: string) => string;
  /** Not reached: the power at the last simulated week. */
  notWithin: (maxWeeks: string, power: string) => string;
  extrapolated: (weeks: string) => string;
  beyondTenYears: string;
  gainTitle: string;
  gain: (mean: string, low: string, high: string) => string;
  biasTitle: string;
  bias: (weeks: string, estimate: string, full: string, mean: string, low: string, high: string) => string;
  direction: { none: string; overstates: string; understates: string; reversed: string };
  /** Shared reps (lead, slot): `split` names the unit. */
  interference: (split: string) => string;
  splits: { lead: string; slot: string };
  switchback: string;
  /** Interference turns the effect around: `share` of the simulated rollouts show a significant effect the wrong way. */
  reversed: (full: string, estimate: string, weeks: string, share: string) => string;
  /** The candidate is forecast to convert fewer than the control (the interval's values come formatted). */
  forecastLoss: (mean: string, low: string, high: string) => string;
  slotRuns: (share: string) => string;
  weekMix: string;
  chartTitle: string;
  chartWeeks: string;
  chartPower: string;
  chartTarget: string;
  exportButton: string;
  exportHelp: string;
  /** The Export step's experiment option. */
  exportStep: {
    title: string;
    toggle: string;
    help: string;
    control: (name: string) => string;
    keepCurrent: string;
    unit: (unit: string) => string;
    share: (share: string) => string;
    salt: (salt: string) => string;
    weekStart: (date: string) => string;
    editInRollout: string;
    notReady: string;
    building: (control: string) => string;
    /** The split builder refused the settings; its own words (a JSON path and why) follow. */
    refused: string;
  };
  /** The monitor's action: the history and the rollout's export as one dataset, estimated again. */
  reestimate: {
    button: string;
    help: string;
    loading: string;
    done: (leads: string, period: string, files: string) => string;
    failed: string;
  };
}
