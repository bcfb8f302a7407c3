import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PAGE_HELPERS, type ServedApp } from '../ui/served-app';
import type { LargeTeamFiles } from './generate';
import { chartSizes, LONG_TASK_RECORDER, longTasks, runStep, stampDrop, watchDataReport, watchFollow, type LongTask, type StepRun, type Watched } from './in-page';
import { measureReadCsv, withTimeout, type ReadCsvRun } from './reference';
import { sampleRendererMemory } from './renderer-memory';

/** One measured phase of the visit, in ms. */
export interface Phase {
  name: string;
  ms: number;
  /** Named moments inside it, ms after its start. */
  marks: Record<string, number>;
  /** The longest main-thread task that ran during the phase (0: none over 50 ms). */
  longestTaskMs: number;
  longTasksMs: number[];
  /** Peak resident memory of the renderer during the phase. */
  peakBytes: number;
  /** After a step's phase: the elements each of its charts has drawn. */
  charts?: Record<string, number>;
  problem: string | null;
}

export interface ChromiumRun {
  phases: Phase[];
  /** Peak over the workbench's phases (the reference page's context excluded). */
  peakBytes: number;
  reference: ReadCsvRun[];
  problems: string[];
  /** Page errors and console errors seen during the visit. */
  pageErrors: string[];
  longTaskSupport: string | null;
}

export interface ChromiumOptions {
  whatIfs: number;
  /** The full comparison's replications (the scenario's; 200 unless shortened while developing). */
  replications: number;
  referenceReps: number;
  /** The longest any single wait may take, in seconds (a run of the full comparison gets twice that). */
  timeoutS: number;
  /**
   * Where to write, for each phase, a CPU profile of the page's main thread (`.cpuprofile`) and a
   * timeline trace (`.trace.json`, with style, layout and paint), both of which Chrome's DevTools
   * opens, to see what a long task was; none when null. Profiling slows the page, so a profiled
   * run's figures are not the bench's.
   */
  profileDir?: string | null;
}

const VOLUMES = [1.2, 0.8, 1.5, 1];

/**
 * A first visit to the workbench in a fresh context, the way a user brings a large team in: the
 * sample's report, then the large leads.csv set on the Data step's file input (as a drop), the
 * saved scenario opened from the header (segments, eligibility, the roster inline), then the
 * Model, Policies and Compare steps in turn, `whatIfs` moves of the lead-volume what-if and one
 * full comparison. A problem (an error shown, a wait out of time, the tab crashing) ends the visit
 * with what was on screen; the phases measured so far are kept.
 */
