/**
 * The largest file the browser workbench reads. DuckDB-WASM runs in at most 4 GiB of memory,
 * which must hold the file while it is read, its table and the mapped leads. Measured in Chromium
 * 156 on generated leads: 208 MB loads in 8–11 s, 612 MB in 33 s (4.15 GB peak), and 1,016 MB runs
 * out of memory after ~35 s. Bigger exports go to the command line, whose native DuckDB has no
 * such ceiling.
 */
export const MAX_BROWSER_FILE_BYTES = 600 * 1024 ** 2;

/** The command that checks a file too big for the browser: the CLI's `inspect`. */
export function inspectCommand(file: string): string {
  return `npm run -s allot -- inspect ${shellQuote(file)}`;
}

/**
 * The limit a page is opened with: `MAX_BROWSER_FILE_BYTES`, or less when the URL asks for it
 * with `?maxFileMB=<n>`. A test hook (the e2e tests check the refusal with a 2 MB file and a
 * 1 MB limit instead of writing a 600 MB file); it can only lower the limit, never raise it.
 */
export function maxFileBytesFrom(search: string): number {
  const asked = Number(new URLSearchParams(search).get('maxFileMB'));
  return asked > 0 ? Math.min(MAX_BROWSER_FILE_BYTES, asked * 1024 * 1024) : MAX_BROWSER_FILE_BYTES;
}

function shellQuote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
