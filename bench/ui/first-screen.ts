import { PAGE_HELPERS, type DeepQuery } from './served-app';
import type { Browser } from 'playwright-core';

export interface FirstScreen {
  /**
   * Navigation start → the Data step shows the sample's report overview: the counts (rows read on
   * screen), the lead summary, the weekly chart and the row-by-row issues. The column profile and
   * the spelling-variant check may still be running then, shown as such (see completeMs).
   */
  usefulMs: number;
  /** Navigation start → the report is complete: column profile filled in, every check done, nothing running. */
  completeMs: number;
  /** Navigation start → the page's load event: HTML, scripts and styles, before any data work. */
  loadEventMs: number;
  rowsRead: string;
  /** When each progress phase of the Data step (`starting`, `fetchingSample`, `reading`, `mapping` …) was first on screen. */
  phases: Record<string, number>;
}

/**
 * One first visit: a fresh browser context (no cache, no IndexedDB, no remembered language), the
 * workbench opened at 1280×800, timed in the page from navigation start (performance.now()'s
 * origin) until the Data step's report shows the rows read, then on until the whole report is in
 * (profile rows, no "still checking" note, no task running). Polled every animation frame, so each
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
        const deep = (globalThis as unknown as { __deep: DeepQuery }).__deep;
        const seen = ((globalThis as unknown as { __phases?: Record<string, number> }).__phases ??= {});
        const phase = deep(document, 'allot-data-step [data-phase]')?.getAttribute('data-phase') ?? deep(document, '[data-phase]')?.getAttribute('data-phase');
        if (phase && seen[phase] === undefined) seen[phase] = performance.now();
        const dd = deep(document, '[data-figure="rowsRead"] dd');
        const text = dd?.textContent?.trim();
        if (!text) return false;
        const state = globalThis as unknown as { __useful?: { at: number; rowsRead: string } };
        state.__useful ??= { at: performance.now(), rowsRead: text };
        // Only the Data step marks phases and checking notes (data-phase, data-checking).
        const profileRows = deep(document, 'allot-column-profile')?.shadowRoot?.querySelector('tbody tr');
        const complete = !phase && !deep(document, '[data-checking]') && profileRows;
        return complete ? { ...state.__useful, completeAt: performance.now(), phases: seen } : false;
      },
      undefined,
      { polling: 'raf', timeout: timeoutMs },
    );
    const { at, completeAt, rowsRead, phases } = (await found.jsonValue()) as { at: number; completeAt: number; rowsRead: string; phases: Record<string, number> };
    const loadEventMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    if (errors.length) throw new Error(`the page failed on first open: ${errors.join('; ')}`);
    return { usefulMs: at, completeMs: completeAt, loadEventMs, rowsRead, phases };
  } finally {
    await context.close();
  }
}
