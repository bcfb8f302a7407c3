import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../../support/shared-data';

/** Where the Salesforce schema lives: `../shared/schemas/…` beside the repository (see describeWithSharedData). */
export const SALESFORCE_XSD_NEEDS = 'schemas/salesforce-metadata-v47.xsd';
export const SALESFORCE_XSD = sharedPath(SALESFORCE_XSD_NEEDS);

export interface LintResult {
  valid: boolean;
  /** xmllint's complaints (stderr), empty when valid. */
  errors: string;
}

/**
 * `xmllint --noout --schema <xsd> <file>` on a text (Debian's libxml2-utils; CI installs it). A
 * missing xmllint is an error, not a pass: a validator that cannot run has validated nothing.
 */
export function xmllint(content: string, schema = SALESFORCE_XSD, name = 'file.xml'): LintResult {
  const folder = mkdtempSync(path.join(tmpdir(), 'allot-xmllint-'));
  try {
    const file = path.join(folder, path.basename(name));
    writeFileSync(file, content, 'utf8');
    const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint could not run (${run.error.message}); install libxml2-utils`);
    return { valid: run.status === 0, errors: run.status === 0 ? '' : run.stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
