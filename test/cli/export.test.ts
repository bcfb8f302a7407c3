import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from '../support/run-cli';

const RULES = 'test/export/fixtures/sample.rules.json';

describe('allot export', () => {
  it('writes the Odoo files, lists them and what Odoo cannot express (--json)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'allot-export-'));
    const run = runCli(['export', '--rules', RULES, '--target', 'odoo', '--out', out, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.files).toEqual([path.join(out, 'allot_lead_assignment.xml'), path.join(out, 'README.md')]);
    expect(report.limitations.some((l: { what: string }) => l.what.includes('capacityPerWeek'))).toBe(true);
    expect(readFileSync(path.join(out, 'allot_lead_assignment.xml'), 'utf8')).toContain('model="crm.team.member"');
  });

  it('writes the Chinese build sheet into nested folders it creates', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'allot-export-')), 'a', 'b');
    const run = runCli(['export', '--rules', RULES, '--target', 'build-sheet', '--out', out, '--language', 'zh']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('build-sheet.csv');
    expect(readFileSync(path.join(out, 'build-sheet.csv'), 'utf8')).toContain('按权重分配');
  });

  it('a bad target, invalid rules, an inexpressible rule or an unwritable folder: exit 2, one line', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'allot-export-'));
    expectOneLineError(['export', '--rules', RULES, '--target', 'excel', '--out', out], /unknown target "excel"\. Targets: json, salesforce/);
    const bad = path.join(out, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schema: 'allot.rules/v1', name: 'x', reps: [], rules: [], fallback: { method: 'round_robin', pool: [{ rep: 'ghost' }] } }));
    expectOneLineError(['export', '--rules', bad, '--target', 'json', '--out', out], /bad\.json: fallback\.pool\[0\]\.rep: unknown rep "ghost"/);
    expectOneLineError(['export', '--rules', RULES, '--target', 'frappe', '--frappe-version', 'v15', '--out', out], /frappe cannot express rules\[0\] \(east-starter\): Frappe v15 has no weighted rule/);
    writeFileSync(path.join(out, 'file'), '');
    expectOneLineError(['export', '--rules', RULES, '--target', 'json', '--out', path.join(out, 'file', 'sub')], /--out .*file\/sub: .*file is a file, so no folder can be made under it/);
    expectOneLineError(['export', '--rules', RULES, '--target', 'json'], /export needs --rules/);
  });

  it('--salesforce-queue puts every rule entry of the Salesforce files on that queue', () => {
    const entries = (queueFlag: string[]) => {
      const out = mkdtempSync(path.join(tmpdir(), 'allot-export-'));
      const run = runCli(['export', '--rules', RULES, '--target', 'salesforce', '--out', out, ...queueFlag]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const xml = readFileSync(path.join(out, 'force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml'), 'utf8');
      return [...xml.matchAll(/<ruleEntry>\s*<assignedTo>([^<]*)<\/assignedTo>\s*<assignedToType>([^<]*)<\/assignedToType>/g)].map((m) => `${m[1]} ${m[2]}`);
    };
    // Without the flag the sample's rules assign to reps by username.
    const toUsers = entries([]);
    expect(toUsers.length).toBeGreaterThan(1);
    expect(toUsers.every((e) => e.endsWith(' User'))).toBe(true);
    const toQueue = entries(['--salesforce-queue', 'Inside_Sales']);
    expect(toQueue.length).toBeGreaterThan(0);
    expect(new Set(toQueue)).toEqual(new Set(['Inside_Sales Queue']));
  });

  it('an option value that does not fit: exit 2, one line naming the flag and what it takes', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'allot-export-'));
    expectOneLineError(['export', '--rules', RULES, '--target', 'frappe', '--frappe-version', 'v14', '--out', out], /^allot: --frappe-version must be v16 or v15 \(got "v14"\)\.$/m);
    expectOneLineError(['export', '--rules', RULES, '--target', 'salesforce', '--salesforce-queue', 'Inside Sales', '--out', out], /^allot: --salesforce-queue must be a queue API name: .* \(got "Inside Sales"\)\.$/m);
    expect(readdirSync(out)).toEqual([]);
  });

  it('rules from a roster without CRM users: a CRM target refuses in one line naming the reps; the build sheet says who needs one', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'allot-export-'));
    const rules = JSON.parse(readFileSync(RULES, 'utf8'));
    rules.reps = rules.reps.map(({ crmUser, ...rep }: { id: string; crmUser: string }) => (['r01', 'r02', 'r03'].includes(rep.id) ? rep : { ...rep, crmUser }));
    const file = path.join(out, 'no-users.json');
    writeFileSync(file, JSON.stringify(rules));
    expectOneLineError(['export', '--rules', file, '--target', 'hubspot', '--out', path.join(out, 'hs')], /^allot: .*no-users\.json: cannot export for hubspot: reps: 3 active reps have no CRM user \(username or email\): r01 王芳, r02 李伟, r03 Emily Chen; add a crm_user column to the roster or set them on the Team step$/m);
    expect(readdirSync(out)).toEqual(['no-users.json']);
    expect(runCli(['export', '--rules', file, '--target', 'salesforce', '--salesforce-queue', 'Inside_Sales', '--out', path.join(out, 'sf')]).code).toBe(0);
    const sheet = runCli(['export', '--rules', file, '--target', 'build-sheet', '--out', path.join(out, 'sheet')]);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain('reps: the CRM users of 3 active reps (r01 王芳, r02 李伟, r03 Emily Chen) → named by rep name and id on the sheet');
  });
});
