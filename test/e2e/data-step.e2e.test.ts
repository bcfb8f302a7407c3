import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SAMPLE_CSV, readSample } from './support/sample-files';
import {
  close,
  expectOnlyLocalRequests,
  fieldSelect,
  figure,
  formatCount,
  useWorkbench,
  reportSettled,
  screenshot,
} from './support/workbench';

describe('the Data step', () => {
  const open = useWorkbench();

  test('opening the workbench loads the bundled sample by itself and reports every row of it', async () => {
    const sample = readSample(SAMPLE_CSV);
    const visit = await open();
    const { page } = visit;
    await expect.poll(() => page.locator('[role="status"]').textContent()).not.toBe('');
    await reportSettled(page);

    await expect.poll(() => figure(page, 'rowsRead').textContent()).toBe(formatCount(sample.rows.length));
    await expect.poll(() => page.locator('allot-source-list [data-file="leads.csv"]').textContent()).toContain('Sample data');
    expect(await fieldSelect(page, 'lead_id').inputValue()).toBe('lead_id');
    expect(await fieldSelect(page, 'outcome').inputValue()).toBe('outcome');
    await expect.poll(() => page.locator('allot-column-profile tbody tr').count()).toBe(sample.header.length);
    expect(await page.locator('allot-weekly-chart svg').count()).toBeGreaterThan(0);

    await screenshot(page, 'data');
    await screenshot(page, 'data-full', true);
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('picking another column for a field re-runs the mapping and the report follows', async () => {
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);
    const rejectedBefore = await figure(page, 'rejected').textContent();
    expect(await page.locator('[data-code="unknown_outcome"]').count()).toBe(0);

    await fieldSelect(page, 'outcome').selectOption('region');
    // The previous report stays on screen while the new one is computed.
    expect(await figure(page, 'rowsRead').count()).toBe(1);
    await reportSettled(page);
    await page.locator('[data-code="unknown_outcome"]').waitFor();
    expect(await figure(page, 'rejected').textContent()).not.toBe(rejectedBefore);
    expect(await fieldSelect(page, 'outcome').inputValue()).toBe('region');
    expect(await page.locator('allot-column-profile tr[data-column="region"]').textContent()).toContain('Outcome');

    await fieldSelect(page, 'outcome').selectOption('outcome');
    await expect.poll(() => page.locator('[data-code="unknown_outcome"]').count(), { timeout: 30_000 }).toBe(0);
    await reportSettled(page);
    expect(await figure(page, 'rejected').textContent()).toBe(rejectedBefore);
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('"not mapped" leaves a field unmapped even where a column is named after it, and is saved as null', async () => {
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);
    expect(await page.locator('[data-code="unmapped_required_field"]').count()).toBe(0);

    await fieldSelect(page, 'owner').selectOption({ label: '— not mapped —' });
    await page.locator('[data-code="unmapped_required_field"]').waitFor({ timeout: 30_000 });
    await reportSettled(page);
    expect(await fieldSelect(page, 'owner').inputValue()).toBe('');
    expect(await page.locator('allot-column-profile tr[data-column="owner"] .pill').count()).toBe(0);
    expect(await page.locator('allot-mapping-editor [role="note"]').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save mapping' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf-8'));
    expect(saved.fields.owner).toBeNull();
    expect(saved.fields.lead_id).toBe('lead_id');

    await fieldSelect(page, 'owner').selectOption('owner');
    await expect.poll(() => page.locator('[data-code="unmapped_required_field"]').count(), { timeout: 30_000 }).toBe(0);
    await reportSettled(page);
    expect(await page.locator('allot-column-profile tr[data-column="owner"] .pill').textContent()).toBe('Owner');
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('a mapping is saved as an allot.mapping/v1 file, and a broken one names the JSON path', async () => {
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save mapping' }).click()]);
    expect(download.suggestedFilename()).toBe('leads.mapping.json');
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf-8'));
    expect(saved.schema).toBe('allot.mapping/v1');
    expect(saved.fields).toMatchObject({ lead_id: 'lead_id', owner: 'owner', outcome: 'outcome', created_at: 'created_at' });

    const mappingInput = page.locator('[data-testid="mapping-input"]');
    const broken = JSON.stringify({ schema: 'allot.mapping/v1', fields: { owner: 42 } });
    await mappingInput.setInputFiles({ name: 'broken.mapping.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('broken.mapping.json: fields.owner');

    const edited = { ...saved, fields: { ...saved.fields, outcome: 'source' } };
    await mappingInput.setInputFiles({ name: 'edited.mapping.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await expect.poll(() => fieldSelect(page, 'outcome').inputValue(), { timeout: 30_000 }).toBe('source');
    await reportSettled(page);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.locator('[data-code="unknown_outcome"]').waitFor();
    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});
