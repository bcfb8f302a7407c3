/**
 * What runs inside the workbench page. Each exported function is handed to `page.evaluate`, so
 * it is self-contained: it reaches the page only through `__deep` (PAGE_HELPERS) and the long
 * task list that LONG_TASK_RECORDER keeps. Every wait polls once per animation frame, resolves one
 * frame after the awaited state (so the figure includes the paint), and gives up after its
 * timeout with what was on screen instead of hanging.
 */
import type { DeepQuery } from '../ui/served-app';

/** Installed before the app's scripts: every main-thread task over 50 ms, with its start (performance.now()). */
export const LONG_TASK_RECORDER = {
  content: `globalThis.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch (error) {
  globalThis.__longTasksError = String(error);
}`,
};

export interface LongTask {
  start: number;
  ms: number;
}

/** One awaited state, in the page's clock (ms since navigation). */
export interface Watched {
  startAt: number;
  endAt: number;
  /** Null when the state was reached; else what went wrong, with the screen's words. */
  problem: string | null;
  /** Named moments on the way (first seen), e.g. a Data step phase or the first replication done. */
  marks: Record<string, number>;
}

export type StepRun =
  | { kind: 'open'; step: 'model' | 'policies' | 'compare'; timeoutMs: number }
  | { kind: 'volume'; value: number; timeoutMs: number }
  | { kind: 'full'; timeoutMs: number };

type Globals = { __deep: DeepQuery; __dropAt?: number; __readinessBefore?: string | null; __longTasks: LongTask[] };

/**
 * Stamps the moment the Data step's file input changes: the drop the load is timed from. Keeps
 * what the readiness panel said before (the sample's), so that the new one can be told apart.
 */
export function stampDrop(): void {
  const g = globalThis as unknown as Globals;
  delete g.__dropAt;
  g.__readinessBefore = g.__deep(document, '[data-testid="data-readiness"]')?.textContent ?? null;
  const input = g.__deep(document, '[data-testid="file-input"]');
  if (!input) throw new Error('the Data step has no [data-testid="file-input"]');
  input.addEventListener('change', () => (g.__dropAt ??= performance.now()), { capture: true, once: true });
}

/**
 * From the drop until the Data step shows the complete report of the dropped file (`rowsRead` as
 * formatted on screen, the column profile filled in, nothing still checking or running). Marks:
 * `overview` (the counts on screen) and each load phase (`reading`, `mapping`, `checking` …).
 */
export function watchDataReport({ rowsRead, timeoutMs }: { rowsRead: string; timeoutMs: number }): Promise<Watched> {
  const g = globalThis as unknown as Globals;
  const step = () => document.querySelector('allot-app')?.shadowRoot?.querySelector('allot-data-step')?.shadowRoot ?? null;
  const marks: Record<string, number> = {};
  const begun = performance.now();
  return new Promise((resolve) => {
    const finish = (problem: string | null) => {
      const root = step();
      const screen = problem ? ` On screen: ${(root?.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' ').trim() || '(no status)'}` : '';
      resolve({ startAt: g.__dropAt ?? begun, endAt: performance.now(), problem: problem && problem + screen, marks });
    };
    const check = () => {
      const root = step();
      if (!root) return void requestAnimationFrame(check);
      const now = performance.now();
      const phase = root.querySelector('[data-phase]')?.getAttribute('data-phase');
      if (phase && g.__dropAt !== undefined) marks[phase] ??= now;
      const alert = root.querySelector('[role="alert"]');
      if (alert && g.__dropAt !== undefined) return finish(`the Data step shows an error: ${alert.textContent!.replace(/\s+/g, ' ').trim()}`);
      if (now - begun > timeoutMs) return finish(`no complete report within ${Math.round(timeoutMs / 1000)} s`);
      const shown = g.__deep(root, '[data-figure="rowsRead"] dd')?.textContent?.trim();
      if (shown !== rowsRead) return void requestAnimationFrame(check);
      marks.overview ??= now;
      const main = root.querySelector('.main');
      const profileRows = g.__deep(root, 'allot-column-profile')?.shadowRoot?.querySelector('tbody tr');
      const complete = main?.getAttribute('aria-busy') === 'false' && !main.classList.contains('filling') && !root.querySelector('[data-checking]') && !phase && profileRows;
      if (!complete) return void requestAnimationFrame(check);
      requestAnimationFrame(() => finish(null));
    };
    requestAnimationFrame(check);
  });
}

/**
 * After a load: until the shell has made the scenario follow the data (its notes shown: mark
 * `followed`) and the Data step says what the new data supports (a readiness panel other than the
 * one before the drop).
 */
