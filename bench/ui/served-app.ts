import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';
import { freePort } from '../../test/support/free-port';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Its own build folder: others' e2e runs serve dist/ and must not see it rewritten under them. */
const OUT_DIR = path.join(root, 'bench', '.cache', 'ui-dist');

export interface ServedApp {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The workbench as users get it: built by `vite build` from the current tree, served by
 * `vite preview`, opened in headless Chromium.
 */
export async function serveBuiltApp(log: (line: string) => void): Promise<ServedApp> {
  log(`vite build → ${path.relative(root, OUT_DIR)}`);
  const build = spawnSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}${build.stderr}`);
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Installed in every benchmarked page before its scripts run:
 * - `__name`: tsx (esbuild, keepNames) wraps named inner functions of the page functions we pass
 *   to `page.evaluate` in `__name(fn, "name")`, a helper that exists in Node, not in the page;
 * - `__deep`: a querySelector that also looks inside shadow roots, shared by the page functions.
 */
export const PAGE_HELPERS = {
  content: `globalThis.__name = (fn) => fn;
globalThis.__deep = function deep(node, selector) {
  const hit = node.querySelector(selector);
  if (hit) return hit;
  for (const el of node.querySelectorAll('*')) {
    const inner = el.shadowRoot ? deep(el.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
};`,
};

/** In a page with PAGE_HELPERS: the first element matching `selector` under `node`, looking inside shadow roots too. */
export type DeepQuery = (node: ParentNode, selector: string) => Element | null;

/** A first visit in a fresh context with the page helpers, once the Data step shows the sample's report. */
export async function openSampleVisit(browser: Browser, origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await context.addInitScript(PAGE_HELPERS);
  const page = await context.newPage();
  await page.goto(origin);
  await page.locator('[data-figure="rowsRead"] dd').waitFor({ timeout: 60_000 });
  return { context, page };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
