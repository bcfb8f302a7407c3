import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { close, expectOnlyLocalRequests, openAtStep, reportSettled, screenshot, stepLink as step, useWorkbench } from './support/workbench';

const SOLVE_TIMEOUT = 30_000;

/** A rep's planned leads per week, read from the plan's load chart: each bar's tooltip starts "name: N Leads / week". */
async function plannedLoad(page: Page, name: string): Promise<number | null> {
  const titles = await page.locator('allot-policies-step [data-chart="plan-load"] svg g[aria-label="bar"] title').allTextContents();
  const line = titles.find((t) => t.startsWith(`${name}:`));
  const match = line?.match(/^[^:]+: ([\d.,]+) Leads \/ week/);
  return match ? Number(match[1]!.replace(/,/g, '')) : null;
}

function planAlert(page: Page, status: 'invalid' | 'infeasible') {
  return page.locator(`allot-policies-step [data-plan-status="${status}"]`);
}

function editor(page: Page) {
  return page.locator('allot-pins-editor');
}

describe('pins and exclusions in the Policies step', () => {
  const open = useWorkbench();

  test('pin half of East × Enterprise to a rep the plan gives little, exclude another, see the optimizer’s own objections, and find it all after a reload', async () => {
    const visit = await openAtStep(open, 'policies');
    const { page } = visit;
    // 刘洋 (r05), a junior with the East skill, gets only what the plan's floor and headroom leave him.
    await expect.poll(() => plannedLoad(page, 'Emily Chen'), { timeout: 60_000 }).toBeGreaterThan(0);
    const before = (await plannedLoad(page, '刘洋')) ?? 0;
    expect(await editor(page).getByText('A pin sends a share of every matching segment’s leads to one rep').count()).toBe(1);

    // Keyboard: the add button is reached and pressed from the keyboard, and the new row takes the focus.
    await page.getByRole('button', { name: 'Add pin' }).focus();
    await page.keyboard.press('Enter');
    const region = page.getByRole('combobox', { name: 'Pin 1 region' });
    await expect.poll(() => region.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await region.selectOption('East');
    await page.getByRole('combobox', { name: 'Pin 1 product' }).selectOption('Enterprise');
    await page.getByRole('combobox', { name: 'Pin 1 Rep' }).selectOption('r05');
    const share = page.getByRole('spinbutton', { name: /^Pin 1 Share/ });
    await share.fill('50');
    await share.press('Enter');
    await expect.poll(() => plannedLoad(page, '刘洋'), { timeout: SOLVE_TIMEOUT }).toBeGreaterThan(before + 1);
    await screenshot(page, 'policies-pins');

    // An exclusion: Emily Chen never gets an East lead, so the plan gives her nothing.
    await page.getByRole('button', { name: 'Add exclusion' }).click();
    await page.getByRole('combobox', { name: 'Exclusion 1 region' }).selectOption('East');
    await page.getByRole('combobox', { name: 'Exclusion 1 Rep' }).selectOption('r03');
    await expect.poll(() => plannedLoad(page, 'Emily Chen'), { timeout: SOLVE_TIMEOUT }).toBe(0);
    expect(await plannedLoad(page, '刘洋')).toBeGreaterThan(0);

    // A pin and an exclusion on the same pair: the plan panel shows the optimizer's own message.
    await page.getByRole('combobox', { name: 'Exclusion 1 Rep' }).selectOption('r05');
    await expect.poll(() => planAlert(page, 'invalid').count(), { timeout: SOLVE_TIMEOUT }).toBe(1);
    // The optimizer's message names the pair (its wording is the optimizer's own, in the UI's language).
    const conflict = await planAlert(page, 'invalid').textContent();
    expect(conflict).toMatch(/r05|刘洋/);
    expect(conflict).toMatch(/East/);
    // The editor, perhaps scrolled far below the plan panel, points to it.
    const pointer = editor(page).locator('[data-plan-problem]');
    expect(await pointer.textContent()).toBe('No plan can use these settings: the optimized plan says why.');
    await editor(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'policies-pins-conflict');
    await page.getByRole('combobox', { name: 'Exclusion 1 Rep' }).selectOption('r03');
    await expect.poll(() => plannedLoad(page, 'Emily Chen'), { timeout: SOLVE_TIMEOUT }).toBe(0);
    expect(await pointer.textContent()).toBe('');

    // Pins that give away more than all of a segment: the optimizer says by how much.
    await page.getByRole('button', { name: 'Add pin' }).click();
    await page.getByRole('combobox', { name: 'Pin 2 region' }).selectOption('East');
    await page.getByRole('combobox', { name: 'Pin 2 product' }).selectOption('Enterprise');
    await page.getByRole('combobox', { name: 'Pin 2 Rep' }).selectOption('r04');
    const share2 = page.getByRole('spinbutton', { name: /^Pin 2 Share/ });
    await share2.fill('60');
    await share2.press('Enter');
    await expect.poll(() => planAlert(page, 'invalid').count(), { timeout: SOLVE_TIMEOUT }).toBe(1);
    expect(await planAlert(page, 'invalid').textContent()).toMatch(/110\s?%/);
    await page.getByRole('button', { name: 'Remove Pin 2' }).click();
    await expect.poll(() => plannedLoad(page, '刘洋'), { timeout: SOLVE_TIMEOUT }).toBeGreaterThan(0);
    expect(await editor(page).locator('tr[data-kind="pin"]').count()).toBe(1);

    // Autosaved: after a reload the pin and the exclusion are there, and the plan still honours them.
    await page.reload();
    await reportSettled(page);
    await step(page, 'policies').click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Pin 1 Rep' }).inputValue(), { timeout: SOLVE_TIMEOUT }).toBe('r05');
    expect(await page.getByRole('combobox', { name: 'Pin 1 region' }).inputValue()).toBe('East');
    expect(await page.getByRole('combobox', { name: 'Pin 1 product' }).inputValue()).toBe('Enterprise');
    expect(await page.getByRole('spinbutton', { name: /^Pin 1 Share/ }).inputValue()).toBe('50');
    expect(await page.getByRole('combobox', { name: 'Exclusion 1 Rep' }).inputValue()).toBe('r03');
    expect(await page.getByRole('combobox', { name: 'Exclusion 1 product' }).inputValue()).toBe('');
    await expect.poll(() => plannedLoad(page, '刘洋'), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await plannedLoad(page, 'Emily Chen')).toBe(0);

    // In Chinese, the editor speaks the CRM's words.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => editor(page).locator('#pins-title').textContent()).toBe('固定分配与排除');
    expect(await page.getByRole('button', { name: '添加固定分配' }).count()).toBe(1);
    await editor(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'policies-pins-zh');

    expectOnlyLocalRequests(visit);
    await close(visit);
  }, 300_000);
});
