import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { close, expectOnlyLocalRequests, openAtStep, screenshot, stepLink as step, useWorkbench } from './support/workbench';

function capacityOf(page: Page, rep: string) {
  return page.locator(`allot-team-step tr[data-rep="${rep}"] input[data-column="capacity_per_week"]`);
}

/** The drawn decay curve: the path of its line mark. */
function decayLine(page: Page) {
  return page.locator('[data-chart="decay"] svg g[aria-label="line"] path');
}

describe('the Team and Model steps', () => {
  const open = useWorkbench();

  test('the sample team is edited, the model redraws with a new decay curve, and a reload keeps the edits', async () => {
    const visit = await openAtStep(open, 'team');
    const { page } = visit;
    const rows = page.locator('allot-roster-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(15);
    const inactive = await page.locator('allot-roster-table tbody tr.inactive').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rep')));
    expect(inactive).toEqual(['r10', 'r14']);
    expect(await page.locator('allot-roster-table tr[data-rep="r10"] input[data-column="active"]').isChecked()).toBe(false);
    expect(await page.getByTestId('roster-count').textContent()).toBe('15 reps, 13 active');
    expect(await page.locator('allot-team-step .summary').textContent()).toContain('Roster read from roster.csv');

    // Labelled for screen readers, and a bad value is refused with the reason next to it.
    const capacity = page.getByRole('textbox', { name: 'Capacity / week of 王芳' });
    expect(await capacity.inputValue()).toBe('16');
    await capacity.fill('lots');
    await capacity.press('Enter');
    const error = page.locator('allot-roster-table [role="alert"]');
    await expect.poll(() => error.textContent()).toBe('Enter a number, e.g. 12.');
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'team-invalid');
    await capacity.fill('21');
    await capacity.press('Tab');
    await expect.poll(() => error.count()).toBe(0);
    expect(await capacity.getAttribute('aria-invalid')).toBe('false');
    await screenshot(page, 'team');

    await step(page, 'model').click();
    const heatmap = page.locator('[data-chart="heatmap"] svg g[aria-label="cell"]').first();
    await expect.poll(() => heatmap.locator('rect').count(), { timeout: 45_000 }).toBe(9 * 15);
    const axis = (name: string) => page.locator(`[data-chart="heatmap"] svg g[aria-label="${name}"] text`).allTextContents();
    expect(await axis('x-axis tick label')).toHaveLength(15);
    expect(await axis('y-axis tick label')).toHaveLength(9);
    expect(await axis('x-axis tick label')).toContain('王芳');
    await expect.poll(() => decayLine(page).count()).toBe(1);
    expect(await page.getByTestId('coverage').textContent()).toMatch(/^Coverage of the 90% intervals: segments \d/);
    await page.locator('allot-model-step .status').filter({ hasNotText: 'Estimating' }).waitFor();
    await screenshot(page, 'model');
    await screenshot(page, 'model-full', true);

    const before = await decayLine(page).getAttribute('d');
    const tau = page.getByRole('spinbutton', { name: 'τ (hours)' });
    await tau.fill('12');
    await tau.press('Enter');
    await expect.poll(() => decayLine(page).getAttribute('d'), { timeout: 20_000 }).not.toBe(before);
    expect(await page.locator('allot-decay-editor [data-source]').getAttribute('data-source')).toBe('scenario');
    expect(await tau.inputValue()).toBe('12');

    await page.reload();
    await step(page, 'team').click();
    await expect.poll(() => capacityOf(page, 'r01').inputValue(), { timeout: 30_000 }).toBe('21');
    await step(page, 'model').click();
    await expect.poll(() => page.getByRole('spinbutton', { name: 'τ (hours)' }).inputValue(), { timeout: 45_000 }).toBe('12');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('allot-model-step h1').textContent()).toBe('模型');
    const headings = await page.locator('allot-model-step h2').allTextContents();
    expect(headings).toEqual(['分析设置', '按销售和细分的转化率', '销售效应', '各细分线索量', '响应时长衰减', '回测：预测与实际']);
    await screenshot(page, 'model-zh');
    await step(page, 'team').click();
    expect(await page.locator('allot-team-step h1').textContent()).toBe('团队');
    await screenshot(page, 'team-zh');

    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('the scenario is saved as the file the CLI reads, and a broken one is refused by its JSON path', async () => {
    const visit = await openAtStep(open, 'team');
    const { page } = visit;
    await expect.poll(() => page.locator('allot-roster-table tbody tr').count(), { timeout: 30_000 }).toBe(15);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save scenario' }).click()]);
    expect(download.suggestedFilename()).toBe('scenario.json');
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved).toMatchObject({ schema: 'allot.scenario/v1', leads: { path: 'leads.csv' }, segments: { fields: ['region', 'product'] } });
    expect(saved.roster.reps).toHaveLength(15);

    const broken = { ...saved, name: 'Broken', roster: { reps: [{ ...saved.roster.reps[0], capacity_per_week: 'many' }] } };
    await page.getByTestId('scenario-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.locator('allot-scenario-bar [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('broken.json: roster.reps[0].capacity_per_week:');
    await screenshot(page, 'scenario-open-error');
    // Nothing changed: the team is still the one before.
    expect(await page.locator('allot-roster-table tbody tr').count()).toBe(15);

    const renamed = { ...saved, name: 'Q3 re-balance', roster: { reps: saved.roster.reps.slice(0, 3) } };
    await page.getByTestId('scenario-input').setInputFiles({ name: 'q3.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(renamed)) });
    await expect.poll(() => page.locator('allot-roster-table tbody tr').count()).toBe(3);
    expect(await page.locator('allot-scenario-bar .name').textContent()).toContain('Q3 re-balance');
    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});
