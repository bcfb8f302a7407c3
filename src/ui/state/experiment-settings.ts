import { isMondayDate } from '../../model/rules';
import { DEFAULT_DESIGN_REPLICATIONS, DEFAULT_MAX_WEEKS, UNITS, type ExperimentDesign, type Unit } from '../../experiment/design';
import { RULE_POLICIES, type PolicyName, type RulePolicy, type Scenario } from '../../model/scenario';

/** The most weeks the design simulates (the CLI's `--max-weeks` limit). */
export const MAX_DESIGN_WEEKS = 104;
export { DEFAULT_DESIGN_REPLICATIONS };

/**
 * The rollout experiment as the user set it up: one value, held by the app shell and handed to
 * the Rollout step (which designs it and reads it out) and the Export step (which writes its
 * split), so the two never disagree. Text fields stay as typed until they are read.
 */
export interface ExperimentSettings {
  /** Empty: the scenario's default (`designPolicies`). */
  control: PolicyName | '';
  candidate: RulePolicy | '';
  unit: Unit;
  /** The candidate's share in percent, as typed. */
  share: string;
  /** The weeks the design simulates. */
  maxWeeks: string;
  /** The lead-id hash's salt (unit lead). */
  salt: string;
  /** The Monday week 0 starts on (unit week), YYYY-MM-DD. */
  weekStart: string;
  /** The Export step writes the split: set by "Export this experiment", cleared by the step's own switch. */
  exportSplit: boolean;
}

export type ExperimentChange = Partial<ExperimentSettings>;

/** A salt and a week start of the day the experiment is first set up: unique enough, and readable in a rule file. */
export function initialExperiment(today: Date = new Date()): ExperimentSettings {
  return {
    control: '', candidate: '', unit: 'lead', share: '50', maxWeeks: String(DEFAULT_MAX_WEEKS),
    salt: `rollout-${today.toISOString().slice(0, 10)}`, weekStart: nextMonday(today), exportSplit: false,
  };
}

/** The Monday on or after `day` (UTC), YYYY-MM-DD: the first whole week an experiment exported today can start. */
export function nextMonday(day: Date): string {
  const offset = (8 - day.getUTCDay()) % 7;
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + offset)).toISOString().slice(0, 10);
}

/**
 * The control and the candidate unless the user picked others: today's practice (as_is, else the
 * baseline, else the first other policy) against the optimized policy, else the last that has rules.
 */
export function designPolicies(settings: Pick<ExperimentSettings, 'control' | 'candidate'>, scenario: Scenario): { control: PolicyName; candidate: RulePolicy } {
  const policies = scenario.policies;
  const ruled = policies.filter((p): p is RulePolicy => (RULE_POLICIES as readonly string[]).includes(p));
  const keptCandidate = settings.candidate && ruled.includes(settings.candidate) ? settings.candidate : null;
  const candidate = keptCandidate ?? (ruled.includes('optimized') ? 'optimized' : (ruled.at(-1) ?? 'optimized'));
  const others = policies.filter((p) => p !== candidate);
  const keptControl = settings.control && others.includes(settings.control) ? settings.control : null;
  const baseline = scenario.simulation.baseline;
  const control = keptControl ?? (others.includes('as_is') ? 'as_is' : baseline && others.includes(baseline) ? baseline : (others[0] ?? candidate));
  return { control, candidate };
}

export type DesignProblem = 'share' | 'maxWeeks' | 'salt' | 'weekStart' | 'samePolicies' | 'slotShare';

/** The design the engine simulates, or the fields that do not fit (each said under its field). */
export function readDesign(settings: ExperimentSettings, scenario: Scenario): { ok: true; design: ExperimentDesign & { candidate: RulePolicy; control: PolicyName } } | { ok: false; problems: DesignProblem[] } {
  const problems: DesignProblem[] = [];
  const share = percentShare(settings.share);
  if (share === null) problems.push('share');
  // Salesforce's slot is MOD(AutoNumber, 100): its split is in whole percents.
  else if (settings.unit === 'slot' && Math.abs(share * 100 - Math.round(share * 100)) > 1e-9) problems.push('slotShare');
  const maxWeeks = Number(settings.maxWeeks.trim());
  if (!(settings.maxWeeks.trim() && Number.isInteger(maxWeeks) && maxWeeks >= 1 && maxWeeks <= MAX_DESIGN_WEEKS)) problems.push('maxWeeks');
  const { control, candidate } = designPolicies(settings, scenario);
  if (control === candidate) problems.push('samePolicies');
  if (problems.length || share === null || !UNITS.includes(settings.unit)) return { ok: false, problems };
  return { ok: true, design: { control, candidate, unit: settings.unit, share, maxWeeks } };
}

/** What the export needs beyond the design: the salt (lead) or the week start (week). */
export function exportProblems(settings: ExperimentSettings): DesignProblem[] {
  if (settings.unit === 'lead' && !settings.salt.trim()) return ['salt'];
  if (settings.unit === 'week' && !isMondayDate(settings.weekStart.trim())) return ['weekStart'];
  return [];
}

/** "50", "50%", "12.5" → 0.5, 0.125, to the split's 0.01%; a share must leave both arms some leads. */
export function percentShare(text: string): number | null {
  const value = Number(text.trim().replace(/[%％]$/, '').replace(',', '.'));
  if (!text.trim() || !Number.isFinite(value) || value <= 0 || value >= 100) return null;
  return Math.round(value * 100) / 10_000;
}

const STORAGE_KEY = 'allot.experiment';

/** The experiment kept across reloads: its salt is what the readout months later recomputes the arms with. */
export function readExperiment(store: Storage | null): ExperimentSettings {
  const fresh = initialExperiment();
  try {
    const saved = JSON.parse(store?.getItem(STORAGE_KEY) ?? 'null') as Partial<ExperimentSettings> | null;
    if (!saved || typeof saved !== 'object') return fresh;
    const text = (key: 'share' | 'maxWeeks' | 'salt' | 'weekStart' | 'control' | 'candidate') => (typeof saved[key] === 'string' ? { [key]: saved[key] } : {});
    return {
      ...fresh, ...text('share'), ...text('maxWeeks'), ...text('salt'), ...text('weekStart'), ...text('control'), ...text('candidate'),
      ...(UNITS.includes(saved.unit as Unit) ? { unit: saved.unit as Unit } : {}),
      exportSplit: saved.exportSplit === true,
    } as ExperimentSettings;
  } catch {
    return fresh;
  }
}

export function writeExperiment(store: Storage | null, settings: ExperimentSettings): void {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private modes may refuse storage: the experiment then lives as long as the page.
  }
}
