import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';

export const SCREENSHOTS = 'test-results/screenshots';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** One visit to the workbench, recording every request and anything the page should never do. */
export interface Visit {
  context: BrowserContext;
  page: Page;
  origin: string;
  requests: string[];
  pageErrors: string[];
  dialogs: string[];
}

export interface OpenOptions {
  locale?: string;
  /** Path and query to open, e.g. `/?maxFileMB=1`; `/` by default. */
  path?: string;
  /** Runs in the page before any of its own scripts (to record what the page does). */
  initScript?: () => void;
}

/**
 * One Chromium for the calling test file, started before its tests and closed after them;
 * returns the function that opens the workbench in it.
 */
export function useWorkbench(): (options?: OpenOptions) => Promise<Visit> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return (options) => openWorkbench(browser!, options);
}

export async function openWorkbench(browser: Browser, options: OpenOptions = {}): Promise<Visit> {
  const origin = inject('baseUrl');
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  const visit: Visit = { context, page: await context.newPage(), origin, requests: [], pageErrors: [], dialogs: [] };
  // Context-wide, so requests made by the DuckDB worker are recorded as well as the page's own.
  context.on('request', (request) => visit.requests.push(request.url()));
  visit.page.on('pageerror', (error) => visit.pageErrors.push(error.message));
  visit.page.on('dialog', (dialog) => {
    visit.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  await visit.page.goto(`${origin}${options.path ?? '/'}`);
  return visit;
}

/** Waits until no load or re-map is running and a report is on screen. */
export async function reportSettled(page: Page, timeout = 45_000): Promise<void> {
  await expect.poll(() => page.locator('allot-data-step .main[aria-busy="false"]').count(), { timeout }).toBe(1);
  await page.locator('[data-figure="rowsRead"] dd').waitFor({ timeout });
  // The engine worker sends the overview before the finished report: wait for the report itself.
  await expect.poll(() => page.locator('allot-data-step .main.filling').count(), { timeout }).toBe(0);
}

/** A step's entry in the step navigation. */
export function stepLink(page: Page, id: string): Locator {
  return page.getByRole('navigation').locator(`[data-step="${id}"]`);
}

/** Opens the workbench on the sample, waits for its report, and goes to the step `id`: where each later step's story starts. */
export async function openAtStep(open: (options?: OpenOptions) => Promise<Visit>, id: string, options?: OpenOptions): Promise<Visit> {
  const visit = await open(options);
  await reportSettled(visit.page);
  await stepLink(visit.page, id).click();
  return visit;
}

/** The progress line's current step (`reading`, `mapping`, …), or null when nothing runs. */
export function phase(page: Page): Locator {
  return page.locator('allot-data-step [role="status"] [data-phase]');
}

export function figure(page: Page, key: 'rowsRead' | 'accepted' | 'repaired' | 'rejected'): Locator {
  return page.locator(`[data-figure="${key}"] dd`);
}

export function fieldSelect(page: Page, field: string): Locator {
  return page.locator(`select[data-field="${field}"]`);
}

export function fileInput(page: Page): Locator {
  return page.locator('[data-testid="file-input"]');
}

export function formatCount(n: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Every request went to the preview server (or stayed inside the page, as blob: and data: URLs do). */
export function expectOnlyLocalRequests(visit: Visit): void {
  const leaving = visit.requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== visit.origin);
  expect(leaving).toEqual([]);
  // The recorder must see the worker's fetches too, or the check above proves nothing.
  expect(visit.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

export async function close(visit: Visit): Promise<void> {
  expect(visit.pageErrors).toEqual([]);
  await visit.context.close();
}

/** The Compare step has finished a run and shows its policy table. */
export async function compareSettled(page: Page, timeout = 120_000): Promise<void> {
  await expect.poll(() => page.locator('allot-compare-step .results[aria-busy="false"] table.policies').count(), { timeout }).toBeGreaterThan(0);
}

/** Moves the Compare step's fairness slider by keyboard to λ = 4, sees the re-run start, and waits for it. */
export async function raiseFairnessToFour(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: 'Fairness strength (max–min weight λ)' });
  await slider.focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  expect(await page.locator('allot-compare-step').getByTestId('fairness-value').textContent()).toBe('λ = 4');
  await expect.poll(() => page.locator('allot-compare-step .results[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(1);
  await compareSettled(page);
}
