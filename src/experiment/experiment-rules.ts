import { parseRuleConfig, RULES_SCHEMA_ID, type Experiment, type ExperimentUnit, type RuleConfig, type RuleRep } from '../model/rules';

export type Unit = ExperimentUnit;

export interface SplitSpec {
  /** The experiment's name in reports; default "<candidate> vs <control>". */
  name?: string;
  unit: Unit;
  /** The candidate's share of the leads (lead, slot) or weeks (week), in (0, 1). */
  candidateShare: number;
  /** unit lead: the hash salt; default one derived from the two policies' names and the share, so re-exporting gives the same arms. */
  salt?: string;
  /** unit lead: the lead field hashed (default lead_id). */
  idField?: string;
  /** unit week (required): the Monday, YYYY-MM-DD, week 0 starts on. */
  weekStart?: string;
  /** unit week: the creation-date field (default created_at). */
  createdField?: string;
  /** The control's name when it is `keepCurrent` (default "as is"). */
  controlName?: string;
}

/**
 * The rule file of a rollout (allot.rules/v2 with an `experiment` block): the candidate's rules at
 * the top level, the control's in `experiment.control` (or `keepCurrent`: the control's leads are
 * left to the CRM's current process). Both arms route over one list of reps, sharing their caps and
 * loads: the reps are **merged** — the candidate's, then any rep only the control's pools name. A
 * rep both configs list must be listed alike (a rep with two capacities would be two teams), else
 * this throws naming the rep. Pure; the result is validated (parseRuleConfig) before it is returned,
 * so a bad split (a share that is not a whole percent for slots, a weekStart that is no Monday)
 * throws an Error naming the JSON path.
 */
export function withExperiment(candidate: RuleConfig, control: RuleConfig | 'keepCurrent', split: SplitSpec): RuleConfig {
  const keep = control === 'keepCurrent';
  const controlName = keep ? (split.controlName ?? 'as is') : control.name;
  const reps = keep ? candidate.reps : mergeReps(candidate.reps, control.reps);
  const experiment: Experiment = {
    name: split.name ?? `${candidate.name} vs ${controlName}`,
    unit: split.unit,
    candidateShare: split.candidateShare,
    ...(split.unit === 'lead' ? { salt: split.salt ?? defaultSalt(candidate.name, controlName, split.candidateShare) } : {}),
    ...(split.unit === 'lead' && split.idField !== undefined ? { idField: split.idField } : {}),
    ...(split.unit === 'week' && split.weekStart !== undefined ? { weekStart: split.weekStart } : {}),
    ...(split.unit === 'week' && split.createdField !== undefined ? { createdField: split.createdField } : {}),
    control: keep ? { name: controlName, keepCurrent: true } : { name: control.name, rules: control.rules, fallback: control.fallback },
  };
  const built = { ...candidate, schema: RULES_SCHEMA_ID, reps, experiment };
  const parsed = parseRuleConfig(built);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return parsed.config;
}

function mergeReps(candidate: readonly RuleRep[], control: readonly RuleRep[]): RuleRep[] {
  const byId = new Map(candidate.map((rep) => [rep.id, rep]));
  const merged = [...candidate];
  for (const rep of control) {
    const same = byId.get(rep.id);
    if (same === undefined) merged.push(rep);
    else if (JSON.stringify(sorted(same)) !== JSON.stringify(sorted(rep)))
      throw new Error(`reps: "${rep.id}" is listed differently by the candidate and the control (${JSON.stringify(same)} vs ${JSON.stringify(rep)}); both arms share one team`);
  }
  return merged;
}

const sorted = (rep: RuleRep) => Object.fromEntries(Object.entries(rep).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));

/** `allot-` and eight hex digits of FNV-1a: stable for the same two policies and share, different for another pairing. */
function defaultSalt(candidate: string, control: string, share: number): string {
  let h = 0x811c9dc5;
  for (const char of `${candidate}\u0000${control}\u0000${share}`) h = Math.imul(h ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return `allot-${h.toString(16).padStart(8, '0')}`;
}
