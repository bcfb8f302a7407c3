import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createLogger, createServer, type Logger, type Plugin, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import type { PageRequest, PageResult } from './browser/page';
import { CACHE_DIR, type LeadsCsv } from './leads-csv';
import type { Log } from './stages';
import { freePort } from '../../test/support/free-port';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PAGE = '/bench/data-load/browser/index.html';
const CACHE_ROUTE = '/__bench-cache/';

export interface ChromiumBench {
  version: string;
  measure(csv: LeadsCsv, repetitions: number, log: Log): Promise<PageResult>;
  close(): Promise<void>;
}

/**
 * Vite's dev server rooted at the repository (with its vite.config.ts) serves the bench page and,
 * through a small middleware, the cached CSVs; headless Chromium opens the page once per size.
 * File watching and HMR are off: other people edit the tree while the bench runs.
 */
export async function startChromiumBench(): Promise<ChromiumBench> {
  const port = await freePort();
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    cacheDir: path.join(CACHE_DIR, 'vite'),
    customLogger: quietLogger(),
    clearScreen: false,
    plugins: [serveCachedCsv()],
    optimizeDeps: { entries: [PAGE.slice(1)] },
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  let browser: Browser | undefined;
  try {
    await server.listen();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    version: browser.version(),
    measure: (csv, repetitions, log) => measureInPage(browser!, base, csv, repetitions, log),
    async close() {
      await browser!.close();
      await server.close();
    },
  };
}

async function measureInPage(browser: Browser, base: string, csv: LeadsCsv, repetitions: number, log: Log): Promise<PageResult> {
  const page = await browser.newPage();
  try {
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) log(message.text().slice(8));
      else if (message.type() === 'error') log(`page error: ${message.text()}`);
    });
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) log(`page request failed: ${response.status()} ${response.url()}`);
    });
    await page.goto(`${base}${PAGE}`);
    await page.waitForFunction(() => typeof window.__runBench === 'function');
    const request: PageRequest = { url: `${CACHE_ROUTE}${csv.name}`, name: csv.name, repetitions };
    return await page.evaluate((r) => window.__runBench(r), request);
  } finally {
    await page.close();
  }
}

/** Vite's warnings, minus one per file of DuckDB-WASM's source map (it points outside its package). */
export function quietLogger(): Logger {
  const logger = createLogger('warn');
  const keep = (message: string) => !message.includes('Sourcemap for ');
  const { warn, warnOnce } = logger;
  logger.warn = (message, options) => keep(message) && warn.call(logger, message, options);
  logger.warnOnce = (message, options) => keep(message) && warnOnce.call(logger, message, options);
  return logger;
}

function serveCachedCsv(): Plugin {
  return {
    name: 'allot-bench-cache',
    configureServer(server: ViteDevServer) {
      server.middlewares.use(CACHE_ROUTE, (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0]!);
        if (!/^[\w.-]+\.csv$/.test(name)) return next();
        const file = path.join(CACHE_DIR, name);
        stat(file).then(
          (s) => {
            res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': s.size, 'Cache-Control': 'no-store' });
            createReadStream(file).pipe(res);
          },
          () => next(),
        );
      });
    },
  };
}
