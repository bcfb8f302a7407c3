import { openSampleVisit, type DeepQuery } from './served-app';
import type { Browser, Page } from 'playwright-core';

export interface SliderMove {
  position: number;
  /** Slider input → every chart of the Policies step replaced by a new drawing, painted (next frame). */
  redrawMs: number;
  /** Slider input → the step starts solving (its debounce, then the engine call is sent). */
  untilSolveMs: number;
}

export type SliderResult = { kind: 'measured'; moves: SliderMove[]; charts: number } | { kind: 'absent'; reason: string };

/**
 * The fairness (max–min weight) slider of the Policies step, moved as a user drags it: the input
 * event on `input[data-control="fairness"]`, then the time until the step is no longer busy and
 * every chart it shows is a new drawing, plus one frame so the figure includes the paint.
 */
export async function measureSlider(browser: Browser, origin: string, moves: number): Promise<SliderResult> {
  const { context, page } = await openSampleVisit(browser, origin);
  try {
    const step = page.locator('allot-step-nav [data-step="policies"]');
    if ((await step.count()) === 0 || (await step.getAttribute('aria-disabled')) === 'true') return { kind: 'absent', reason: 'the Policies step is not enabled in this build' };
    await step.click();
    const slider = page.locator('allot-policies-step input[data-control="fairness"]');
    try {
      await slider.waitFor({ timeout: 30_000 });
    } catch {
      return { kind: 'absent', reason: 'the Policies step has no input[data-control="fairness"] (the max–min weight slider)' };
    }
    await settled(page);
    const max = Number((await slider.getAttribute('max')) ?? '0');
    if (!(max > 0)) return { kind: 'absent', reason: `the fairness slider has no range (max=${max})` };
    // A triangle over the range, so two moves in a row never ask for the same position.
    const cycle = [1, 2, 3, 4, 3, 2, 1, 0].map((q) => Math.round((max * q) / 4));
    const results: SliderMove[] = [];
    for (let i = 0; results.length < moves; i++) {
      const position = cycle[i % cycle.length]!;
      if (position === Number(await slider.inputValue())) continue;
      results.push({ position, ...(await page.evaluate(moveAndWait, position)) });
      await settled(page);
    }
    const charts = await page.evaluate(() => document.querySelector('allot-app')!.shadowRoot!.querySelector('allot-policies-step')!.shadowRoot!.querySelectorAll('allot-chart').length);
    return { kind: 'measured', moves: results, charts };
  } finally {
    await context.close();
  }
}

async function settled(page: Page): Promise<void> {
  await page.locator('allot-policies-step [data-panel="plan"][aria-busy="false"] allot-chart').first().waitFor({ timeout: 60_000 });
}

/** Runs in the page: moves the slider to `position` and resolves once the charts are redrawn and painted. */
function moveAndWait(position: number): Promise<{ redrawMs: number; untilSolveMs: number }> {
  const stepRoot = document.querySelector('allot-app')!.shadowRoot!.querySelector('allot-policies-step')!.shadowRoot!;
  const deep = (globalThis as unknown as { __deep: DeepQuery }).__deep;
  const drawings = () => [...stepRoot.querySelectorAll('allot-chart')].map((c) => c.shadowRoot?.querySelector('figure')?.firstElementChild ?? null);
  const before = new Set(drawings());
  const panel = stepRoot.querySelector('[data-panel="plan"]')!;
  const input = deep(stepRoot, 'input[data-control="fairness"]') as HTMLInputElement;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let solveAt: number | null = null;
    const timeout = setTimeout(() => reject(new Error(`no redraw within 30 s of moving the slider to ${position}`)), 30_000);
    // The busy spell can be shorter than a frame: watch the attribute itself, not each frame.
    const busy = new MutationObserver(() => {
      if (solveAt === null && panel.getAttribute('aria-busy') === 'true') solveAt = performance.now();
    });
    busy.observe(panel, { attributes: true, attributeFilter: ['aria-busy'] });
    const check = () => {
      const current = drawings();
      const redrawn = solveAt !== null && panel.getAttribute('aria-busy') === 'false' && current.length > 0 && current.every((d) => d !== null && !before.has(d));
      if (!redrawn) return void requestAnimationFrame(check);
      // One more frame: the new drawing has been painted when this callback runs.
      requestAnimationFrame(() => {
        clearTimeout(timeout);
        busy.disconnect();
        resolve({ redrawMs: performance.now() - started, untilSolveMs: solveAt! - started });
      });
    };
    input.value = String(position);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    requestAnimationFrame(check);
  });
}
