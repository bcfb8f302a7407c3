import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './cli-error';

/**
 * Output paths are checked before any work starts: a minute of estimating must not end in
 * "EISDIR". A file flag must not name a folder and its folder must exist; a folder flag must not
 * name a file (the folder itself is made when missing).
 */
export async function checkOutputFile(flag: string, file: string | undefined, example: string): Promise<void> {
  if (file === undefined) return;
  const here = await stat(file).catch(() => null);
  if (here?.isDirectory()) throw new UsageError(`${flag} ${file}: that is a folder; name a file, e.g. ${path.join(file, example)}.`);
  const folder = await stat(path.dirname(path.resolve(file))).catch(() => null);
  if (!folder?.isDirectory()) throw new UsageError(`${flag} ${file}: the folder ${path.dirname(path.resolve(file))} does not exist.`);
}

export async function checkOutputFolder(flag: string, folder: string): Promise<void> {
  const here = await stat(folder).catch(() => null);
  if (here && !here.isDirectory()) throw new UsageError(`${flag} ${folder}: that is a file; name a folder for the exported files.`);
  // The folder is made when missing, but not under a file: find the nearest part that exists.
  for (let up = path.dirname(path.resolve(folder)); !here; up = path.dirname(up)) {
    const info = await stat(up).catch(() => null);
    if (info && !info.isDirectory()) throw new UsageError(`${flag} ${folder}: ${up} is a file, so no folder can be made under it.`);
    if (info || up === path.dirname(up)) break;
  }
}
