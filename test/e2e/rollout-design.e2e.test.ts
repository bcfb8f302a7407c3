import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { close, openAtStep, screenshot, stepLink, useWorkbench } from './support/workbench';

const SALT = 'spring-2026';
/** Twelve weeks after rolling the optimized policy out to half the leads by lead-id hash, with the salt the design exported. */
const CSV = rolloutCsv(generateRollout({ seed: 5, weeks: 12, leadsPerWeek: 400, candidateShare: 0.5, gain: 0.3, salt: SALT }), '2026-03-02', ['r01', 'r02', 'r03', 'r04', 'r05']);

const step = (page: Page) => page.locator('allot-rollout-step');
const design = (page: Page) => page.locator('allot-rollout-design');
const exportStep = (page: Page) => page.locator('allot-export-step');
const report = (page: Page) => page.locator('allot-rollout-step allot-rollout-report');

/** Three English words in a row are a sentence left untranslated; names from the data are single words. */
async function expectChineseOnly(locator: Locator) {
  const texts = await locator.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text.replace(/\s+/g, ' ')).not.toMatch(/\b[A-Za-z]{2,}[,.]? [A-Za-z]{2,}[,.]? [A-Za-z]{2,}\b/);
}

/** No number printed as the engine holds it (0.39469…): every figure is formatted. */
async function expectNoRawFloats(locator: Locator) {
  const texts = await locator.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  for (const text of texts) expect(text).not.toMatch(/\d[.,]\d{4,}/);
}

async function designIdle(page: Page) {
  await expect.poll(() => design(page).getByTestId('design-progress').count(), { timeout: 120_000 }).toBe(0);
  expect(await design(page).locator('[data-action="cancel-design"]').count()).toBe(0);
  expect(await design(page).locator('.spinner').count()).toBe(0);
}

