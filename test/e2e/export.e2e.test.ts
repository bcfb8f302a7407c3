import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { runCli } from '../support/run-cli';
import { describeWithSharedData, sharedPath } from '../support/shared-data';
import { close, expectOnlyLocalRequests, openAtStep, screenshot, useWorkbench, type OpenOptions, type Visit } from './support/workbench';

const SF_RULE_FILE = 'force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml';

/** The Export step with the optimized policy built and shown as JSON. */
async function openExport(open: (options?: OpenOptions) => Promise<Visit>): Promise<Visit> {
  const visit = await openAtStep(open, 'export');
  await expect.poll(() => visit.page.locator('allot-export-step [data-testid="export-status"]').textContent(), { timeout: 60_000 }).toMatch(/^Optimized: \d+ rules, 2 files\.$/);
  return visit;
}

async function chooseTarget(page: Page, target: string): Promise<void> {
  await page.locator(`allot-export-step input[name="export-target"][value="${target}"]`).check();
}

const preview = (page: Page) => page.locator('allot-export-step [data-testid="preview"]');
const fileButtons = (page: Page) => page.locator('allot-file-preview button[data-file]');

async function download(page: Page, action: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`allot-export-step [data-action="${action}"]`).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

interface RulesJson {
  rules: { info?: { expectedValuePerWeek?: number } }[];
}

function withoutValues(config: RulesJson): RulesJson {
  return { ...config, rules: config.rules.map((r) => ({ ...r, info: { ...r.info, expectedValuePerWeek: undefined } })) };
}

function valuesPerWeek(config: RulesJson): number[] {
  return config.rules.map((r) => r.info?.expectedValuePerWeek ?? NaN);
}

/** Pills that name no rule, in both languages, as the place each names (`fallback`, `prescreen`, …). */
const PLACES: Record<string, string> = {
  'Fallback rule': 'fallback', 兜底规则: 'fallback', Prescreen: 'prescreen', 预审: 'prescreen',
  'The reps': 'reps', 销售名单: 'reps', 'The whole policy': 'policy', 整个分配策略: 'policy',
};

/** Where a limitation applies, read from its pill in either language: a rule id (`Rule east`, `规则「east」`) or a place. */
function placeOf(pill: string): string {
  const rule = /^Rule (.+)$/.exec(pill) ?? /^规则「(.+)」$/.exec(pill);
  return rule ? rule[1]! : (PLACES[pill] ?? `unknown pill: ${pill}`);
}

