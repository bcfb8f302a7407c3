import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { close, compareSettled, expectOnlyLocalRequests, openAtStep, raiseFairnessToFour, reportSettled, screenshot, stepLink, useWorkbench } from './support/workbench';

/** Waits until no comparison runs and one is shown. */
function sideBySide(page: Page) {
  return page.locator('allot-compare-step allot-scenarios-side-by-side');
}

/** The kept scenarios' names as the list shows them. */
function keptNames(page: Page): Promise<string[]> {
  return sideBySide(page).locator('input[data-control="kept-name"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/** The conversions cell ("mean lo … hi") of one policy in one scenario (a kept id, or `current`). */
function conversionsCell(page: Page, policy: string, scenario: string): Promise<string | null> {
  return sideBySide(page).locator(`table[data-table="kept-numbers"] tr[data-policy="${policy}"][data-scenario="${scenario}"] [data-metric="conversions"]`).textContent();
}

function keptIds(page: Page): Promise<string[]> {
  return sideBySide(page).locator('li[data-kept]').evaluateAll((items) => items.map((li) => li.getAttribute('data-kept')!));
}

describe('several scenarios side by side', () => {
  const open = useWorkbench();

  test('keep a comparison, change the fairness, keep again, see both beside the current one, and find them after a reload', async () => {
    const visit = await openAtStep(open, 'compare');
    const { page } = visit;
    await compareSettled(page);
    expect(await sideBySide(page).getByTestId('kept-none').count()).toBe(1);

    const keep = page.getByRole('button', { name: 'Keep for comparison' });
    await keep.click();
    await expect.poll(() => keptNames(page)).toHaveLength(1);
    const [first] = await keptIds(page);
    // Just kept: the kept run and the live one are the same numbers.
    expect(await conversionsCell(page, 'optimized', first!)).toBe(await conversionsCell(page, 'optimized', 'current'));

    await raiseFairnessToFour(page);
    // Keyboard only: the button is reached and pressed without the mouse.
    await expect.poll(() => keep.isEnabled(), { timeout: 10_000 }).toBe(true);
    await keep.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => keptNames(page)).toHaveLength(2);
    // Each kept one is named apart from the current scenario and from the other.
    expect(await keptNames(page)).toEqual(['Sample team: region × product — kept 1', 'Sample team: region × product — kept 2']);
    const [, second] = await keptIds(page);

    // Side by side: the fairness setting tells them apart, and the optimized plan's numbers differ.
    const fairness = await sideBySide(page).locator('table[data-table="kept-settings"] td[data-setting="fairness"]').allTextContents();
    expect(fairness).toEqual(['λ = 4', 'λ = 0', 'λ = 4']);
    const optimizedBefore = await conversionsCell(page, 'optimized', first!);
    const optimizedAfter = await conversionsCell(page, 'optimized', second!);
    expect(optimizedBefore).toMatch(/^[\d,.]+ [\d,.]+ … [\d,.]+$/);
    expect(optimizedAfter).not.toBe(optimizedBefore);
    // Common random numbers: round robin does not depend on λ, so its numbers are the same in both.
    expect(await conversionsCell(page, 'round_robin', second!)).toBe(await conversionsCell(page, 'round_robin', first!));
    // The chart: one dot per (scenario, policy): the current one and the two kept, six policies each.
    await expect.poll(() => sideBySide(page).locator('[data-chart="scenarios-conversions"] svg g[aria-label="dot"] circle').count()).toBe(18);

    const secondName = sideBySide(page).getByRole('textbox', { name: 'Name of kept scenario 2' });
    await secondName.fill('Fairness λ 4');
    await secondName.press('Enter');
    await expect.poll(() => keptNames(page)).toEqual([expect.any(String), 'Fairness λ 4']);
    await page.locator('allot-compare-step [data-panel="side-by-side"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-side-by-side');

    await page.evaluate(() => (document.querySelector('allot-app') as unknown as { store: { saved(): Promise<void> } }).store.saved());
    await page.reload();
    await reportSettled(page);
    await stepLink(page, 'compare').click();
    await expect.poll(() => keptNames(page), { timeout: 30_000 }).toHaveLength(2);
    expect((await keptNames(page))[1]).toBe('Fairness λ 4');
    expect(await keptIds(page)).toEqual([first, second]);
    await compareSettled(page);
    expect(await conversionsCell(page, 'optimized', first!)).toBe(optimizedBefore);
    expect(await conversionsCell(page, 'optimized', second!)).toBe(optimizedAfter);

    // Open the first again: it is the current scenario, fairness back at 0, and it runs.
    await sideBySide(page).locator(`li[data-kept="${first}"] [data-action="kept-open"]`).click();
    await expect.poll(() => page.locator('allot-compare-step').getByTestId('fairness-value').textContent()).toBe('λ = 0');
    await compareSettled(page);
    await expect.poll(() => conversionsCell(page, 'optimized', 'current'), { timeout: 60_000 }).toBe(optimizedBefore);

    // Remove the second: only the first is left.
    await sideBySide(page).getByRole('button', { name: 'Remove Fairness λ 4' }).click();
    await expect.poll(() => keptIds(page)).toEqual([first]);

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('allot-compare-step #kept-title').textContent()).toBe('多个情景并排对比');
    expect(await page.getByRole('button', { name: '保留以对比' }).count()).toBe(1);

    expectOnlyLocalRequests(visit);
    await close(visit);
  }, 300_000);
});
