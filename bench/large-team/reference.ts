import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer } from 'vite';
import { quietLogger } from '../data-load/chromium';
import { freePort } from '../../test/support/free-port';
import { CACHE_DIR } from './generate';
import type { ReadCsvRun } from './reference/page';

export type { ReadCsvRun };

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = '/bench/large-team/reference/index.html';

/**
 * DuckDB's bare read_csv of `file` in the same Chromium as the workbench (a context of its own),
 * on a fresh database each time: the page is served by Vite's dev server rooted at the
 * repository (no watching, no HMR: others edit the tree meanwhile). Best of `repetitions`.
 */
export async function measureReadCsv(browser: Browser, file: string, repetitions: number, log: (line: string) => void): Promise<ReadCsvRun[]> {
  const port = await freePort();
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    cacheDir: path.join(CACHE_DIR, 'vite-large-team'),
    customLogger: quietLogger(),
    clearScreen: false,
    optimizeDeps: { entries: [PAGE.slice(1)] },
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`reference page error: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}${PAGE}`, { timeout: 120_000 });
    await page.waitForFunction(() => typeof window.__readCsv === 'function', undefined, { timeout: 120_000 });
    await page.locator('#file').setInputFiles(file);
    const runs: ReadCsvRun[] = [];
    for (let i = 0; i < repetitions; i++) {
      const run = await withTimeout(page.evaluate(() => window.__readCsv()), 300_000, 'the reference read_csv');
      log(`reference ${i + 1}/${repetitions}: file → bytes ${ms(run.fileMs)}, DuckDB start ${ms(run.startupMs)}, read_csv ${ms(run.readCsvMs)} (${run.rows.toLocaleString('en-US')} rows)`);
      runs.push(run);
    }
    return runs;
  } finally {
    await context.close();
    await server.close();
  }
}

export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

