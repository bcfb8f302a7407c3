import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { generateRollout, rolloutCsv } from '../../data/generator/rollout';
import { close, formatCount, openAtStep, screenshot, useWorkbench } from './support/workbench';

const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** The sample team's first twelve weeks after rolling the optimized policy out to half the leads, split by lead-id hash. */
const ROLLOUT = generateRollout({ seed: 3, weeks: 12, leadsPerWeek: 400, candidateShare: 0.5, gain: 0.3, salt: 'spring-2026' });
const CSV = rolloutCsv(ROLLOUT, '2026-03-02', ['r01', 'r02', 'r03', 'r04', 'r05']);

/**
 * What the readout must count, worked out from the export's own text (not from the engine): the
 * as-of moment is its latest date; a lead younger than the window is left out, one won within the
 * window converts, and segments only one arm reached are left out.
 */
function expectedCounts(csv: string) {
  const [header, ...lines] = csv.trim().split('\n');
  const at = (name: string) => header!.split(',').indexOf(name);
  const rows = lines.map((line) => line.split(','));
  const ms = (stamp: string) => (stamp ? Date.parse(`${stamp.replace(' ', 'T')}Z`) : NaN);
  const asOf = Math.max(...rows.flatMap((r) => [ms(r[at('created_at')]!), ms(r[at('closed_at')]!)]).filter(Number.isFinite));
  const old = rows.filter((r) => (asOf - ms(r[at('created_at')]!)) / DAY_MS >= WINDOW_DAYS);
  const segment = (r: string[]) => `${r[at('region')]}|${r[at('product')]}`;
  const arms = new Map<string, Set<string>>();
  for (const r of old) arms.set(segment(r), (arms.get(segment(r)) ?? new Set()).add(r[at('arm')]!));
  const counted = old.filter((r) => arms.get(segment(r))!.size === 2);
  const count = (arm: string) => {
    const leads = counted.filter((r) => r[at('arm')] === arm);
    const won = leads.filter((r) => r[at('outcome')] === 'Won' && (ms(r[at('closed_at')]!) - ms(r[at('created_at')]!)) / DAY_MS <= WINDOW_DAYS);
    return { leads: leads.length, converted: won.length };
  };
  const created = rows.map((r) => ms(r[at('created_at')]!));
  return {
    control: count('control'),
    candidate: count('candidate'),
    tooYoung: rows.length - old.length,
    unmatched: old.length - counted.length,
    period: { from: Math.min(...created), to: Math.max(...created), asOf },
  };
}

const EXPECTED = expectedCounts(CSV);

const step = (page: Page) => page.locator('allot-rollout-step');
const report = (page: Page) => page.locator('allot-rollout-step allot-rollout-report');
const cell = (page: Page, arm: string, value: string) => report(page).locator(`tr[data-arm="${arm}"] [data-value="${value}"]`);
const alerts = (page: Page) => page.locator('allot-rollout-step [role="alert"]');