describe('the Export step', () => {
  const open = useWorkbench();

  test('the optimized policy exported from the browser is the one allot optimize writes, and every target previews, downloads and says what it cannot express', async () => {
    const visit = await openExport(open);
    const { page } = visit;
    expect(await page.locator('allot-export-step #export-policy').inputValue()).toBe('optimized');
    await screenshot(page, 'export-json');

    // The browser and the CLI give the same policy for the same scenario: same rules, same weights.
    const rules = await download(page, 'download-rules');
    expect(rules.name).toBe('allot-rules-optimized.json');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'allot-export-e2e-')), 'rules.json');
    const cli = runCli(['optimize', '--scenario', 'data/sample/scenario.json', '--out', out]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const fromCli = JSON.parse(readFileSync(out, 'utf8'));
    const fromBrowser = JSON.parse(rules.bytes.toString('utf8'));
    expect(fromBrowser.rules.length).toBeGreaterThan(0);
    // Rules, conditions, pools, weights, reps and every lead and conversion figure are equal to the last digit.
    expect(withoutValues(fromBrowser)).toEqual(withoutValues(fromCli));
    // The mean deal value behind expectedValuePerWeek is an AVG that DuckDB-WASM and the native
    // DuckDB the CLI uses sum in different orders: equal to 1e-6, not to the last of 9 digits.
    const browserValues = valuesPerWeek(fromBrowser);
    expect(browserValues.length).toBe(fromBrowser.rules.length);
    valuesPerWeek(fromCli).forEach((v, i) => expect(Math.abs(browserValues[i]! - v)).toBeLessThanOrEqual(1e-6 * v));
    // The JSON target's rules.json shows the very same bytes.
    expect(await preview(page).textContent()).toBe(rules.bytes.toString('utf8'));

    await chooseTarget(page, 'salesforce');
    await expect.poll(() => fileButtons(page).evaluateAll((b) => b.map((x) => x.getAttribute('data-file')))).toContain(SF_RULE_FILE);
    await page.locator(`allot-file-preview button[data-file="${SF_RULE_FILE}"]`).click();
    expect(await page.locator('allot-file-preview [data-testid="preview-path"]').textContent()).toBe(SF_RULE_FILE);
    // Shown as text: the XML's tags are characters in the <pre>, not elements.
    expect(await preview(page).textContent()).toContain('<AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">');
    expect(await preview(page).locator('*').count()).toBe(0);
    const limits = page.locator('allot-export-step [data-testid="limitations"] li');
    expect(await limits.count()).toBeGreaterThan(2);
    expect(await limits.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/weekly caps[\s\S]*Instead:\s+Salesforce has no per-rep weekly cap/)]));
    // The rules and reps the English list names, for the Chinese one below to name as well.
    const englishAt = (await limits.locator('.pill').allTextContents()).map(placeOf);
    expect(englishAt.length).toBeGreaterThan(0);
    for (const at of englishAt) expect(at).not.toMatch(/^unknown pill/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'export-salesforce');

    const xml = await download(page, 'download-file');
    expect(xml.name).toBe('Lead.assignmentRules-meta.xml');
    expect(xml.bytes.toString('utf8')).toBe(await preview(page).textContent());

    const zip = await download(page, 'download-all');
    expect(zip.name).toBe('allot-salesforce-optimized.zip');
    const unzipped = unzipSync(new Uint8Array(zip.bytes));
    const listed = await fileButtons(page).evaluateAll((b) => b.map((x) => x.getAttribute('data-file')!));
    expect(Object.keys(unzipped).sort()).toEqual([...listed].sort());
    expect(strFromU8(unzipped[SF_RULE_FILE]!)).toBe(xml.bytes.toString('utf8'));

    // A queue instead of users: the rule entries name it.
    await page.locator('allot-export-step #salesforce-queue').fill('Inside_Sales');
    await page.locator('allot-export-step #salesforce-queue').press('Enter');
    await page.locator('allot-export-step #salesforce-queue').blur();
    await expect.poll(() => preview(page).textContent()).toContain('<assignedTo>Inside_Sales</assignedTo>');

    // Frappe v15 has no weighted rule: the step names the rule and offers no file.
    await chooseTarget(page, 'frappe');
    await expect.poll(() => fileButtons(page).count()).toBeGreaterThan(0);
    await page.locator('allot-export-step #frappe-version').selectOption('v15');
    const refused = page.locator('allot-export-step [data-testid="export-refused"]');
    await expect.poll(() => refused.textContent()).toContain('Frappe / ERPNext cannot express this policy');
    expect(await refused.textContent()).toMatch(/rules\[0\] \(east-starter\): Frappe v15 has no weighted rule/);
    expect(await fileButtons(page).count()).toBe(0);
    await screenshot(page, 'export-refused');

    // The build sheet in Chinese, for a CRM set up by hand.
    await chooseTarget(page, 'build-sheet');
    await page.locator('allot-export-step #language').selectOption('zh');
    await page.locator('allot-file-preview button[data-file="build-sheet.csv"]').click();
    await expect.poll(() => preview(page).textContent()).toMatch(/^\uFEFF?顺序,分配规则,条件,销售（占比）,分配方式,上限,跟进时限\r?\n/);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.locator('allot-export-step h1').textContent()).toBe('导出');
    expect(await page.locator('allot-export-step [data-testid="limitations"] h2').textContent()).toBe('目标系统无法表达的内容');
    await screenshot(page, 'export-build-sheet-zh');

    // Salesforce's limitations in Chinese: the glossary's words, and still every rule the English named.
    await chooseTarget(page, 'salesforce');
    await page.locator('allot-export-step #salesforce-queue').fill('');
    await page.locator('allot-export-step #salesforce-queue').press('Enter');
    await page.locator('allot-export-step #salesforce-queue').blur();
    await expect.poll(() => limits.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/兜底规则[\s\S]*占比不是整数个槽位[\s\S]*替代做法：\s*按 100 个槽位取整：r01 /)]));
    const chinese = await limits.allTextContents();
    expect(chinese).toEqual(expect.arrayContaining([expect.stringMatching(/每周容量上限（capacityPerWeek）[\s\S]*Salesforce 没有按销售设置的每周上限/)]));
    for (const item of chinese) expect(item, item).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.join('\n')).not.toMatch(/Instead|weekly caps|left out of this rule/);
    const chineseAt = (await limits.locator('.pill').allTextContents()).map(placeOf);
    expect(chineseAt.sort()).toEqual([...englishAt].sort());
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'export-salesforce-zh');
    await page.locator('allot-file-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'export-salesforce-zh-list');
    // The refusal too, still led by the rule it names (Frappe is still set to v15).
    await chooseTarget(page, 'frappe');
    await expect.poll(() => refused.locator('[data-testid="refused-reason"]').textContent()).toBe(
      'rules[0] (east-starter)：Frappe v15 没有按权重分配的规则（Round Robin 为平均分配）；请导出为 v16（Weighted Distribution），或把权重设为相等',
    );
    await screenshot(page, 'export-refused-zh');
    await chooseTarget(page, 'build-sheet');

    // A baseline exports too.
    await page.locator('allot-export-step #export-policy').selectOption('territory');
    await expect.poll(() => page.locator('allot-export-step [data-testid="export-status"]').textContent()).toMatch(/^按区域分配：\d+ 条分配规则，2 个文件。$/);
    expect(await preview(page).textContent()).toContain('region');

    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});

describeWithSharedData('the Salesforce rule file downloaded from the workbench', 'schemas/salesforce-metadata-v47.xsd', () => {
  const open = useWorkbench();

  test('validates against the Metadata API v47 schema', async () => {
    const visit = await openExport(open);
    const { page } = visit;
    await chooseTarget(page, 'salesforce');
    await page.locator(`allot-file-preview button[data-file="${SF_RULE_FILE}"]`).click();
    const xml = await download(page, 'download-file');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'allot-export-e2e-')), xml.name);
    writeFileSync(file, xml.bytes);
    // xmllint exits non-zero (and execFileSync throws with its message) on any schema error.
    execFileSync('xmllint', ['--noout', '--schema', sharedPath('schemas/salesforce-metadata-v47.xsd'), file], { stdio: 'pipe' });
    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});
