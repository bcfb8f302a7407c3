/**
 * A rollout's readout as a face shows it: which lead went to which arm (the export's arm column,
 * or the lead-level hash recomputed from the lead ids), the readout itself (readout.ts), and the
 * forecast Compare made for the same two policies beside it, with a verdict on whether it held.
 */
import type { RolloutRows } from '../model/rollout';
import { scenarioError } from '../model/scenario-errors';
import { candidateWeek, dayNumber, isCandidateSlot, SLOTS, weekIndex } from '../route';
import { armOf } from './arm';
import { readOut, type Arm, type Readout, type ReadoutLead } from './readout';

const DAY_MS = 86_400_000;

export type ArmRule =
  | { kind: 'column'; column: string }
  /** The lead-level split as exported: the candidate's share and the experiment's salt. */
  | { kind: 'hash'; share: number; salt: string }
  /** The slot split as exported: the lead's slot (or its sequence number: mod 100 either way) is in `column`; the candidate holds slots below share × 100. */
  | { kind: 'slot'; share: number; column: string }
  /** The week split (switchback) as exported: whole weeks from Monday `weekStart`, by the leads' creation dates. */
  | { kind: 'week'; share: number; weekStart: string };

/**
 * The column of the export an arm rule reads as it is (the arm, or a slot split's slot), and the
 * mapping that keeps it beside the mapped fields; none for a hash or week split, recomputed from
 * mapped fields. One place for the CLI's readout and the workbench's.
 */
export function readingArmColumn<M extends { attributes?: string[] }>(arms: ArmRule, mapping: M): { column: string | null; mapping: M } {
  const column = arms.kind === 'column' || arms.kind === 'slot' ? arms.column : null;
  return { column, mapping: column !== null && mapping.attributes ? { ...mapping, attributes: [...mapping.attributes, column] } : mapping };
}

/** The arm rule a rule file's experiment block implies (the same split the router and the exports use); `slotColumn` holds the slot for a slot split. */
export function armRuleOfExperiment(experiment: { unit: 'lead' | 'slot' | 'week'; candidateShare: number; salt?: string; weekStart?: string }, slotColumn: string): ArmRule {
  switch (experiment.unit) {
    case 'lead':
      return { kind: 'hash', share: experiment.candidateShare, salt: experiment.salt! };
    case 'slot':
      return { kind: 'slot', share: experiment.candidateShare, column: slotColumn };
    case 'week':
      return { kind: 'week', share: experiment.candidateShare, weekStart: experiment.weekStart! };
  }
}

export type RolloutLeads = Pick<RolloutRows, 'leadId' | 'segment' | 'created' | 'outcome' | 'daysToClose' | 'armText' | 'asOfMs'>;

/** The forecast of candidate − control, conversions per lead, from a comparison's paired replications. */
export interface EffectForecast {
  mean: number;
  lo: number;
  hi: number;
  replications: number;
}

export interface ReadoutReport {
  control: string;
  candidate: string;
  arms: ArmRule;
  windowDays: number;
  asOfMs: number;
  firstCreatedMs: number;
  lastCreatedMs: number;
  /** Leads whose arm column is empty: left out, counted. */
  withoutArm: number;
  readout: Readout;
  forecast: EffectForecast | null;
  /**
   * `held`: the forecast's mean lies in the readout's 90% interval (the rollout does not contradict
   * it); `above` / `below`: the whole interval lies above or below it; `no_forecast`: none given.
   */
  verdict: 'held' | 'above' | 'below' | 'no_forecast';
}

/** What an arm column may say for each arm, besides the policies' own names (case and spaces ignored). */
const ARM_WORDS: Record<Arm, string[]> = {
  control: ['control', 'a', '对照', '对照组'],
  candidate: ['candidate', 'treatment', 'b', '实验', '实验组'],
};