async function download(page: Page, action: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), exportStep(page).locator(`[data-action="${action}"]`).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe('designing a rollout, exporting it, and reading it out', () => {
  const open = useWorkbench();

  test('design → export (split in the files) → drop the post-rollout file → readout → monitor, in English and 中文', async () => {
    const visit = await openAtStep(open, 'rollout');
    const { page } = visit;

    // The design: today's practice against the optimized policy, by lead id, half the leads.
    expect(await design(page).locator('#design-control').inputValue()).toBe('as_is');
    expect(await design(page).locator('#design-candidate').inputValue()).toBe('optimized');
    await design(page).locator('[data-control="max-weeks"]').fill('12');
    await design(page).locator('[data-control="salt"]').fill(SALT);

    // A run under way is cancelled by changing the design: no error, no spinner left.
    await design(page).locator('[data-action="simulate-design"]').click();
    await expect.poll(() => design(page).getByTestId('design-progress').count()).toBe(1);
    await design(page).locator('[data-control="share"]').fill('40');
    await designIdle(page);
    expect(await design(page).locator('[role="alert"]').count()).toBe(0);
    expect(await design(page).locator('allot-design-report').count()).toBe(0);
    await design(page).locator('[data-control="share"]').fill('50');

    // Simulated: the replications counted as they run, then the curve and the numbers.
    await design(page).locator('[data-action="simulate-design"]').click();
    await expect.poll(() => design(page).getByTestId('design-progress').textContent(), { timeout: 60_000 }).toMatch(/^Simulating the experiment: [\d,]+ of 200 replications…$/);
    await designIdle(page);
    expect(await design(page).locator('[role="alert"]').count()).toBe(0);
    await expect.poll(() => design(page).locator('[data-chart="power-curve"] svg').count()).toBe(1);
    const weeks = design(page).getByTestId('design-weeks');
    expect(await weeks.textContent()).toMatch(/^(\d+ weeks of enrolment detect the forecast gain with at least 80% power|Not within 12 weeks: the power is [\d.]+% at 12 weeks\.)/);
    expect(await design(page).getByTestId('design-gain').textContent()).toMatch(/^Candidate everywhere against control everywhere: [+−]?\d+\.\d conversions per 100 leads, 90% interval [+−]?\d+\.\d … [+−]?\d+\.\d\.$/);
    expect(await design(page).getByTestId('design-bias').textContent()).toMatch(/^Over 12 weeks the experiment estimates .* bias [+−]?\d+\.\d \(90% interval/);
    expect(await design(page).getByTestId('design-statements').textContent()).toContain('Interference: both arms share the reps');
    await expectNoRawFloats(design(page));
    await design(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'rollout-design');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => design(page).locator('h2').first().textContent()).toBe('设计实验');
    await expectChineseOnly(design(page).locator('h2, .help, .status, .form, allot-design-report'));
    await expectChineseOnly(design(page).locator('allot-design-report allot-chart figure, allot-design-report allot-chart svg'));
    await expectNoRawFloats(design(page));
    await screenshot(page, 'rollout-design-zh');
    await page.getByRole('button', { name: 'English' }).click();

    // Export this experiment: the Export step opens with the split on, and the files carry it.
    await design(page).locator('[data-action="export-experiment"]').click();
    await expect.poll(() => exportStep(page).isVisible()).toBe(true);
    expect(await exportStep(page).locator('[data-control="experiment"]').isChecked()).toBe(true);
    const split = exportStep(page).getByTestId('export-split');
    await expect.poll(() => split.locator('[data-field="salt"]').textContent(), { timeout: 60_000 }).toBe(`Salt: ${SALT}`);
    expect(await split.locator('[data-field="control"]').textContent()).toBe('Control: As is (history)');
    expect(await split.locator('[data-field="share"]').textContent()).toBe('Candidate’s share: 50%');
    await expect.poll(() => exportStep(page).locator('[data-testid="preview"]').textContent(), { timeout: 60_000 }).toContain('"experiment"');
    const rules = await download(page, 'download-rules');
    expect(rules.name).toBe('allot-rules-optimized-experiment.json');
    const config = JSON.parse(rules.text);
    expect(config.schema).toBe('allot.rules/v2');
    expect(config.experiment).toMatchObject({ unit: 'lead', candidateShare: 0.5, salt: SALT, control: { keepCurrent: true } });
    await screenshot(page, 'export-experiment');
    // The reference router carries the same split: its rule file holds the salt.
    await exportStep(page).locator('input[name="export-target"][value="reference-router"]').check();
    await expect.poll(() => exportStep(page).locator('allot-file-preview button[data-file]').count()).toBeGreaterThan(0);
    const files = await exportStep(page).locator('allot-file-preview button[data-file]').evaluateAll((b) => b.map((x) => x.getAttribute('data-file')!));
    let carriesSalt = false;
    for (const file of files) {
      await exportStep(page).locator(`allot-file-preview button[data-file="${file}"]`).click();
      if ((await exportStep(page).locator('[data-testid="preview"]').textContent())?.includes(SALT)) carriesSalt = true;
    }
    expect(carriesSalt).toBe(true);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => split.locator('[data-field="salt"]').textContent()).toBe(`实验盐值：${SALT}`);
    await expectChineseOnly(exportStep(page).locator('[data-testid="export-experiment"], [data-testid="limitations"] .what, [data-testid="limitations"] .instead'));
    await screenshot(page, 'export-experiment-zh');
    await page.getByRole('button', { name: 'English' }).click();

    // The readout's arms default to the exported experiment's: by lead id, its share and salt, not retyped.
    await stepLink(page, 'rollout').click();
    expect(await step(page).locator('input[name="rollout-arms"][value="hash"]').isChecked()).toBe(true);
    expect(await step(page).locator('#rollout-share').inputValue()).toBe('50');
    expect(await step(page).locator('#rollout-salt').inputValue()).toBe(SALT);
    await step(page).locator('allot-rollout-form [data-testid="file-input"]').setInputFiles({ name: 'since-rollout.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect.poll(() => step(page).getByTestId('rollout-file').textContent()).toContain('since-rollout.csv');
    await step(page).locator('[data-action="read-out"]').click();
    await expect.poll(() => step(page).getByTestId('rollout-progress').count(), { timeout: 120_000 }).toBe(0);
    expect(await step(page).locator('allot-rollout-form ~ [role="alert"], [data-testid="run-error"]').count()).toBe(0);
    expect(await report(page).getByTestId('rollout-by').textContent()).toBe(`Arms by the lead ids: 50% to the candidate, salt “${SALT}”.`);
    expect(Number(await report(page).getByTestId('rollout-effect').getAttribute('data-effect'))).toBeGreaterThan(0);
    // The monitor, week by week.
    const weekRows = report(page).locator('[data-testid="rollout-weeks"] tbody tr');
    expect(await weekRows.count()).toBe(12);
    await expectNoRawFloats(report(page));
    await report(page).getByTestId('rollout-monitor').scrollIntoViewIfNeeded();
    await screenshot(page, 'rollout-readout-monitor');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => step(page).locator('h1').textContent()).toBe('上线复盘');
    await expectChineseOnly(page.locator('allot-rollout-report .verdict, allot-rollout-report .panel'));
    await report(page).getByTestId('rollout-monitor').scrollIntoViewIfNeeded();
    await screenshot(page, 'rollout-readout-monitor-zh');

    // One action under the monitor: the history with these weeks added, estimated again on the Model step.
    const rowsBefore = await page.locator('allot-data-step [data-figure="rowsRead"] dd').textContent();
    await step(page).locator('[data-action="reestimate"]').click();
    await expect.poll(() => stepLink(page, 'model').getAttribute('aria-current'), { timeout: 60_000 }).toBe('step');
    const added = CSV.trim().split('\n').length - 1;
    const banner = page.getByTestId('appended-banner');
    await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain(`已加入 ${new Intl.NumberFormat('zh-CN').format(added)} 条创建于`);
    await expectChineseOnly(banner);
    await expect.poll(() => page.locator('allot-model-step [data-chart="heatmap"] svg').count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await screenshot(page, 'rollout-reestimated-zh');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await banner.textContent()).toMatch(new RegExp(`Added ${new Intl.NumberFormat('en-US').format(added)} leads created .*2026 \\(since-rollout\\.csv\\)`));
    await screenshot(page, 'rollout-reestimated');
    // The Data step counts the history with them.
    const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
    await expect.poll(async () => count(await page.locator('allot-data-step [data-figure="rowsRead"] dd').textContent())).toBe(count(rowsBefore) + added);
    await close(visit);
  }, 300_000);

  test('a design the engine fails on is said once, in English and 中文, with a retry, and nothing keeps spinning', async () => {
    const visit = await openAtStep(open, 'rollout', { path: '/?engine-fault=design' });
    const { page } = visit;
    const alerts = design(page).locator('[data-testid="run-error"]');
    await design(page).locator('[data-action="simulate-design"]').click();
    await designIdle(page);
    expect(await alerts.count()).toBe(1);
    expect(await alerts.locator('strong').textContent()).toBe('Could not simulate the design');
    await alerts.getByRole('button', { name: 'Try again' }).click();
    await designIdle(page);
    expect(await alerts.count()).toBe(1);
    expect(await design(page).locator('allot-design-report').count()).toBe(0);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => alerts.locator('strong').textContent()).toBe('无法模拟此实验设计');
    await screenshot(page, 'rollout-design-error-zh');
    await close(visit);
  }, 120_000);
});
