import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { QualityReport } from '../../src/model/quality';
import { runCli } from '../support/run-cli';
import { describeWithSharedData, sharedPath } from '../support/shared-data';

const maven = (file: string) => sharedPath('data/maven-crm', file);

describeWithSharedData('inspect on the Maven CRM export (pipeline + teams + accounts + products)', 'data/maven-crm', () => {
  const run = runCli(['inspect', ...['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven), '--json']);
  const result = run.code === 0 ? (JSON.parse(run.stdout) as { report: QualityReport; attributes: string[] }) : null;

  it('exits cleanly', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('finds 8,800 opportunities, 30 agents with deals and 3 offices', () => {
    expect(result!.report.summary).toMatchObject({ leads: 8800, owners: 30 });
    expect(result!.report.columns.find((c) => c.column === 'regional_office')).toMatchObject({ distinct: 3 });
    expect(result!.report).toMatchObject({ rowsRead: 8800, accepted: 8800, rejected: 0 });
  });

  it('reports the GTXPro / GTX Pro mismatch as a finding', () => {
    const finding = result!.report.issues.find((i) => i.code === 'unmatched_join_key');
    expect(finding).toMatchObject({ file: 'products.csv', column: 'product', count: 1480 });
    expect(finding!.message).toContain('"GTXPro" (1480; probably "GTX Pro")');
  });

  it('reports the five agents with no deals and the open deals with no date', () => {
    const unused = result!.report.issues.find((i) => i.code === 'unused_join_row' && i.file === 'sales_teams.csv');
    expect(unused).toMatchObject({ count: 5 });
    expect(result!.report.issues.find((i) => i.code === 'missing_created_at')).toMatchObject({ count: 500 });
  });
});

describeWithSharedData('the Maven export through its saved mapping file', 'data/maven-crm', () => {
  it('a mapping with tables and join keys reproduces the joined import, wherever it is run from', () => {
    const run = runCli(['inspect', '--map', 'test/fixtures/maven-crm.mapping.json', '--json'], { cwd: path.resolve(import.meta.dirname, '../..') });
    expect(run.stderr).toBe('');
    const { report, attributes } = JSON.parse(run.stdout) as { report: QualityReport; attributes: string[] };
    expect(report.summary).toMatchObject({ leads: 8800, owners: 30 });
    expect(attributes).toEqual(expect.arrayContaining(['regional_office', 'manager', 'sector', 'sales_price']));
  });

  it('--save-map writes table paths relative to the mapping file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'allot-map-'));
    const saved = path.join(dir, 'maven.json');
    const files = ['sales_pipeline.csv', 'sales_teams.csv'].map((f) => path.relative(process.cwd(), maven(f)));
    expect(runCli(['inspect', ...files, '--save-map', saved]).code).toBe(0);
    const again = runCli(['inspect', '--map', saved, '--json'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).report.summary.leads).toBe(8800);
  });
});