export function readoutReport(
  leads: RolloutLeads,
  options: { control: string; candidate: string; arms: ArmRule; windowDays: number; forecast: EffectForecast | null },
): ReadoutReport {
  const { control, candidate, arms, windowDays, forecast } = options;
  const armOfLead = armsOf(leads, options);
  const segments = new Map<string, number>();
  const rows: ReadoutLead[] = [];
  let withoutArm = 0;
  for (let i = 0; i < leads.leadId.length; i++) {
    const arm = armOfLead[i]!;
    if (arm === null) {
      withoutArm++;
      continue;
    }
    const key = leads.segment[i]!;
    if (!segments.has(key)) segments.set(key, segments.size);
    const outcome = leads.outcome[i]! as 1 | 0 | -1;
    rows.push({
      arm,
      segment: segments.get(key)!,
      outcome,
      ageDays: (leads.asOfMs - leads.created[i]!) / DAY_MS,
      daysToWin: outcome === 1 ? leads.daysToClose[i]! : NaN,
    });
  }
  const readout = readOut(rows, windowDays);
  if (readout.control.leads === 0 || readout.candidate.leads === 0 || readout.segments === 0) {
    throw scenarioError('nothing_to_read_out', { window: windowDays }, `no lead created at least ${windowDays} days before the export's last date in both arms: nothing can be read out yet.`, { path: 'readout.window' });
  }
  // Not Math.min(...): a spread of a big export's leads overflows the call stack.
  let firstCreatedMs = Infinity, lastCreatedMs = -Infinity;
  for (const t of leads.created) {
    firstCreatedMs = Math.min(firstCreatedMs, t);
    lastCreatedMs = Math.max(lastCreatedMs, t);
  }
  return {
    control,
    candidate,
    arms,
    windowDays,
    asOfMs: leads.asOfMs,
    firstCreatedMs,
    lastCreatedMs,
    withoutArm,
    readout,
    forecast,
    verdict: !forecast ? 'no_forecast' : forecast.mean < readout.low ? 'above' : forecast.mean > readout.high ? 'below' : 'held',
  };
}

/** Each lead's arm (null: the arm column is empty), by the column or the recomputed split (lead-id hash, slot, week). */
export function armsOf(leads: Pick<RolloutLeads, 'leadId' | 'armText' | 'created'>, options: { control: string; candidate: string; arms: ArmRule }): Array<Arm | null> {
  const resolve = armResolver(leads, options);
  return leads.leadId.map((_, i) => resolve(i));
}

function armResolver(leads: Pick<RolloutLeads, 'leadId' | 'armText' | 'created'>, options: { control: string; candidate: string; arms: ArmRule }): (i: number) => Arm | null {
  const { arms } = options;
  if (arms.kind === 'slot') return slotResolver(leads.armText ?? [], arms);
  if (arms.kind === 'week') {
    // Creation times are epoch ms of the file's local times, so whole days since 1970 are the dates' day numbers.
    const start = dayNumber(arms.weekStart)!;
    return (i) => (candidateWeek(weekIndex(Math.floor(leads.created[i]! / DAY_MS), start), arms.share) ? 'candidate' : 'control');
  }
  if (arms.kind === 'hash') {
    if (leads.leadId.some((id) => /^row-\d+$/.test(id))) throw scenarioError('no_lead_ids', {}, 'the split by lead id needs the lead id column: map lead_id, or name the arm column (--arm-column).', { path: 'leads.mapping.fields.lead_id' });
    return (i) => armOf(leads.leadId[i]!, arms.share, arms.salt);
  }
  const words = new Map<string, Arm>();
  for (const arm of ['control', 'candidate'] as const) for (const w of [...ARM_WORDS[arm], options[arm]]) words.set(normal(w), arm);
  const texts = leads.armText ?? [];
  const unknown = [...new Set(texts.filter((t): t is string => t !== null && !words.has(normal(t))))];
  if (unknown.length) {
    const shown = unknown.slice(0, 5).map((v) => `"${v}"`).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
    throw scenarioError('arm_values_unknown', { column: arms.column, values: shown, control: options.control, candidate: options.candidate },
      `${arms.column}: ${shown} names neither arm (control: "${options.control}" or "control"; candidate: "${options.candidate}" or "candidate").`, { column: arms.column });
  }
  return (i) => {
    const text = texts[i];
    return text === null || text === undefined ? null : words.get(normal(text))!;
  };
}

/** A slot column holds whole numbers (the slot, or the AutoNumber it is taken from); anything else names no slot. */
function slotResolver(texts: ReadonlyArray<string | null>, arms: Extract<ArmRule, { kind: 'slot' }>): (i: number) => Arm | null {
  const slotOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) % SLOTS : null);
  const bad = [...new Set(texts.filter((t): t is string => t !== null && slotOf(t) === null))];
  if (bad.length) {
    const shown = bad.slice(0, 5).map((v) => `"${v}"`).join(', ') + (bad.length > 5 ? ` and ${bad.length - 5} more` : '');
    throw scenarioError('slot_values_unknown', { column: arms.column, values: shown }, `${arms.column}: ${shown} is not a slot (a whole number: the slot, or the lead's sequence number).`, { column: arms.column });
  }
  return (i) => {
    const text = texts[i];
    return text === null || text === undefined ? null : isCandidateSlot(slotOf(text)!, arms.share) ? 'candidate' : 'control';
  };
}

function normal(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}
