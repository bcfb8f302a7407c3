import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { close, reportSettled, screenshot, stepLink, useWorkbench } from './support/workbench';

/**
 * Each step's engine call made to fail (`?engine-fault=<kind>`, an engine fault as a crashed
 * solver would give): the step shows it once, in the UI's language, with a retry, and goes idle —
 * it does not ask the engine again until the user retries or something it depends on changes.
 */
const STEPS = [
  { step: 'team', kind: 'roster', tag: 'allot-team-step', en: 'Could not read the roster', zh: '无法读取团队名单' },
  { step: 'model', kind: 'estimates', tag: 'allot-model-step', en: 'Could not estimate', zh: '无法估计' },
  { step: 'policies', kind: 'plan', tag: 'allot-policies-step', en: 'The plan could not be computed', zh: '无法计算分配方案' },
  { step: 'compare', kind: 'compare', tag: 'allot-compare-step', en: 'The comparison could not run', zh: '无法运行对比' },
  { step: 'export', kind: 'policy', tag: 'allot-export-step', en: 'Could not build the policy', zh: '无法生成该分配策略' },
] as const;
/** Asked only once the plan is in, so failed on a visit of its own (in 中文; the alert is the same component in English). */
const FLOOR_COST = { step: 'policies', kind: 'floorCost', tag: 'allot-policies-step', en: 'What the floor for every rep costs could not be worked out', zh: '无法计算每人保底的代价' } as const;

/** Counts the page's engine calls by kind, in the page, from before any of its own scripts run. */
function recordEngineCalls() {
  const calls: Record<string, number> = {};
  (window as unknown as { allotEngineCalls: Record<string, number> }).allotEngineCalls = calls;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const call = message as { type?: string; kind?: string };
    if (call?.type === 'call' && call.kind) calls[call.kind] = (calls[call.kind] ?? 0) + 1;
    return (post as (...a: unknown[]) => void).call(this, message, ...rest);
  } as typeof Worker.prototype.postMessage;
}

/** Every engine call the page has made so far, of any kind. */
const callsOf = (page: Page) => page.evaluate(() => Object.values((window as unknown as { allotEngineCalls: Record<string, number> }).allotEngineCalls).reduce((a, b) => a + b, 0));

describe('an engine failure on any step', () => {
  const open = useWorkbench();

  for (const lang of ['en', 'zh'] as const) {
    test(`is shown once with a retry, and the page goes idle (${lang === 'en' ? 'English' : '中文'})`, async () => {
      // The team failing leaves the later steps waiting for it; they fail on their own calls in a second
      // visit. The team's alert is the same component as the others': one language is enough for it.
      const visits = [...(lang === 'en' ? [STEPS.filter((s) => s.step === 'team')] : [[FLOOR_COST]]), STEPS.filter((s) => s.step !== 'team')];
      for (const steps of visits) {
        const faults = steps.map((s) => s.kind).join(',');
        const visit = await open({ locale: lang === 'en' ? 'en-US' : 'zh-CN', path: `/?engine-fault=${faults}`, initScript: recordEngineCalls });
        const { page } = visit;
        await reportSettled(page);
        for (const { step, tag, en, zh } of steps) {
          await stepLink(page, step).click();
          const alert = page.locator(`${tag} [data-testid="run-error"]`);
          await expect.poll(() => alert.count(), { timeout: 60_000, message: `${step}: the failure is shown` }).toBe(1);
          const text = (await alert.textContent())!.replace(/\s+/g, ' ');
          expect(text).toContain(lang === 'en' ? en : zh);
          expect(text).toContain(lang === 'en' ? 'The engine failed: an internal error, not a problem with your data' : '计算引擎出错');
          // Idle: no spinner, and no engine call at all while nothing changes.
          const made = await callsOf(page);
          await page.waitForTimeout(1000);
          expect(await callsOf(page)).toBe(made);
          expect(await page.locator(`${tag} .spinner`).count()).toBe(0);
          expect(await alert.count()).toBe(1);
          if (step === 'model') await screenshot(page, `engine-error-model-${lang}`);

          await alert.getByRole('button', { name: lang === 'en' ? 'Try again' : '重试' }).click();
          await expect.poll(() => callsOf(page), { timeout: 10_000, message: `${step}: a retry asks the engine again` }).toBeGreaterThan(made);
          await expect.poll(() => page.locator(`${tag} .spinner`).count(), { timeout: 30_000 }).toBe(0);
          expect(await alert.count()).toBe(1);
        }
        await close(visit);
      }
    }, 300_000);
  }
});
