import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli';
import { close, compareSettled, expectOnlyLocalRequests, openAtStep, raiseFairnessToFour, reportSettled, screenshot, stepLink as step, useWorkbench } from './support/workbench';

/** The policies' rows of the forecast table, once a run has finished. */
function policyRows(page: Page) {
  return page.locator('allot-compare-step table.policies tbody tr');
}

/** Waits until no comparison runs and one is shown. */
/** The last comparison's conversions mean per policy, read from the step (the raw numbers, not the rounded text). */
function conversionMeans(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const app = document.querySelector('allot-app')!;
    const step = app.shadowRoot!.querySelector('allot-compare-step') as unknown as { comparison: { policies: Array<{ name: string; metrics: { conversions: { mean: number } } }> } };
    return Object.fromEntries(step.comparison.policies.map((p) => [p.name, p.metrics.conversions.mean]));
  });
}

/** A rep's simulated load in the rep-load chart: the bar's tooltip starts with "name: N Leads / week". */
async function repLoadTitles(page: Page): Promise<string[]> {
  return page.locator('allot-compare-step [data-chart="rep-load"] svg g[aria-label="bar"] title').allTextContents();
}

describe('the Policies and Compare steps', () => {
  const open = useWorkbench();

  test('the optimized plan, the comparison with intervals, and what-if moves that redraw it', async () => {
    const visit = await openAtStep(open, 'policies');
    const { page } = visit;
    const conversions = page.locator('allot-policies-step [data-figure="conversions"] dd');
    await expect.poll(() => conversions.count(), { timeout: 60_000 }).toBe(1);
    expect(Number(await conversions.textContent())).toBeGreaterThan(10);
    await expect.poll(() => page.locator('allot-policies-step [data-chart="plan-load"] svg g[aria-label="bar"] rect').count()).toBe(15);
    // Every control is labelled: found by the name a screen reader reads.
    expect(await page.getByRole('slider', { name: 'Fairness strength (max–min weight λ)' }).count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: 'Optimized' }).isChecked()).toBe(true);
    await screenshot(page, 'policies');

    // A load band no team can meet is explained in words, not shown as an error code.
    await page.getByRole('checkbox', { name: 'Load band' }).check();
    const min = page.getByRole('spinbutton', { name: 'Min' });
    await min.fill('100');
    await min.press('Enter');
    const infeasible = page.locator('allot-policies-step [data-plan-status="infeasible"]');
    await expect.poll(() => infeasible.count(), { timeout: 30_000 }).toBe(1);
    expect(await infeasible.textContent()).toMatch(/load band minimum/);
    await screenshot(page, 'policies-infeasible');
    await page.getByRole('checkbox', { name: 'Load band' }).uncheck();
    await expect.poll(() => conversions.count(), { timeout: 30_000 }).toBe(1);

    await step(page, 'compare').click();
    await compareSettled(page);
    const names = await policyRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-policy')));
    expect(names).toEqual(['round_robin', 'territory', 'weighted', 'least_loaded', 'as_is', 'optimized']);
    // Each forecast carries its interval: "mean lo … hi".
    expect(await policyRows(page).first().locator('[data-metric="conversions"]').textContent()).toMatch(/^[\d,.]+ [\d,.]+ … [\d,.]+$/);
    expect(await page.getByTestId('run-kind').textContent()).toContain('Quick what-if: 40 replications');
    expect(await page.locator('allot-compare-step [data-panel="notes"] li').first().textContent()).toContain('Scoring: cross-fit');
    for (const chart of ['forecast-conversions', 'paired', 'frontier', 'rep-load', 'first-touch', 'sla', 'lorenz-leads', 'lorenz-value']) {
      // Charts draw in tasks of their own once the results are in.
      await expect.poll(() => page.locator(`allot-compare-step [data-chart="${chart}"] svg`).count(), { message: chart }).toBeGreaterThan(0);
    }
    await screenshot(page, 'compare');
    await screenshot(page, 'compare-full', true);

    // The fairness slider: the frontier's ringed point moves and the numbers change.
    const marked = page.locator('allot-compare-step [data-chart="frontier"]');
    const pointBefore = await marked.getAttribute('data-current');
    const before = await conversionMeans(page);
    await raiseFairnessToFour(page);
    expect(await marked.getAttribute('data-current')).not.toBe(pointBefore);
    const after = await conversionMeans(page);
    expect(after.optimized).not.toBe(before.optimized);
    // Common random numbers: a policy the slider does not touch keeps its numbers exactly.
    expect(after.round_robin).toBe(before.round_robin);

    // A rep away: their simulated load goes to 0 under every policy.
    await page.locator('allot-compare-step [data-control="load-policy"]').selectOption('round_robin');
    await expect.poll(async () => (await repLoadTitles(page)).find((t) => t.startsWith('王芳:'))).toMatch(/^王芳: (?!0 )/);
    await page.locator('allot-compare-step input[data-absent="r01"]').check();
    await expect.poll(() => page.locator('allot-compare-step .results[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(1);
    await compareSettled(page);
    await expect.poll(async () => (await repLoadTitles(page)).find((t) => t.startsWith('王芳'))).toMatch(/^王芳 \(absent\): 0 Leads \/ week/);
    await screenshot(page, 'compare-what-if');

    // In Chinese, the words are the CRM's own (GLOSSARY.md), and the numbers stay.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('allot-compare-step h1').textContent()).toBe('对比');
    expect(await page.locator('allot-compare-step #lorenz-title').textContent()).toBe('公平性：洛伦兹曲线');
    expect(await policyRows(page).count()).toBe(6);
    await screenshot(page, 'compare-zh');
    // The simulator's notes are the engine's own sentences, worded in Chinese too (i18n/engine-zh.ts).
    const notes = page.locator('allot-compare-step [data-panel="notes"]');
    expect(await notes.locator('li').first().textContent()).toContain('交叉拟合');
    expect(await notes.textContent()).not.toMatch(/Scoring|Arrivals|First touch/);
    await notes.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-notes-zh');
    await step(page, 'policies').click();
    await expect.poll(() => page.locator('allot-policies-step h1').textContent()).toBe('分配策略');
    await screenshot(page, 'policies-zh');

    // An infeasible plan is explained in Chinese, with the numbers.
    await page.getByRole('checkbox', { name: '负载区间' }).check();
    const zhMin = page.getByRole('spinbutton', { name: '下限' });
    await zhMin.fill('100');
    await zhMin.press('Enter');
    await expect.poll(() => infeasible.count(), { timeout: 30_000 }).toBe(1);
    const reasons = await infeasible.locator('li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/负载区间下限.*100%.*[\d,.]+ 条/);
    expect(reasons.join(' ')).not.toMatch(/load band|leads\/week/);
    await screenshot(page, 'policies-infeasible-zh');
    await page.getByRole('checkbox', { name: '负载区间' }).uncheck();
    await expect.poll(() => conversions.count(), { timeout: 30_000 }).toBe(1);

    expectOnlyLocalRequests(visit);
    await close(visit);
  }, 300_000);

  test('no harmful plan passes quietly: the floor’s cost, the plan’s warnings in Policies, Export and Compare, the leads sent to the fallback or a queue', async () => {
    const visit = await openAtStep(open, 'policies');
    const { page } = visit;
    const policies = page.locator('allot-policies-step');
    const conversions = policies.locator('[data-figure="conversions"] dd');
    await expect.poll(() => conversions.count(), { timeout: 60_000 }).toBe(1);
    // The sample's plan gives every rep some leads: the floor lifts James Wu, and says what that
    // costs once the plan is solved again without it (after the plan is on screen).
    const floorCost = policies.getByTestId('floor-cost');
    await expect.poll(() => floorCost.getAttribute('aria-busy'), { timeout: 30_000 }).toBeNull();
    expect(await floorCost.textContent()).toMatch(/^Giving every active rep at least 20% of capacity costs \d+(\.\d+)? expected conversions\/week, \d+(\.\d+)? over 13 weeks; without it r15 James Wu would get no leads\.$/);
    const warnings = policies.getByTestId('plan-warnings');
    expect(await warnings.count()).toBe(0);
    const headroom = page.getByRole('spinbutton', { name: 'Headroom' });
    const floor = page.getByRole('spinbutton', { name: 'Floor for every rep' });
    expect(await headroom.inputValue()).toBe('5');
    expect(await floor.inputValue()).toBe('20');
    // More than half the capacity held back is refused at the field, not sent to the engine.
    await headroom.fill('60');
    await headroom.press('Enter');
    expect(await headroom.getAttribute('aria-invalid')).toBe('true');
    await headroom.fill('5');
    await headroom.press('Enter');
    expect(await headroom.getAttribute('aria-invalid')).toBe('false');

    // The floor off: the plan converts a little more, leaves James Wu with nothing, and says so.
    const withFloor = Number(await conversions.textContent());
    await floor.fill('0');
    await floor.press('Enter');
    await expect.poll(() => floorCost.textContent(), { timeout: 30_000 }).toBe('No floor for every rep: the plan may leave an active rep without any leads.');
    const idle = 'An active rep who can take leads gets none: r15 James Wu';
    expect(await warnings.locator('li').allTextContents()).toEqual([idle]);
    expect(await warnings.getAttribute('role')).toBe('status');
    expect(Number(await conversions.textContent())).toBeGreaterThan(withFloor);
    await screenshot(page, 'policies-floor-off');

    // Exporting that plan shows the same warning above the files; a baseline has none.
    await step(page, 'export').click();
    const exportStatus = page.locator('allot-export-step [data-testid="export-status"]');
    await expect.poll(() => exportStatus.textContent(), { timeout: 60_000 }).toMatch(/^Optimized: \d+ rules, 2 files\.$/);
    const exportWarnings = page.locator('allot-export-step [data-testid="plan-warnings"]');
    expect(await exportWarnings.locator('li').allTextContents()).toEqual([idle]);
    const warningBox = (await exportWarnings.boundingBox())!;
    expect(warningBox.y + warningBox.height).toBeLessThanOrEqual((await page.locator('allot-export-step allot-file-preview').boundingBox())!.y);
    await screenshot(page, 'export-plan-warnings');
    await page.locator('allot-export-step #export-policy').selectOption('round_robin');
    await expect.poll(() => exportStatus.textContent(), { timeout: 30_000 }).toMatch(/^Round robin: /);
    expect(await exportWarnings.count()).toBe(0);

    // Compare: the warning by the verdicts, and per policy the leads its rules could not place, in percent.
    await step(page, 'compare').click();
    await compareSettled(page);
    const compareWarnings = page.locator('allot-compare-step [data-testid="plan-warnings"]');
    expect(await compareWarnings.locator('li').allTextContents()).toEqual([idle]);
    expect(await page.locator('allot-compare-step thead th[data-metric="routed-aside"]').textContent()).toBe('To fallback / queued');
    const aside = policyRows(page).locator('td[data-metric="routed-aside"]');
    const shares = await aside.allTextContents();
    expect(shares).toHaveLength(6);
    for (const share of shares) expect(share).toMatch(/^\d+(\.\d)?% \/ \d+(\.\d)?%$/);
    // Round robin is its fallback alone: nothing reaches a fallback it does not have.
    expect(await page.locator('allot-compare-step tr[data-policy="round_robin"] [data-part="fallback"]').textContent()).toBe('0%');
    await screenshot(page, 'compare-plan-warnings');
    // Kept without the floor, to see it beside the plan with the floor below.
    await page.getByRole('button', { name: 'Keep for comparison' }).click();
    await expect.poll(() => page.locator('allot-scenarios-side-by-side li[data-kept]').count()).toBeGreaterThan(0);

    // In Chinese: the column, the warning and the floor's cost in the CRM's words, and no English.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('allot-compare-step h1').textContent()).toBe('对比');
    expect(await page.locator('allot-compare-step thead th[data-metric="routed-aside"]').textContent()).toBe('落入兜底 / 待人工分配');
    expect(await compareWarnings.locator('li').allTextContents()).toEqual(['1 位可以承接线索的在岗销售分不到任何线索：r15 James Wu。']);
    expect((await compareWarnings.textContent())!.replace('r15 James Wu', '')).not.toMatch(/[A-Za-z]/);
    await screenshot(page, 'compare-plan-warnings-zh');
    await step(page, 'policies').click();
    await expect.poll(() => policies.locator('h1').textContent()).toBe('分配策略');
    await expect.poll(() => floorCost.textContent(), { timeout: 30_000 }).toBe('未设每人保底：方案可能让在岗销售分不到任何线索。');
    const zhFloor = page.getByRole('spinbutton', { name: '每人保底' });
    await zhFloor.fill('20');
    await zhFloor.press('Enter');
    await expect.poll(() => floorCost.textContent(), { timeout: 30_000 }).toMatch(/^让每位在岗销售都至少分到容量的 20%：每周预计少成交 \d+(\.\d+)? 单，13 周共少 \d+(\.\d+)? 单；不设保底时，1 位销售分不到任何线索：r15 James Wu。$/);
    await expect.poll(() => warnings.count()).toBe(0);
    const controls = await page.locator('allot-optimizer-controls').evaluate((el) => el.shadowRoot!.textContent);
    expect(controls).toContain('容量余量');
    expect(controls).toContain('设为 0 即不保底');
    expect(controls).not.toMatch(/Headroom|Floor for every rep|capacity|fallback/);
    await screenshot(page, 'policies-floor-zh');
    // Side by side, the floor is what tells the kept scenario from the current one.
    await step(page, 'compare').click();
    await compareSettled(page);
    const settings = page.locator('allot-scenarios-side-by-side table[data-table="kept-settings"]');
    await expect.poll(() => settings.locator('td[data-setting="repFloor"]').allTextContents(), { timeout: 60_000 }).toEqual(['20%', '关闭']);
    // The frontier says what the floor costs too, beside the cost of fairness.
    expect(await page.locator('allot-compare-step [data-testid="frontier-floor-cost"]').textContent()).toMatch(/^让每位在岗销售都至少分到容量的 20%：每周预计少成交/);
    expect(await settings.locator('thead').textContent()).toContain('每人保底');
    expect(await settings.locator('td[data-setting="headroom"]').count()).toBe(0);
    await settings.scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-kept-floor-zh');

    expectOnlyLocalRequests(visit);
    await close(visit);
  }, 300_000);

  test('the browser gives the CLI’s numbers for the same scenario and seed', async () => {
    const cli = runCli(['simulate', '--scenario', 'data/sample/scenario.json', '--replications', '20', '--seed', '7', '--json']);
    expect(cli.stderr).toBe('');
    const expected = Object.fromEntries((JSON.parse(cli.stdout) as { policies: Array<{ name: string; metrics: { conversions: { mean: number } } }> }).policies.map((p) => [p.name, p.metrics.conversions.mean]));

    const visit = await open();
    const { page } = visit;
    await reportSettled(page);
    const scenario = { ...JSON.parse(readFileSync('data/sample/scenario.json', 'utf8')), simulation: { weeks: 13, replications: 20, seed: 7, volumeMultiplier: 1, slaHours: 48, reclaimAfterHours: 168 } };
    await page.getByTestId('scenario-input').setInputFiles({ name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
    await step(page, 'compare').click();
    await compareSettled(page);
    await page.getByRole('button', { name: 'Run full comparison (20 replications)' }).click();
    await expect.poll(() => page.getByTestId('run-kind').textContent(), { timeout: 120_000 }).toContain('Full comparison: 20 replications');
    await compareSettled(page);
    const browser = await conversionMeans(page);
    expect(Object.keys(browser)).toEqual(Object.keys(expected));
    for (const [name, mean] of Object.entries(expected)) expect(Math.abs(browser[name]! - mean) / Math.abs(mean), name).toBeLessThan(1e-9);
    await close(visit);
  }, 300_000);
});
