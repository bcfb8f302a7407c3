import { open } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { mapLeads, readSources } from '../data/import-leads';
import { readRoutableLeads, type UnreadableLine } from '../data/routable-leads';
import { CANONICAL_FIELDS } from '../model/mapping';
import type { QualityIssue } from '../model/quality';
import { type Condition, type RuleConfig } from '../model/rules';
import { closeLead, compileRules, createRouterState, explainDecision, findUnreachableRules, route, startPeriod, type Arm, type Decision, type Lead } from '../route';
import { UsageError } from './cli-error';
import { checkOutputFile } from './output-path';
import { readRulesFile, readSourceFile } from './read-files';
import { csvCell } from '../export/csv-cell';

export interface RouteSummary {
  rules: { file: string; name: string };
  /** rows = decided + unreadable: every row of the file is either decided or listed in `unreadable`. */
  leads: { file: string; rows: number; decided: number; unreadable: number };
  /** decided = the sum of these. */
  decisions: Record<Decision['kind'], number>;
  /** Lines the CSV reader could not split into the header's columns: not routed, each with why. */
  unreadable: UnreadableLine[];
  /** With an experiment, one entry per arm's rule (`arm` says which: rule ids may repeat between arms). */
  byRule: Array<{ rule: string; method: string; leads: number; arm?: Arm }>;
  /** With an experiment: the routed leads of each arm; `leftToCurrent` counts the control leads a keepCurrent control leaves to the CRM (also in `control`). */
  arms?: { candidate: number; control: number; leftToCurrent: number };
  /** crmUser: null when the rules name none for the rep. */
  byRep: Array<{ rep: string; name: string; crmUser: string | null; leads: number }>;
  queues: Array<{ queue: string; leads: number }>;
  /** Capacity periods (ISO weeks of created_at) the leads spanned; weekly caps reset at each. */
  periods: number;
  warnings: string[];
  out: string | null;
}

/** `allot route --rules rules.json --leads file [--out assignments.csv] [--json]` (DESIGN §2.5). */
export async function routeCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args, options: { rules: { type: 'string' }, leads: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.rules || !values.leads) throw new UsageError('route needs --rules <rules.json> and --leads <file>.');
  await checkOutputFile('--out', values.out, 'assignments.csv');
  const config = await readRulesFile(values.rules);
  const source = await readSourceFile(values.leads);
  const raws = await readSources(db, [source]);
  const imported = await mapLeads(db, raws);
  // Not the accepted leads only: a row the import would reject (no id, an outcome nobody
  // declared) is still a lead to route; only lines that cannot be read at all are left out.
  const { rows: leads, rowNumbers, unreadable } = await readRoutableLeads(db, source, raws[0]!, imported.attributes);

  const compiled = compileRules(config);
  const state = createRouterState(compiled);
  const periods = new Set<string>();
  const closings = new ClosingQueue();
  const decisions = leads.map((lead, i) => {
    const createdAt = lead['created_at'];
    const week = isoWeekOf(createdAt);
    // Weeks only move forward: a lead out of date order counts in the week the router is in.
    if (week !== null && (periods.size === 0 || week > String(state.period))) {
      startPeriod(state, week);
      periods.add(week);
    }
    if (typeof createdAt === 'string') closings.closeUpTo(createdAt, (rep) => closeLead(state, rep));
    // A lead without an id is named by its row as the import counts rows (and reports it), not by
    // its place among the rows that could be read.
    const { decision } = route(compiled, lead, state, rowNumbers[i]);
    if (decision.kind === 'assigned' && typeof lead['closed_at'] === 'string') closings.add(lead['closed_at'], decision.repIndex);
    return decision;
  });
  if (values.out) await writeAssignments(values.out, decisions, unreadable, config.experiment !== undefined);

  const columns = new Set<string>([...CANONICAL_FIELDS, ...imported.attributes]);
  const summary = summarize(config, decisions, {
    rules: { file: values.rules, name: config.name },
    leads: { file: values.leads, rows: decisions.length + unreadable.length, decided: decisions.length, unreadable: unreadable.length },
    unreadable,
    periods: periods.size,
    warnings: [
      ...routedAnywayWarnings(imported.report.issues),
      ...unknownFieldWarnings(config, columns, path.basename(values.leads)),
      ...findUnreachableRules(config).map((u) => `${u.path} ("${u.ruleId}") can never decide a lead: ${u.reason}.`),
    ],
    out: values.out ?? null,
  });
  return values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary);
}