export async function runInChromium(app: ServedApp, files: LargeTeamFiles, options: ChromiumOptions, log: (line: string) => void): Promise<ChromiumRun> {
  const timeoutMs = options.timeoutS * 1000;
  const memory = sampleRendererMemory();
  const phases: Phase[] = [];
  const problems: string[] = [];
  const pageErrors: string[] = [];
  let longTaskSupport: string | null = null;
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    await visit();
  } catch (error) {
    problems.push(`the visit stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await context.close();
  }
  memory.phase('reference');
  let reference: ReadCsvRun[] = [];
  try {
    reference = await measureReadCsv(app.browser, files.leadsCsv, options.referenceReps, log);
  } catch (error) {
    problems.push(`reference read_csv: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const { peaks } = memory.stop();
  for (const phase of phases) phase.peakBytes = peaks[phase.name] ?? 0;
  const peakBytes = Math.max(0, ...Object.entries(peaks).filter(([name]) => name !== 'reference').map(([, bytes]) => bytes));
  return { phases, peakBytes, reference, problems, pageErrors, longTaskSupport };

  async function visit(): Promise<void> {
    await context.addInitScript(PAGE_HELPERS);
    await context.addInitScript(LONG_TASK_RECORDER);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text().slice(0, 300)));
    page.on('crash', () => problems.push('the tab crashed (renderer gone), most likely out of memory'));

    memory.phase('first visit');
    await page.goto(app.origin);
    await page.locator('[data-figure="rowsRead"] dd').waitFor({ timeout: 120_000 });
    await page.locator('allot-data-step .main[aria-busy="false"]:not(.filling)').waitFor({ timeout: 120_000 });
    longTaskSupport = await page.evaluate(() => (globalThis as unknown as { __longTasksError?: string }).__longTasksError ?? null);

    /** Runs one phase; false when it failed and the visit cannot go on. */
    const profiler = options.profileDir ? await context.newCDPSession(page) : null;
    if (profiler) await profiler.send('Profiler.enable');
    const measure = async (name: string, watch: () => Promise<Watched>, limitMs: number): Promise<Watched | null> => {
      memory.phase(name);
      let watched: Watched;
      const profileFile = options.profileDir ? path.join(options.profileDir, name.replace(/[^\w.-]+/g, '-')) : null;
      if (profiler) {
        await profiler.send('Profiler.start');
        await app.browser.startTracing(page, { path: `${profileFile}.trace.json`, categories: ['devtools.timeline'] });
      }
      try {
        watched = await withTimeout(watch(), limitMs + 60_000, name);
        if (profiler) {
          const { profile } = await profiler.send('Profiler.stop');
          await app.browser.stopTracing();
          await writeFile(`${profileFile}.cpuprofile`, JSON.stringify(profile));
          log(`${name}: main-thread profile in ${profileFile}.cpuprofile, timeline trace in ${profileFile}.trace.json`);
        }
      } catch (error) {
        problems.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        await screenshot(page, files, name, log);
        return null;
      }
      const tasks = await page.evaluate(longTasks).catch((): LongTask[] => []);
      // A task that overlaps the phase counts: the action (a click in page.evaluate) runs inside a task that began just before it.
      const during = tasks.filter((t) => t.start + t.ms >= watched.startAt && t.start <= watched.endAt).map((t) => Math.round(t.ms));
      const phase: Phase = {
        name,
        ms: watched.endAt - watched.startAt,
        marks: Object.fromEntries(Object.entries(watched.marks).map(([k, at]) => [k, Math.round(at - watched.startAt)])),
        longestTaskMs: during.length ? Math.max(...during) : 0,
        longTasksMs: during,
        peakBytes: 0,
        problem: watched.problem,
      };
      phases.push(phase);
      log(`${name}: ${(phase.ms / 1000).toFixed(2)} s, longest task ${phase.longestTaskMs} ms${watched.problem ? `; PROBLEM: ${watched.problem}` : ''}`);
      if (watched.problem) {
        problems.push(`${name}: ${watched.problem}`);
        await screenshot(page, files, name, log);
        return null;
      }
      return watched;
    };

    const rowsRead = files.rows.toLocaleString('en-US');
    await page.evaluate(stampDrop);
    const loaded = await measure('load + checks', async () => {
      const watching = page.evaluate(watchDataReport, { rowsRead, timeoutMs });
      await page.locator('[data-testid="file-input"]').setInputFiles(files.leadsCsv);
      return watching;
    }, timeoutMs);
    if (!loaded) return;
    const follow = await measure('scenario follows the data', () => page.evaluate(watchFollow, { timeoutMs }), timeoutMs);
    if (follow) phases.at(-1)!.marks.fromDrop = Math.round(follow.endAt - loaded.startAt);

    memory.phase('open scenario');
    const scenarioFile = await scenarioWith(files, options.replications);
    await page.locator('[data-testid="scenario-input"]').setInputFiles(scenarioFile);
    const opened = await Promise.race([
      page.locator('allot-scenario-bar .name').filter({ hasText: files.scenarioName }).waitFor({ timeout: 30_000 }).then(() => null),
      page.locator('allot-scenario-bar .message.error').waitFor({ timeout: 30_000 }).then(async () => (await page.locator('allot-scenario-bar .message.error').textContent()) ?? 'error'),
    ]).catch((error: unknown) => `not opened within 30 s (${String(error).split('\n')[0]})`);
    if (opened !== null) {
      problems.push(`opening ${path.basename(scenarioFile)}: ${opened}`);
      return;
    }

    const step = async (name: string, run: StepRun) => {
      const watched = await measure(name, () => page.evaluate(runStep, run), run.timeoutMs);
      const tag = run.kind === 'open' ? `allot-${run.step}-step` : 'allot-compare-step';
      if (watched) phases.at(-1)!.charts = await page.evaluate(chartSizes, tag).catch(() => ({}));
      return watched;
    };
    if (!(await step('Model step: estimates', { kind: 'open', step: 'model', timeoutMs }))) return;
    if (!(await step('Policies step: optimized plan', { kind: 'open', step: 'policies', timeoutMs }))) return;
    if (!(await step('Compare step opened: first what-if (40 replications)', { kind: 'open', step: 'compare', timeoutMs }))) return;
    for (let i = 0; i < options.whatIfs; i++) {
      const value = VOLUMES[i % VOLUMES.length]!;
      if (!(await step(`what-if: lead volume × ${value} (40 replications)`, { kind: 'volume', value, timeoutMs }))) return;
    }
    await step(`full comparison (${options.replications} replications)`, { kind: 'full', timeoutMs: 2 * timeoutMs });
  }
}

/** The inline scenario as generated, or a copy with fewer replications (a shortened run). */
async function scenarioWith(files: LargeTeamFiles, replications: number): Promise<string> {
  const json = JSON.parse(await readFile(files.browserScenario, 'utf8')) as { simulation: { replications: number } };
  if (json.simulation.replications === replications) return files.browserScenario;
  const file = path.join(files.dir, `scenario-inline-${replications}.json`);
  await writeFile(file, JSON.stringify({ ...json, simulation: { ...json.simulation, replications } }, null, 2) + '\n');
  return file;
}

async function screenshot(page: Page, files: LargeTeamFiles, phase: string, log: (line: string) => void): Promise<void> {
  const file = path.join(path.dirname(files.dir), `large-team-problem-${phase.replace(/[^\w]+/g, '-').toLowerCase()}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
    log(`screenshot of the problem: ${file}`);
  } catch {
    // A crashed tab has nothing to show.
  }
}