async function dropExport(page: Page, name: string, csv: string): Promise<void> {
  await page.locator('allot-rollout-step [data-testid="file-input"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect.poll(() => step(page).getByTestId('rollout-file').textContent()).toContain(name);
}

/** Asks for the readout and waits until it has finished (shown, or failed): the step is idle again. */
async function readOut(page: Page): Promise<void> {
  // The run starts (busy, with its progress line) in the click's own event handler.
  await step(page).locator('[data-action="read-out"]').click();
  await idle(page);
}

async function idle(page: Page): Promise<void> {
  await expect.poll(() => step(page).getByTestId('rollout-progress').count(), { timeout: 90_000 }).toBe(0);
  expect(await step(page).locator('[data-action="read-out"]').isEnabled()).toBe(true);
  expect(await step(page).locator('[data-action="cancel"]').count()).toBe(0);
}

async function expectCounts(page: Page, locale: string): Promise<void> {
  for (const arm of ['control', 'candidate'] as const) {
    expect(await cell(page, arm, 'leads').textContent()).toBe(formatCount(EXPECTED[arm].leads, locale));
    expect(await cell(page, arm, 'converted').textContent()).toBe(formatCount(EXPECTED[arm].converted, locale));
  }
  expect(await report(page).locator('[data-reason="too-young"]').getAttribute('data-raw')).toBe(String(EXPECTED.tooYoung));
}

/** The verdict said is the one the numbers give: the forecast's mean inside the measured interval, or above or below it. */
async function expectVerdict(page: Page, sentences: Record<string, string>): Promise<void> {
  const verdict = report(page).getByTestId('rollout-verdict');
  const code = (await verdict.getAttribute('data-verdict'))!;
  expect(await verdict.textContent()).toBe(sentences[code]);
  const effect = report(page).getByTestId('rollout-effect');
  const [low, high] = [Number(await effect.getAttribute('data-low')), Number(await effect.getAttribute('data-high'))];
  const mean = Number(await report(page).getByTestId('rollout-forecast').getAttribute('data-mean'));
  expect(code).toBe(mean < low ? 'above' : mean > high ? 'below' : 'held');
}

const VERDICTS_EN = {
  held: 'The forecast held: its expected effect lies within the measured 90% interval.',
  above: 'The forecast did not hold: the candidate did better than forecast (the measured interval lies above the forecast).',
  below: 'The forecast did not hold: the candidate did worse than forecast (the measured interval lies below the forecast).',
};
const VERDICTS_ZH = {
  held: '预测成立：预测的平均效果落在实测的 90% 区间内。',
  above: '预测不成立：实验组比预测的更好（实测区间整体高于预测）。',
  below: '预测不成立：实验组比预测的更差（实测区间整体低于预测）。',
};

/** Three English words in a row are a sentence left untranslated; names from the data are single words. */
async function expectChineseOnly(locator: Locator) {
  const texts = await locator.evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text.replace(/\s+/g, ' ')).not.toMatch(/\b[A-Za-z]{2,}[,.]? [A-Za-z]{2,}[,.]? [A-Za-z]{2,}\b/);
}

