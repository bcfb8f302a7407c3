import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedLeadsCsv, type LeadsCsv } from '../../data/generator/leads-csv-file';
import type { QualityReport } from '../../src/model/quality';
import { runCli } from '../support/run-cli';

/** About 200 MB of generated leads: the size the issue names as too big to be taken lightly. */
const ROWS = 1_300_000;

describe('a 200 MB export', () => {
  let csv: LeadsCsv;
  beforeAll(async () => {
    csv = await cachedLeadsCsv(ROWS, path.join(tmpdir(), 'allot-test-cache'));
  }, 120_000);

  it('is read whole by the CLI, every row accounted for', () => {
    expect(csv.bytes).toBeGreaterThan(190e6);
    const run = runCli(['inspect', csv.file, '--json']);
    expect(run.stderr).toBe('');
    const { report } = JSON.parse(run.stdout) as { report: QualityReport };
    expect(report.rowsRead).toBe(csv.rows);
    expect(report.accepted + report.rejected).toBe(csv.rows);
    expect(report.summary.leads).toBe(report.accepted);
  }, 180_000);
});
