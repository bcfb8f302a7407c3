/**
 * The command line itself: unknown commands and flags (with the one meant), missing values, values
 * out of range, and output paths that cannot be written, all checked before any work is done so
 * that nothing is half-written.
 */
import { expect } from 'vitest';
import { both, DIR, meant, type Case, type RunResult } from './run';
import { exists } from './cases-leads';
import { json, LEADS, leadsCsv, rules, scenario } from './fixtures';

const SCENARIO_FILES = { 'leads.csv': LEADS, 's.json': json(scenario()) };
const RULE_FILES = { 'leads.csv': leadsCsv(12), 'r.json': json(rules()) };

function flag(name: string, files: Record<string, string | typeof DIR>, argv: string[], line: RegExp, after?: (run: RunResult) => void): Case {
  return { name: `flags: ${name}`, files, argv, expect: after ? { refuse: line, after } : { refuse: line } };
}
const simulate = (...extra: string[]) => ['simulate', '--scenario', 's.json', '--json', ...extra];
const readout = (...extra: string[]) => ['readout', '--scenario', 's.json', 'leads.csv', ...extra];
const exportJson = (...extra: string[]) => ['export', '--rules', 'r.json', '--target', 'json', '--out', 'out', ...extra];

export const FLAG_CASES: Case[] = [
  flag('an unknown command', {}, ['frobnicate'], /unknown command "frobnicate"/),
  flag('a misspelt command (inspct)', {}, ['inspct', 'leads.csv'], both(/"inspct"/, meant('inspect'))),
  flag('an unknown flag', RULE_FILES, ['inspect', 'leads.csv', '--colour', 'red'], /--colour\b/),
  flag('a misspelt flag (--senario)', SCENARIO_FILES, ['estimate', '--senario', 's.json'], both(/--senario\b/, meant('--scenario'))),
  flag('a flag without its value (--scenario)', SCENARIO_FILES, ['estimate', '--scenario'], /--scenario\b/),
  flag('a flag without its value (--map)', RULE_FILES, ['inspect', 'leads.csv', '--map'], /--map\b/),
  flag('a flag without its value (--out)', RULE_FILES, ['export', '--rules', 'r.json', '--target', 'json', '--out'], /--out\b/),
  flag('a flag followed by another flag instead of its value', RULE_FILES, ['route', '--rules', '--leads', 'leads.csv'], /--rules\b/),
  flag('a value given to a switch (--json=yes)', RULE_FILES, ['inspect', 'leads.csv', '--json=yes'], /--json\b/),
  flag('estimate without --scenario', {}, ['estimate'], /--scenario\b/),
  flag('route without --leads', RULE_FILES, ['route', '--rules', 'r.json'], /--leads\b/),
  flag('--threads 0', SCENARIO_FILES, simulate('--threads', '0'), both(/--threads\b/, /(^|[^\d-])0\b/)),
  flag('--threads -1', SCENARIO_FILES, simulate('--threads', '-1'), both(/--threads\b/, /-1\b/)),
  flag('--threads abc', SCENARIO_FILES, simulate('--threads', 'abc'), both(/--threads\b/, /\babc\b/)),
  // 2,000 replications would be spread over 2,000 worker threads.
  { ...flag('--threads 100000 is refused against a stated limit', SCENARIO_FILES, simulate('--threads', '100000', '--replications', '2000'), both(/--threads\b/, /\b(at most|no more than|maximum|limit|up to)\b[^\d]*\d|≤\s*\d/)), timeoutMs: 30_000 },
  flag('--replications abc', SCENARIO_FILES, simulate('--replications', 'abc'), both(/--replications\b/, /\babc\b/)),
  flag('--replications 0', SCENARIO_FILES, simulate('--replications', '0'), /--replications\b/),
  flag('--seed 1.5', SCENARIO_FILES, simulate('--seed', '1.5'), both(/--seed\b/, /\b1\.5\b/)),
  flag('--target nope', RULE_FILES, ['export', '--rules', 'r.json', '--target', 'nope', '--out', 'out'], both(/"nope"/, /\bsalesforce\b/)),
  flag('a misspelt --target (salesforc)', RULE_FILES, ['export', '--rules', 'r.json', '--target', 'salesforc', '--out', 'out'], both(/"salesforc"/, meant('salesforce'))),
  flag('--language fr', RULE_FILES, ['export', '--rules', 'r.json', '--target', 'build-sheet', '--out', 'out', '--language', 'fr'], both(/--language\b/, /"fr"/)),
  flag('--frappe-version v14', RULE_FILES, ['export', '--rules', 'r.json', '--target', 'frappe', '--out', 'out', '--frappe-version', 'v14'], both(/--frappe-version\b/, /"v14"/)),
  flag('--salesforce-queue with a space', RULE_FILES, ['export', '--rules', 'r.json', '--target', 'salesforce', '--out', 'out', '--salesforce-queue', 'Inside Sales'], both(/--salesforce-queue\b/, /"Inside Sales"/)),
  flag('init --out naming a file that exists, without --force', { 'leads.csv': LEADS, 's.json': '{}\n' }, ['init', 'leads.csv', '--out', 's.json'], both(/--out s\.json/, /--force/)),
  flag('init --out naming an existing folder', { 'leads.csv': LEADS, 'outdir': DIR }, ['init', 'leads.csv', '--out', 'outdir', '--force'], both(/--out\b/, /outdir/, /\b(folder|directory)\b/)),
  flag('init --out in a folder that does not exist', { 'leads.csv': LEADS }, ['init', 'leads.csv', '--out', 'missing/s.json'], both(/--out\b/, /missing/, /\b(does not exist|no such)\b/)),
  flag('optimize --out naming an existing folder', { ...SCENARIO_FILES, outdir: DIR }, ['optimize', '--scenario', 's.json', '--out', 'outdir'], both(/--out\b/, /outdir/, /\b(folder|directory)\b/)),
  flag('optimize --out in a folder that does not exist', SCENARIO_FILES, ['optimize', '--scenario', 's.json', '--out', 'missing/rules.json'], both(/--out\b/, /missing/, /\b(does not exist|no such)\b/)),
  flag('optimize --lp naming a folder is refused before the rules are written', { ...SCENARIO_FILES, lpdir: DIR }, ['optimize', '--scenario', 's.json', '--out', 'rules.json', '--lp', 'lpdir'],
    both(/--lp\b/, /lpdir/, /\b(folder|directory)\b/), (run) => expect(exists(run.dir, 'rules.json'), 'rules.json written before the refusal').toBe(false)),
  flag('route --out naming an existing folder', { ...RULE_FILES, outdir: DIR }, ['route', '--rules', 'r.json', '--leads', 'leads.csv', '--out', 'outdir'], both(/--out\b|outdir/, /outdir/, /\b(folder|directory)\b/)),
  flag('route --out naming a folder is refused before the leads are read', { ...RULE_FILES, 'junk.csv': 'id\n', outdir: DIR }, ['route', '--rules', 'r.json', '--leads', 'junk.csv', '--out', 'outdir'], both(/outdir/, /\b(folder|directory)\b/)),
  flag('route --out in a folder that does not exist', RULE_FILES, ['route', '--rules', 'r.json', '--leads', 'leads.csv', '--out', 'missing/a.csv'], both(/missing/, /\b(does not exist|no such|folder|directory)\b/)),
  flag('export --out naming a file, not a folder', { ...RULE_FILES, 'out.txt': 'x\n' }, ['export', '--rules', 'r.json', '--target', 'build-sheet', '--out', 'out.txt'], both(/--out\b|out\.txt/, /out\.txt/, /\b(file|folder|directory)\b/)),
  flag('inspect --save-map in a folder that does not exist', RULE_FILES, ['inspect', 'leads.csv', '--save-map', 'missing/m.json'], both(/--save-map\b|missing/, /missing/, /\b(does not exist|no such|folder|directory)\b/)),
  flag('inspect --save-map naming an existing folder', { ...RULE_FILES, mapdir: DIR }, ['inspect', 'leads.csv', '--save-map', 'mapdir'], both(/mapdir/, /\b(folder|directory)\b/)),
  flag('simulate --rules naming a folder', { ...SCENARIO_FILES, rulesdir: DIR }, simulate('--rules', 'rulesdir'), both(/rulesdir/, /\b(folder|directory)\b/)),
  flag('readout without the arms', SCENARIO_FILES, readout(), both(/--arm-column\b/, /--share\b/)),
  flag('readout with both an arm column and a share', SCENARIO_FILES, readout('--arm-column', 'arm', '--share', '0.5', '--salt', 'x'), both(/--arm-column\b/, /\bnot both\b/)),
  flag('readout --share 0', SCENARIO_FILES, readout('--share', '0', '--salt', 'x'), both(/--share\b/, /"0"/)),
  flag('readout --window 0', SCENARIO_FILES, readout('--arm-column', 'arm', '--window', '0'), both(/--window\b/, /"0"/)),
  flag('readout --arm-column naming no column', SCENARIO_FILES, readout('--arm-column', 'arm', '--control', 'round_robin'), both(/--arm-column\b/, /"arm"/, /leads\.csv/)),
  flag('readout --control naming a policy the scenario does not compare', SCENARIO_FILES, readout('--arm-column', 'arm'), both(/"as_is"/, /round_robin, weighted, optimized/)),
  flag('readout without the rollout export', SCENARIO_FILES, ['readout', '--scenario', 's.json', '--arm-column', 'arm'], /\bexport\b/),
  flag('route --leads naming a folder', { ...RULE_FILES, leadsdir: DIR }, ['route', '--rules', 'r.json', '--leads', 'leadsdir'], both(/leadsdir/, /\b(folder|directory)\b/)),
  flag('export with a rule file that is a folder', { rulesdir: DIR }, ['export', '--rules', 'rulesdir', '--target', 'json', '--out', 'out'], both(/rulesdir/, /\b(folder|directory)\b/)),
  flag('export --out under a path that is a file', { ...RULE_FILES, 'afile': 'x\n' }, exportJson().map((a) => (a === 'out' ? 'afile/out' : a)), both(/afile/, /\b(file|folder|directory|not a)\b/)),
];
