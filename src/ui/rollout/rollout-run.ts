import type { ArmRule } from '../../experiment/readout-report';
import type { LoadPhase } from '../../pipeline/data-session';
import type { PipelineProgress } from '../../pipeline';
import type { PolicyName, Scenario } from '../../model/scenario';
import type { I18n } from '../i18n';
import { SLOT_FIELD } from '../../export/salesforce/fields';
import { isMondayDate } from '../../model/rules';
import { designPolicies, percentShare, type ExperimentSettings } from '../state/experiment-settings';

/** `allot readout`'s default window: long enough for most deals to close. */
export const DEFAULT_WINDOW_DAYS = 30;
const MAX_WINDOW_DAYS = 730;

/** The Rollout step's form as the user typed it: text fields stay text until they are read. */
export interface RolloutSettings {
  arms: ArmRule['kind'];
  column: string;
  /** The column holding a slot split's slot (0–99), as the Salesforce export names it. */
  slotColumn: string;
  /** The Monday week 0 of a switchback starts on, YYYY-MM-DD. */
  weekStart: string;
  /** The candidate's share in percent, as typed. */
  share: string;
  salt: string;
  /** Empty: the scenario's default (see `defaultPolicies`). */
  control: PolicyName | '';
  candidate: PolicyName | '';
  window: string;
}

export const INITIAL_SETTINGS: RolloutSettings = { arms: 'column', column: 'arm', slotColumn: SLOT_FIELD, weekStart: '', share: '50', salt: '', control: '', candidate: '', window: String(DEFAULT_WINDOW_DAYS) };

/**
 * The readout's settings as the exported experiment sets them, so the user does not type the salt
 * again: a lead-level split is recomputed from the ids with its share and salt, a slot split from
 * the slot column the Salesforce export adds, a switchback from the creation dates and its first
 * Monday. Nothing while no experiment is exported.
 */
export function readoutDefaults(experiment: ExperimentSettings | null, scenario: Scenario): Partial<RolloutSettings> {
  if (!experiment?.exportSplit) return {};
  const { control, candidate } = designPolicies(experiment, scenario);
  const arms: Partial<RolloutSettings> =
    experiment.unit === 'lead' ? { arms: 'hash', share: experiment.share, salt: experiment.salt }
    : experiment.unit === 'slot' ? { arms: 'slot', share: experiment.share, slotColumn: SLOT_FIELD }
    : { arms: 'week', share: experiment.share, weekStart: experiment.weekStart };
  return { ...arms, control, candidate };
}

export type SettingProblem = keyof I18n['t']['rollout']['invalid'];

/** What the engine's `readout` takes from the form, or which fields do not fit yet. */
export type ReadRequest = { ok: true; arms: ArmRule; control: PolicyName; candidate: PolicyName; windowDays: number } | { ok: false; problems: SettingProblem[] };

/**
 * The control and the candidate a rollout is read out with unless the user picks others: the
 * history (as_is) against the optimized policy, as `allot readout` defaults; else the scenario's
 * baseline, else its first policy, against the optimized one, else its last.
 */
export function defaultPolicies(scenario: Scenario): { control: PolicyName; candidate: PolicyName } {
  const policies = scenario.policies;
  const candidate = policies.includes('optimized') ? 'optimized' : policies.at(-1)!;
  const others = policies.filter((p) => p !== candidate);
  const baseline = scenario.simulation.baseline;
  const control = others.includes('as_is') ? 'as_is' : baseline && others.includes(baseline) ? baseline : (others[0] ?? candidate);
  return { control, candidate };
}

/** The two policies in force: the user's choice while the scenario still compares it, else the default. */
export function chosenPolicies(settings: RolloutSettings, scenario: Scenario): { control: PolicyName; candidate: PolicyName } {
  const fallback = defaultPolicies(scenario);
  const kept = (p: PolicyName | '') => (p && scenario.policies.includes(p) ? p : null);
  return { control: kept(settings.control) ?? fallback.control, candidate: kept(settings.candidate) ?? fallback.candidate };
}

/** Reads the form: the engine request, or every field that does not fit (each said under its field). */
export function readRequest(settings: RolloutSettings, scenario: Scenario): ReadRequest {
  const problems: SettingProblem[] = [];
  let arms: ArmRule | null = null;
  if (settings.arms === 'column') {
    const column = settings.column.trim();
    if (column) arms = { kind: 'column', column };
    else problems.push('column');
  } else {
    const share = percentShare(settings.share);
    if (share === null) problems.push('share');
    if (settings.arms === 'hash') {
      const salt = settings.salt.trim();
      if (!salt) problems.push('salt');
      if (share !== null && salt) arms = { kind: 'hash', share, salt };
    } else if (settings.arms === 'slot') {
      const column = settings.slotColumn.trim();
      if (!column) problems.push('column');
      if (share !== null && Math.abs(share * 100 - Math.round(share * 100)) > 1e-9) problems.push('slotShare');
      else if (share !== null && column) arms = { kind: 'slot', share, column };
    } else {
      const weekStart = settings.weekStart.trim();
      if (!isMondayDate(weekStart)) problems.push('weekStart');
      else if (share !== null) arms = { kind: 'week', share, weekStart };
    }
  }
  const windowDays = wholeDays(settings.window);
  if (windowDays === null) problems.push('window');
  const { control, candidate } = chosenPolicies(settings, scenario);
  if (control === candidate) problems.push('samePolicies');
  return arms && windowDays !== null && !problems.length ? { ok: true, arms, control, candidate, windowDays } : { ok: false, problems };
}

function wholeDays(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() && Number.isInteger(value) && value >= 1 && value <= MAX_WINDOW_DAYS ? value : null;
}

/** What the readout is doing now: the forecast's simulation, then reading the export aside. */
export type ReadoutProgress = LoadPhase | PipelineProgress;

export function progressText(i18n: I18n, progress: ReadoutProgress | null): string {
  const { t, fmt } = i18n;
  const r = t.rollout;
  if (!progress) return r.preparing;
  if ('stage' in progress) return progress.stage === 'simulating' && progress.done > 0 ? r.simulating(fmt.number(progress.done), fmt.number(progress.total)) : r.preparing;
  switch (progress.kind) {
    case 'reading':
      return r.reading(progress.file, fmt.bytes(progress.bytes));
    case 'mapping':
      return r.mapping(progress.file, fmt.number(progress.rows));
    case 'restoring':
      return r.restoring;
    default:
      return r.preparing;
  }
}

/** The share of the forecast's simulation done, for the progress bar; null once the export is being read. */
export function simulated(progress: ReadoutProgress | null): { done: number; total: number } | null {
  return progress && 'stage' in progress && progress.stage === 'simulating' ? { done: progress.done, total: progress.total } : null;
}

/** The readout's moments (epoch ms of the data's own clock) as the workbench's dates are written. */
export function sqlStamp(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19).replace('T', ' ') : null;
}

/** Conversions per lead → per 100 leads, signed, one decimal, in the UI's locale: +3.9, −1.2. */
export function perHundredFormat(locale: string): (perLead: number) => string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return (perLead) => format.format(100 * perLead).replace('-', '−');
}

/** The columns a `not_a_column` error lists (the export's own), offered for the arm column. */
export function columnsNamed(error: unknown): string[] {
  const e = error as { code?: unknown; params?: Record<string, unknown> } | null;
  if (!e || e.code !== 'not_a_column' || typeof e.params?.columns !== 'string') return [];
  return e.params.columns.split(', ').filter(Boolean);
}
