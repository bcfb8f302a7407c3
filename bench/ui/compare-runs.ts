import type { Browser, Page } from 'playwright-core';
import { openSampleVisit, type DeepQuery } from './served-app';

/** One run on the Compare step: from the user's action until the results are no longer busy, and the main thread's long tasks meanwhile. */
export interface CompareRun {
  /** Action → the results shown again (the step's debounce included for a what-if). */
  latencyMs: number;
  /** Every main-thread task over 50 ms (the Long Tasks API's threshold) during the run, in ms. */
  longTasksMs: number[];
}

export interface CompareRuns {
  whatIfs: CompareRun[];
  full: CompareRun;
}

/**
 * The Compare step on the sample, in a fresh context: waits for the first comparison, then moves
 * the lead-volume what-if `moves` times (each a 40-replication run) and presses "Run full" once
 * (the scenario's 200 replications), observing long tasks on the main thread throughout.
 */
export async function measureCompareRuns(browser: Browser, origin: string, moves: number): Promise<CompareRuns> {
  const { context, page } = await openSampleVisit(browser, origin);
  try {
    await page.locator('allot-step-nav [data-step="compare"]').click();
    await settled(page);
    const whatIfs: CompareRun[] = [];
    const volumes = [1.2, 0.8, 1.5, 1];
    for (let i = 0; i < moves; i++) {
      whatIfs.push(await page.evaluate(runAndWait, { action: 'volume' as const, value: volumes[i % volumes.length]! }));
      await settled(page);
    }
    const full = await page.evaluate(runAndWait, { action: 'full' as const, value: 0 });
    return { whatIfs, full };
  } finally {
    await context.close();
  }
}

async function settled(page: Page): Promise<void> {
  await page.locator('allot-compare-step .results[aria-busy="false"] [data-panel="forecasts"]').waitFor({ timeout: 120_000 });
}

/** Runs in the page: starts the run, resolves once the results are shown again, with the long tasks seen meanwhile. */
function runAndWait({ action, value }: { action: 'volume' | 'full'; value: number }): Promise<{ latencyMs: number; longTasksMs: number[] }> {
  const stepRoot = document.querySelector('allot-app')!.shadowRoot!.querySelector('allot-compare-step')!.shadowRoot!;
  const deep = (globalThis as unknown as { __deep: DeepQuery }).__deep;
  const results = stepRoot.querySelector('.results')!;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(Math.round(e.duration))));
  observer.observe({ type: 'longtask' });
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let wasBusy = false;
    // A run answered from the engine's cache (a volume moved back) is busy for less than a frame:
    // the attribute's changes are watched, not only sampled once a frame.
    const busyWatch = new MutationObserver(() => (wasBusy ||= results.getAttribute('aria-busy') === 'true'));
    busyWatch.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
    const timeout = setTimeout(() => reject(new Error(`${action}: no result within 120 s`)), 120_000);
    const check = () => {
      const busy = results.getAttribute('aria-busy') === 'true';
      wasBusy ||= busy;
      if (!wasBusy || busy) return void requestAnimationFrame(check);
      // One more frame: the new results have been painted when this callback runs.
      requestAnimationFrame(() => {
        clearTimeout(timeout);
        observer.disconnect();
        busyWatch.disconnect();
        resolve({ latencyMs: performance.now() - started, longTasksMs: longTasks });
      });
    };
    if (action === 'full') (deep(stepRoot, 'button[data-action="run-full"]') as HTMLButtonElement).click();
    else {
      const input = deep(stepRoot, 'input[data-control="volume"]') as HTMLInputElement;
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    requestAnimationFrame(check);
  });
}
