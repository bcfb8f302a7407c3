import { PAGE_HELPERS } from './served-app';
import type { Browser } from 'playwright-core';

export interface FirstScreen {
  /** Navigation start → the Data step shows the sample's loaded report (rows read on screen). */
  usefulMs: number;
  /** Navigation start → the page's load event: HTML, scripts and styles, before any data work. */
  loadEventMs: number;
  rowsRead: string;
  /** When each progress phase of the Data step (`starting`, `fetchingSample`, `reading`, `mapping` …) was first on screen. */
  phases: Record<string, number>;
}

/**
 * One first visit: a fresh browser context (no cache, no IndexedDB, no remembered language), the
 * workbench opened at 1280×800, timed in the page from navigation start (performance.now()'s
 * origin) until the Data step's report shows the rows read. Polled every animation frame, so the
 * figure is the first frame the user could see it in.
 */
export async function measureFirstScreen(browser: Browser, origin: string, timeoutMs = 60_000): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    await context.addInitScript(PAGE_HELPERS);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(origin, { waitUntil: 'commit' });
    const found = await page.waitForFunction(
      () => {
        const deep = (node: ParentNode, selector: string): Element | null => {
          const hit = node.querySelector(selector);
          if (hit) return hit;
          for (const el of node.querySelectorAll('*')) {
            const inner = el.shadowRoot ? deep(el.shadowRoot, selector) : null;
            if (inner) return inner;
          }
          return null;
        };
        const seen = ((globalThis as unknown as { __phases?: Record<string, number> }).__phases ??= {});
        const phase = deep(document, 'allot-data-step [data-phase]')?.getAttribute('data-phase') ?? deep(document, '[data-phase]')?.getAttribute('data-phase');
        if (phase && seen[phase] === undefined) seen[phase] = performance.now();
        const dd = deep(document, '[data-figure="rowsRead"] dd');
        const text = dd?.textContent?.trim();
        return text ? { at: performance.now(), rowsRead: text, phases: seen } : false;
      },
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    );
    const { at, rowsRead, phases } = (await found.jsonValue()) as { at: number; rowsRead: string; phases: Record<string, number> };
    const loadEventMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    if (errors.length) throw new Error(`the page failed on first open: ${errors.join('; ')}`);
    return { usefulMs: at, loadEventMs, rowsRead, phases };
  } finally {
    await context.close();
  }
}
