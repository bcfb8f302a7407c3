import { execFileSync } from 'node:child_process';

export interface SourceState {
  commit: string | null;
  /** Files under src/ and data/ that differ from the commit: the bench measured the working tree. */
  modified: string[];
}

/** Which code was measured; read-only git queries. */
export function sourceState(): SourceState {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const modified = git('status', '--porcelain', '--', 'src', 'data').split('\n').filter(Boolean).map((l) => l.slice(3));
    return { commit: git('rev-parse', 'HEAD').trim(), modified };
  } catch {
    return { commit: null, modified: [] };
  }
}