describe('the Rollout step', () => {
  const open = useWorkbench();

  test('a sales leader reads a rollout out by its arm column and by lead id, in English and 中文, and a bad arm value says which', async () => {
    // Both arms reached every segment in twelve weeks, and the youngest month is left out.
    expect(EXPECTED.unmatched).toBe(0);
    expect(EXPECTED.tooYoung).toBeGreaterThan(0);
    const visit = await openAtStep(open, 'rollout');
    const { page } = visit;
    expect(await step(page).locator('h1').textContent()).toBe('Rollout');
    expect(await step(page).locator('#rollout-control').inputValue()).toBe('as_is');
    expect(await step(page).locator('#rollout-candidate').inputValue()).toBe('optimized');

    // By the export's arm column ("arm", the default).
    await dropExport(page, 'since-rollout.csv', CSV);
    await step(page).locator('[data-action="read-out"]').click();
    // The forecast is simulated first, then the export is read: each said while it runs.
    await expect.poll(() => step(page).getByTestId('rollout-progress').textContent(), { timeout: 10_000 }).toMatch(/^(Building the two policies|Forecasting with Compare’s simulation: [\d,]+ of 200 replications|Reading since-rollout\.csv|Mapping [\d,]+ rows)/);
    await idle(page);
    expect(await alerts(page).count()).toBe(0);
    await expectCounts(page, 'en-US');
    expect(await report(page).getByTestId('rollout-by').textContent()).toBe('Arms by the column “arm”.');
    const days = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
    const { from, to, asOf } = EXPECTED.period;
    // Node's and Chromium's ICU space a date range differently (thin or plain spaces).
    const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
    expect(spaced(await report(page).getByTestId('rollout-period').textContent())).toBe(spaced(`Leads created ${days.formatRange(from, to)}; outcomes as of ${days.format(asOf)}, the export’s latest date.`));
    expect(await report(page).locator('[data-reason="too-young"]').textContent()).toBe(`${formatCount(EXPECTED.tooYoung)} leads younger than 30 days: their outcome is not known yet, so they are not counted as lost.`);
    await expectVerdict(page, VERDICTS_EN);
    // The planted gain is +30%: the measured effect is positive, and drawn beside the forecast.
    expect(Number(await report(page).getByTestId('rollout-effect').getAttribute('data-effect'))).toBeGreaterThan(0);
    await expect.poll(() => report(page).locator('[data-chart="rollout-effect"] svg').count()).toBe(1);
    // Week by week: twelve weeks, the youngest not judged, the judged ones with their band.
    const weeks = report(page).locator('[data-testid="rollout-weeks"] tbody tr');
    expect(await weeks.count()).toBe(12);
    expect(await weeks.last().textContent()).toContain('not judged yet');
    expect(await weeks.first().locator('td').nth(2).textContent()).toMatch(/^[\d,]+ … [\d,]+$/);
    await screenshot(page, 'rollout', true);

    // The same screen in 中文: every sentence translated, the numbers in the Chinese locale.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => step(page).locator('h1').textContent()).toBe('上线复盘');
    await expectCounts(page, 'zh-CN');
    await expectVerdict(page, VERDICTS_ZH);
    await expectChineseOnly(
      page.locator(
        'allot-rollout-step .head, allot-rollout-step [role="status"], allot-rollout-form .form, allot-file-drop .zone, allot-rollout-report .verdict, allot-rollout-report .panel, allot-rollout-report allot-chart figure',
      ),
    );
    await screenshot(page, 'rollout-zh', true);

    // By lead id: the split recomputed from the ids with its share and salt gives the same arms.
    await page.getByRole('button', { name: 'English' }).click();
    await step(page).locator('input[name="rollout-arms"][value="hash"]').check();
    await step(page).locator('allot-rollout-form [data-control="share"]').fill('50');
    await step(page).locator('allot-rollout-form [data-control="salt"]').fill('spring-2026');
    await readOut(page);
    expect(await alerts(page).count()).toBe(0);
    expect(await report(page).getByTestId('rollout-by').textContent()).toBe('Arms by the lead ids: 50% to the candidate, salt “spring-2026”.');
    await expectCounts(page, 'en-US');
    await expectVerdict(page, VERDICTS_EN);

    // A column the export lacks: the error lists the export's columns, offered to pick from.
    await step(page).locator('input[name="rollout-arms"][value="column"]').check();
    await step(page).locator('allot-rollout-form [data-control="column"]').fill('group');
    await readOut(page);
    expect(await alerts(page).count()).toBe(1);
    expect(await alerts(page).textContent()).toContain('"group" is not a column of since-rollout.csv');
    await screenshot(page, 'rollout-not-a-column');
    await step(page).locator('[data-testid="rollout-columns"] button[data-column="arm"]').click();
    expect(await step(page).locator('allot-rollout-form [data-control="column"]').inputValue()).toBe('arm');

    // An arm value that names neither arm: one alert naming it, in the UI's language, with a retry; the step goes idle.
    await dropExport(page, 'bad-arms.csv', CSV.replace(',candidate\n', ',treatmnt\n'));
    await readOut(page);
    expect(await alerts(page).count()).toBe(1);
    expect(await alerts(page).textContent()).toContain('arm: "treatmnt" names neither arm');
    expect(await report(page).count()).toBe(0);
    await screenshot(page, 'rollout-bad-arm');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => alerts(page).textContent()).toContain('分组列「arm」中有既不是对照组');
    expect(await alerts(page).textContent()).toContain('"treatmnt"');
    await screenshot(page, 'rollout-bad-arm-zh');
    await alerts(page).getByRole('button', { name: '重试' }).click();
    await idle(page);
    expect(await alerts(page).count()).toBe(1);
    expect(await alerts(page).textContent()).toContain('"treatmnt"');
    await close(visit);
  }, 120_000);
});
