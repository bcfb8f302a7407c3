import { describe, expect, test } from 'vitest';
import { close, expectOnlyLocalRequests, reportSettled, screenshot, useWorkbench } from './support/workbench';

describe('the workbench shell', () => {
  const open = useWorkbench();

  test('switching to 中文 changes the whole page, and the choice is remembered', async () => {
    const visit = await open({ locale: 'en-US' });
    const { page } = visit;
    await reportSettled(page);
    const nav = page.getByRole('navigation');
    expect(await nav.locator('[data-step="data"]').textContent()).toContain('Data');
    expect(await page.locator('[data-figure="rowsRead"] dt').textContent()).toBe('Rows read');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => nav.locator('[data-step="data"]').textContent()).toContain('数据');
    expect(await page.locator('allot-data-step h1').textContent()).toBe('数据');
    expect(await page.locator('[data-figure="rowsRead"] dt').textContent()).toBe('读取行数');
    expect(await page.locator('label[for="field-owner"]').textContent()).toContain('负责人');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'data-zh');

    await page.reload();
    await reportSettled(page);
    expect(await page.locator('allot-data-step h1').textContent()).toBe('数据');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('allot-data-step h1').textContent()).toBe('Data');
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('a Chinese browser starts in Chinese', async () => {
    const visit = await open({ locale: 'zh-CN' });
    const { page } = visit;
    await expect.poll(() => page.locator('allot-data-step h1').textContent()).toBe('数据');
    expect(await page.locator('header').first().textContent()).toContain('线索分配工作台');
    await reportSettled(page);
    await close(visit);
  });

  test('every step is built: none is marked as coming later, and each is reachable by keyboard', async () => {
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);
    const nav = page.getByRole('navigation', { name: 'Workbench steps' });
    expect(await nav.locator('[data-step="data"]').getAttribute('aria-current')).toBe('step');
    expect(await nav.locator('[data-step]').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-step')))).toEqual(['data', 'team', 'model', 'policies', 'compare', 'export', 'rollout']);
    // Nothing is still disabled: the "coming later" marks are gone with the steps they announced.
    expect(await nav.locator('[aria-disabled="true"]').count()).toBe(0);
    expect(await page.getByRole('tooltip', { name: 'Coming in a later release' }).count()).toBe(0);

    await page.locator('[data-step="model"]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focusedStep)).toBe('policies');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('allot-policies-step h1').textContent()).toBe('Policies');
    expect(await nav.locator('[aria-current="step"]').getAttribute('data-step')).toBe('policies');
    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});

/** Runs in the page: the focused element, looked for through the shadow roots. */
function focusedStep(): string | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element?.getAttribute('data-step') ?? null;
}