/** `2025-W02` for a date or timestamp text, by ISO 8601 weeks (Monday first). */
export function isoWeekOf(value: Lead[string]): string | null {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return null;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * A lead's closed_at, where the file has one, frees its rep's open slot for the leads created
 * after it, so maxOpen and least_loaded see the load a rep really carried. A binary heap keyed
 * on the timestamp text (which orders as time does).
 */
class ClosingQueue {
  private readonly times: string[] = [];
  private readonly reps: number[] = [];

  add(closedAt: string, rep: number): void {
    let i = this.times.push(closedAt) - 1;
    this.reps.push(rep);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.times[parent]! <= this.times[i]!) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  closeUpTo(time: string, close: (rep: number) => void): void {
    while (this.times.length > 0 && this.times[0]! <= time) {
      close(this.reps[0]!);
      this.swap(0, this.times.length - 1);
      this.times.pop();
      this.reps.pop();
      this.siftDown();
    }
  }

  private siftDown(): void {
    const n = this.times.length;
    for (let i = 0; ; ) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let least = i;
      if (l < n && this.times[l]! < this.times[least]!) least = l;
      if (r < n && this.times[r]! < this.times[least]!) least = r;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private swap(a: number, b: number): void {
    [this.times[a], this.times[b]] = [this.times[b]!, this.times[a]!];
    [this.reps[a], this.reps[b]] = [this.reps[b]!, this.reps[a]!];
  }
}

const CSV_HEADER = ['lead_id', 'decision', 'rep', 'crm_user', 'queue', 'rule', 'reason'];

/** One line per decision in file order, then one per unreadable line, so the file accounts for every row. */
async function writeAssignments(file: string, decisions: Decision[], unreadable: readonly UnreadableLine[], withArm: boolean): Promise<void> {
  const handle = await open(file, 'w').catch((error: Error) => {
    throw new UsageError(`${file}: cannot write the assignments (${error.message}).`);
  });
  try {
    // The arm column (experiments only) is what `allot readout --arm-column arm` reads back.
    let chunk = [...CSV_HEADER, ...(withArm ? ['arm'] : [])].join(',') + '\n';
    for (const d of decisions) {
      const routed = d.kind !== 'rejected' && d.kind !== 'duplicate' && d.kind !== 'left_to_current';
      const cells = [d.leadId, d.kind, d.kind === 'assigned' ? d.rep : '', d.kind === 'assigned' ? (d.crmUser ?? '') : '', 'queue' in d ? d.queue : '', routed ? d.ruleId : '', explainDecision(d)];
      if (withArm) cells.push('arm' in d ? (d.arm ?? '') : '');
      chunk += cells.map(csvCell).join(',') + '\n';
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        chunk = '';
      }
    }
    for (const u of unreadable) chunk += ['', 'unreadable', '', '', '', '', `line ${u.line}: ${u.reason}`, ...(withArm ? [''] : [])].map(csvCell).join(',') + '\n';
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

function summarize(config: RuleConfig, decisions: Decision[], rest: Omit<RouteSummary, 'decisions' | 'byRule' | 'byRep' | 'queues' | 'arms'>): RouteSummary {
  const crmUsers = new Map(config.reps.map((r) => [r.id, r.crmUser?.trim() || null]));
  const kinds: RouteSummary['decisions'] = { assigned: 0, queued: 0, unassigned: 0, left_to_current: 0, rejected: 0, duplicate: 0 };
  const control = config.experiment?.control;
  const armRules: Array<{ arm?: Arm; rules: RuleConfig['rules']; fallback: RuleConfig['fallback'] }> = [{ ...(config.experiment ? { arm: 'candidate' as const } : {}), rules: config.rules, fallback: config.fallback }];
  if (control && 'rules' in control) armRules.push({ arm: 'control', rules: control.rules, fallback: control.fallback });
  const key = (arm: Arm | undefined, rule: string) => `${arm ?? ''}\u0000${rule}`;
  const byRule = new Map<string, { rule: string; method: string; leads: number; arm?: Arm }>();
  for (const { arm, rules, fallback } of armRules) {
    for (const r of rules) byRule.set(key(arm, r.id), { rule: r.id, method: r.assign.method, leads: 0, ...(arm ? { arm } : {}) });
    byRule.set(key(arm, 'fallback'), { rule: 'fallback', method: fallback.method, leads: 0, ...(arm ? { arm } : {}) });
  }
  const arms = { candidate: 0, control: 0, leftToCurrent: 0 };
  const byRep = new Map<string, number>(config.reps.map((r) => [r.id, 0]));
  const queues = new Map<string, number>();
  for (const d of decisions) {
    kinds[d.kind] += 1;
    if (d.kind === 'rejected' || d.kind === 'duplicate') continue;
    if (d.arm !== undefined) arms[d.arm] += 1;
    if (d.kind === 'left_to_current') {
      arms.leftToCurrent += 1;
      continue;
    }
    byRule.get(key(d.arm, d.ruleId))!.leads += 1;
    if (d.kind === 'assigned') byRep.set(d.rep, byRep.get(d.rep)! + 1);
    else queues.set(d.queue, (queues.get(d.queue) ?? 0) + 1);
  }
  return {
    rules: rest.rules,
    leads: rest.leads,
    periods: rest.periods,
    decisions: kinds,
    unreadable: rest.unreadable,
    byRule: [...byRule.values()],
    ...(config.experiment ? { arms } : {}),
    byRep: config.reps.map((r) => ({ rep: r.id, name: r.name, crmUser: crmUsers.get(r.id)!, leads: byRep.get(r.id)! })),
    queues: [...queues].map(([queue, leads]) => ({ queue, leads })),
    warnings: rest.warnings,
    out: rest.out,
  };
}

/**
 * Rows the import checks reject are routed all the same; the user hears which, so that a lead
 * routed under `#12` or twice under one id is not a surprise.
 */
const ROUTED_ANYWAY = new Map([
  ['missing_lead_id', 'have no lead id; each is routed and named #<its row> in the assignments'],
  ['duplicate_lead_id', 'repeat the lead id of an earlier row; each is routed as a lead of its own'],
  ['unknown_outcome', 'have an outcome nobody declared; routed all the same, as routing does not need it'],
]);

function routedAnywayWarnings(issues: readonly QualityIssue[]): string[] {
  return issues.flatMap((issue) => {
    const words = ROUTED_ANYWAY.get(issue.code);
    if (words === undefined) return [];
    const rows = issue.examples.flatMap((e) => (e.row === null ? [] : [e.row]));
    const at = rows.length === 0 ? '' : ` (row${rows.length > 1 ? 's' : ''} ${rows.join(', ')}${issue.count > rows.length ? ', …' : ''})`;
    return [`${issue.file}: ${n(issue.count)} row(s)${at} ${words}.`];
  });
}

/** A rule on a field the file does not have never matches: almost always a misspelt or unmapped column. */
function unknownFieldWarnings(config: RuleConfig, columns: Set<string>, leadsFile: string): string[] {
  const named: Array<[string, string]> = [];
  const collect = (c: Condition | undefined, where: string) => {
    if (c === undefined) return;
    if ('all' in c) c.all.forEach((m) => collect(m, where));
    else if ('any' in c) c.any.forEach((m) => collect(m, where));
    else named.push([c.field, where]);
  };
  config.rules.forEach((r, i) => collect(r.when, `rules[${i}]`));
  config.prescreen?.reject?.forEach((c, i) => collect(c, `prescreen.reject[${i}]`));
  config.prescreen?.dedupeOn?.forEach((field, i) => named.push([field, `prescreen.dedupeOn[${i}]`]));
  const warned = new Set<string>();
  return named
    .filter(([field]) => !columns.has(field) && !warned.has(field) && warned.add(field))
    .map(([field, where]) => `${where} names the field "${field}", which is not a column of ${leadsFile}: it is empty for every lead.`);
}

const n = (value: number) => value.toLocaleString('en-US');

/** How many unreadable lines the text summary lists; --json and the assignments file list them all. */
const UNREADABLE_SHOWN = 20;

function formatSummary(s: RouteSummary): string {
  const d = s.decisions;
  const lines = [
    `Routed ${n(s.leads.decided)} leads of ${s.leads.file} with "${s.rules.name}" (${s.rules.file}), over ${n(s.periods)} week(s)`,
    `  ${n(s.leads.rows)} rows in the file: ${n(s.leads.decided)} decided + ${n(s.leads.unreadable)} unreadable`,
    `  decided: assigned ${n(d.assigned)} · queued ${n(d.queued)} · unassigned ${n(d.unassigned)} · ${s.arms ? `left to the current process ${n(d.left_to_current)} · ` : ''}rejected ${n(d.rejected)} · duplicate ${n(d.duplicate)}`,
    ...(s.arms ? [`  experiment arms: candidate ${n(s.arms.candidate)} · control ${n(s.arms.control)}${s.arms.leftToCurrent > 0 ? ` (of which left to the current process ${n(s.arms.leftToCurrent)})` : ''}`] : []),
    '',
    'By rule:',
    ...s.byRule.map((r) => `  ${(r.arm ? `${r.arm}: ${r.rule}` : r.rule).padEnd(24)} ${n(r.leads).padStart(9)}  ${r.method}`),
    '',
    'By rep:',
    ...s.byRep.map((r) => `  ${r.rep.padEnd(10)} ${r.name.padEnd(16)} ${n(r.leads).padStart(9)}  ${r.crmUser ?? '(no CRM user)'}`),
  ];
  if (s.unreadable.length > 0) {
    const more = s.unreadable.length - UNREADABLE_SHOWN;
    lines.push('', 'Unreadable lines (not routed):', ...s.unreadable.slice(0, UNREADABLE_SHOWN).map((u) => `  line ${u.line}: ${u.reason}`));
    if (more > 0) lines.push(`  … and ${n(more)} more${s.out ? ` (all in ${s.out})` : ' (all with --json or --out)'}`);
  }
  if (s.queues.length > 0) lines.push('', 'Queues:', ...s.queues.map((q) => `  ${q.queue.padEnd(24)} ${n(q.leads).padStart(9)}`));
  if (s.warnings.length > 0) lines.push('', 'Warnings:', ...s.warnings.map((w) => `  ${w}`));
  if (s.out) lines.push('', `Assignments written to ${s.out}.`);
  return lines.join('\n');
}
