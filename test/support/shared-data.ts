import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/** `../shared` beside the repository: real CRM exports we may test against but not copy. */
export const SHARED_DIR = path.resolve(import.meta.dirname, '../../../shared');
export const sharedPath = (...parts: string[]) => path.join(SHARED_DIR, ...parts);

/**
 * A suite that needs `../shared`. A newcomer without it sees the suite skipped, with the reason;
 * under CI (CI=true) a missing `../shared` fails, so CI always runs these tests.
 */
export function describeWithSharedData(name: string, needs: string, body: () => void) {
  const present = existsSync(sharedPath(needs));
  if (present) return describe(name, body);
  if (process.env.CI === 'true') {
    return describe(name, () => {
      it(`needs ${sharedPath(needs)}`, () => {
        throw new Error(`${sharedPath(needs)} is missing: CI must run the tests on the shared CRM exports.`);
      });
    });
  }
  console.warn(`[skipped] "${name}": ${sharedPath(needs)} is not here (it is beside the repository on CI and developer machines).`);
  return describe.skip(name, body);
}
