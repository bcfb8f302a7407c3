/**
 * The bad-input suite: broken, odd and hostile inputs for every input file and flag of the CLI,
 * each with its exact outcome. A refusal exits 2 with one line on stderr naming the file and the
 * row, column or JSON path, and nothing internal; an accepted lead file accounts for every row
 * (rows read = accepted + rejected, repaired ⊆ accepted, each counted with its reason); a route
 * decides or lists every line; exported files hold no live markup. The cases are tables in
 * test/cli/bad-inputs/ (cases-*.ts); each writes its files into a fresh folder and runs the CLI there.
 *
 * The cases run in CLI hosts (bad-inputs/host.ts: a child process that loads the CLI once and runs
 * case after case, replaced whenever a case ends it), several times faster than a process per
 * case; a case marked `isolate` gets a process of its own with a slow reader on its stdout.
 * BAD_INPUTS_ISOLATE=1 runs every case in a process of its own, exactly as a user would.
 * BAD_INPUTS_CONCURRENCY (default 2) sets how many run at once; BAD_INPUTS_ONLY (a regular
 * expression) runs only the cases it matches; BAD_INPUTS_KEEP=1 keeps their folders for a look;
 * BAD_INPUTS_REPORT=file.json writes every case's command, exit, output and failure.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_CASES } from './bad-inputs/cases-flags';
import { LEAD_CASES } from './bad-inputs/cases-leads';
import { MAPPING_CASES } from './bad-inputs/cases-mapping';
import { ROSTER_CASES } from './bad-inputs/cases-roster';
import { RULES_CASES } from './bad-inputs/cases-rules';
import { SCENARIO_CASES } from './bad-inputs/cases-scenario';
import { checkCase } from './bad-inputs/checks';
import { newRunRoot, removeRunRoot, runCases, writeCase, type Case, type RunResult } from './bad-inputs/run';

const GROUPS: Array<[string, Case[]]> = [
  ['lead files', LEAD_CASES],
  ['mapping files', MAPPING_CASES],
  ['scenario files', SCENARIO_CASES],
  ['roster files', ROSTER_CASES],
  ['rule files', RULES_CASES],
  ['command line', FLAG_CASES],
];
const ALL = GROUPS.flatMap(([, cases]) => cases);
const only = process.env.BAD_INPUTS_ONLY ? new RegExp(process.env.BAD_INPUTS_ONLY) : null;
const selected = (c: Case) => !only || only.test(c.name);
const results = new Map<Case, RunResult>();
/** With BAD_INPUTS_REPORT=file.json, every case's command, exit, output and failure, for a person to read. */
const outcomes: Array<Record<string, unknown>> = [];
let root = '';

describe('bad inputs', () => {
  it('the table has at least 80 cases, each named once', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(80);
    const names = ALL.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  beforeAll(async () => {
    root = newRunRoot();
    const cases = ALL.filter(selected);
    const dirs = cases.map((c) => writeCase(root, c));
    const limit = Math.max(1, Number(process.env.BAD_INPUTS_CONCURRENCY) || 2);
    // Slow cases first, so that the pool's tail is short.
    const order = cases.map((_, i) => i).sort((a, b) => (cases[b]!.timeoutMs ?? 0) - (cases[a]!.timeoutMs ?? 0));
    const runs = await runCases(order.map((i) => cases[i]!), order.map((i) => dirs[i]!), limit, process.env.BAD_INPUTS_ISOLATE === '1');
    order.forEach((i, k) => results.set(cases[i]!, runs[k]!));
  }, 20 * 60_000);

  afterAll(() => {
    if (root && !process.env.BAD_INPUTS_KEEP) removeRunRoot(root);
    if (process.env.BAD_INPUTS_REPORT) writeFileSync(process.env.BAD_INPUTS_REPORT, JSON.stringify(outcomes, null, 2));
  });

  for (const [group, cases] of GROUPS) {
    describe(group, () => {
      for (const c of cases) {
        it.skipIf(!selected(c))(c.name, () => {
          const run = results.get(c);
          if (!run) throw new Error(`${c.name}: not run`);
          const outcome = { group, name: c.name, argv: c.argv.join(' '), code: run.code, timedOut: run.timedOut, ms: Math.round(run.ms), stderr: run.stderr.slice(0, 300), stdout: run.stdout.slice(0, 300), failure: null as string | null };
          outcomes.push(outcome);
          try {
            checkCase(c, run);
          } catch (error) {
            outcome.failure = (error as Error).message.split('\n')[0]!;
            throw error;
          }
        });
      }
    });
  }
});