export function watchFollow({ timeoutMs }: { timeoutMs: number }): Promise<Watched> {
  const g = globalThis as unknown as Globals;
  const startAt = performance.now();
  const marks: Record<string, number> = {};
  return new Promise((resolve) => {
    const check = () => {
      const root = document.querySelector('allot-app')?.shadowRoot?.querySelector('allot-data-step')?.shadowRoot;
      if (root?.querySelector('[data-testid="follow-notes"]')) marks.followed ??= performance.now();
      const readiness = root?.querySelector('[data-testid="data-readiness"]');
      if (marks.followed !== undefined && readiness && readiness.textContent !== g.__readinessBefore) return void resolve({ startAt, endAt: performance.now(), problem: null, marks });
      if (performance.now() - startAt > timeoutMs) {
        const team = g.__deep(document, 'allot-team-step [data-testid="run-error"]')?.textContent;
        return void resolve({ startAt, endAt: performance.now(), problem: `the Data step never said what the new data supports (the scenario following the data: proposal, inferred roster, readiness) within ${Math.round(timeoutMs / 1000)} s${team ? `; ${team}` : ''}`, marks });
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * One step's work from the user's action to its result painted: opening the Model step (its
 * estimates, every chart drawn), the Policies step (the optimized plan drawn), the Compare step
 * (its first what-if shown); or, on Compare, a move of the lead-volume what-if or "Run full".
 * Marks: `computed` (the engine's answer is in; what follows is drawing it), and on Compare `busy`
 * (the run started) and `simulating` (the first replication done: before it, the run prepares —
 * estimates, plans, the simulated world).
 */
export function runStep(run: StepRun): Promise<Watched> {
  const g = globalThis as unknown as Globals;
  const tag = run.kind === 'open' ? `allot-${run.step}-step` : 'allot-compare-step';
  const stepRoot = () => document.querySelector('allot-app')?.shadowRoot?.querySelector(tag)?.shadowRoot ?? null;
  const drawn = (root: ParentNode) => {
    const charts = [...root.querySelectorAll('allot-chart')];
    return charts.length > 0 && charts.every((c) => c.shadowRoot?.querySelector('figure')?.firstElementChild);
  };
  const marks: Record<string, number> = {};
  let wasBusy = false;
  /** Null while waiting; else true (done) or the problem seen. */
  const state = (root: ShadowRoot): true | string | null => {
    const error = root.querySelector('[data-testid="run-error"]');
    if (error) return `the step shows an error: ${error.textContent!.replace(/\s+/g, ' ').trim()}`;
    if (tag === 'allot-model-step') {
      // The charts' section is there as soon as the estimates are; drawing them comes after.
      if (root.querySelector('[data-chart="heatmap"]')) marks.computed ??= performance.now();
      const busy = !!root.querySelector('.status .spinner');
      return !busy && root.querySelector('[data-chart="heatmap"]') && drawn(root) ? true : null;
    }
    if (tag === 'allot-policies-step') {
      const panel = root.querySelector('[data-panel="plan"]');
      if (!panel || panel.getAttribute('aria-busy') !== 'false') return null;
      if (panel.querySelector('.figures, [data-plan-status]')) marks.computed ??= performance.now();
      const status = panel.querySelector('[data-plan-status]');
      if (status) return `the plan is ${status.getAttribute('data-plan-status')}: ${status.textContent!.replace(/\s+/g, ' ').trim()}`;
      return panel.querySelector('allot-chart[data-chart="plan-load"]') && drawn(panel) ? true : null;
    }
    const results = root.querySelector('.results');
    const busy = results?.getAttribute('aria-busy') === 'true';
    if (busy) marks.busy ??= performance.now();
    const progress = root.querySelector('progress');
    if (progress && Number(progress.value) > 0) marks.simulating ??= performance.now();
    wasBusy ||= busy;
    // Opening the step mounts it: nothing is shown before its first run, so no busy spell is needed.
    if (busy || (run.kind !== 'open' && !wasBusy)) return null;
    if (marks.busy !== undefined) marks.computed ??= performance.now();
    return results?.querySelector('[data-panel="forecasts"]') ? true : null;
  };
  const screen = (root: ShadowRoot | null) => {
    const status = root?.querySelector('[role="status"], .status')?.textContent?.replace(/\s+/g, ' ').trim();
    return status ? ` On screen: ${status}` : '';
  };
  return new Promise((resolve) => {
    const startAt = performance.now();
    const finish = (problem: string | null) => resolve({ startAt, endAt: performance.now(), problem, marks });
    const check = () => {
      const root = stepRoot();
      const seen = root ? state(root) : null;
      if (seen === true) return void requestAnimationFrame(() => finish(null));
      if (typeof seen === 'string') return finish(seen + screen(root));
      if (performance.now() - startAt > run.timeoutMs) return finish(`not done within ${Math.round(run.timeoutMs / 1000)} s.${screen(root)}`);
      requestAnimationFrame(check);
    };
    if (run.kind === 'open') {
      const link = g.__deep(document, `[data-step="${run.step}"]`) as HTMLElement | null;
      if (!link) return finish(`the step navigation has no [data-step="${run.step}"]`);
      link.click();
    } else {
      const root = stepRoot()!;
      if (run.kind === 'full') (g.__deep(root, 'button[data-action="run-full"]') as HTMLButtonElement).click();
      else {
        const input = g.__deep(root, 'input[data-control="volume"]') as HTMLInputElement;
        input.value = String(run.value);
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
    }
    requestAnimationFrame(check);
  });
}

/** The number of elements each chart of a step has drawn, by its `data-chart` (or its section's). */
export function chartSizes(tag: string): Record<string, number> {
  const root = document.querySelector('allot-app')?.shadowRoot?.querySelector(tag)?.shadowRoot;
  const sizes: Record<string, number> = {};
  for (const chart of root?.querySelectorAll('allot-chart') ?? []) {
    const key = chart.getAttribute('data-chart') ?? chart.closest('[data-chart]')?.getAttribute('data-chart') ?? chart.closest('section')?.getAttribute('aria-labelledby') ?? 'chart';
    sizes[key] = (sizes[key] ?? 0) + (chart.shadowRoot?.querySelectorAll('*').length ?? 0);
  }
  return sizes;
}

/** The long tasks recorded so far (the recorder's list, copied out). */
export function longTasks(): LongTask[] {
  return (globalThis as unknown as Globals).__longTasks ?? [];
}
