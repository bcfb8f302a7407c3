import { describe, expect, test } from 'vitest';
import { SAMPLE_CSV, SAMPLE_GBK_CSV, commonestValue, readSample } from './support/sample-files';
import {
  close,
  expectOnlyLocalRequests,
  fieldSelect,
  figure,
  fileInput,
  formatCount,
  useWorkbench,
  reportSettled,
  screenshot,
} from './support/workbench';

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf-8') });

describe('loading files on the Data step', () => {
  const open = useWorkbench();

  test('a GBK export with Chinese headers maps itself and its values read as Chinese', async () => {
    const gbk = readSample(SAMPLE_GBK_CSV, 'gbk');
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);

    await fileInput(page).setInputFiles(SAMPLE_GBK_CSV);
    await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: 45_000 }).toBe(formatCount(gbk.rows.length));
    await reportSettled(page);

    expect(await fieldSelect(page, 'lead_id').inputValue()).toBe('线索编号');
    expect(await fieldSelect(page, 'owner').inputValue()).toBe('负责人');
    expect(await fieldSelect(page, 'outcome').inputValue()).toBe('是否成交');
    expect(await fieldSelect(page, 'created_at').inputValue()).toBe('创建时间');
    const region = page.locator('allot-column-profile tr[data-column="所属区域"]');
    expect(await region.locator('th').textContent()).toBe('所属区域');
    expect(await region.locator('.chip').first().textContent()).toContain(commonestValue(gbk, '所属区域'));
    expect(await page.locator('allot-source-list [data-file="leads-zh-gbk.csv"]').textContent()).toContain('GBK');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: '中文' }).click();
    await screenshot(page, 'data-gbk-zh', true);
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('a broken file gets an alert naming it, the data before stays, and a good file still loads', async () => {
    const sample = readSample(SAMPLE_CSV);
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);
    const alert = page.getByRole('alert');

    await fileInput(page).setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('empty.csv');

    const junk = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    await fileInput(page).setInputFiles({ name: 'junk.csv', mimeType: 'text/csv', buffer: junk });
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('junk.csv');

    // Read without trouble, rejected only at mapping: the tables of the sample must come back.
    await fileInput(page).setInputFiles(csv('one-column.csv', 'name\nAda\nGrace\n'));
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('one-column.csv');
    await reportSettled(page);
    await screenshot(page, 'data-error');
    // Worded from its code in the user's language, and again when the language changes.
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => alert.textContent()).toContain('one-column.csv，列「name」：只识别出一列（「name」）');
    expect(await alert.textContent()).not.toContain('only one column');
    await screenshot(page, 'data-error-zh');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await figure(page, 'rowsRead').textContent()).toBe(formatCount(sample.rows.length));
    expect(await page.locator('allot-source-list [data-file="leads.csv"]').count()).toBe(1);

    // The data still shown is the data still loaded: re-mapping it works on the sample's rows.
    await fieldSelect(page, 'outcome').selectOption('region');
    await page.locator('[data-code="unknown_outcome"]').waitFor({ timeout: 30_000 });
    await reportSettled(page);
    expect(await figure(page, 'rowsRead').textContent()).toBe(formatCount(sample.rows.length));

    await fileInput(page).setInputFiles(csv('good.csv', 'lead_id,owner,outcome,region\nA1,r1,Won,East\nA2,r2,Lost,North\nA3,r1,Open,East\n'));
    await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: 30_000 }).toBe('3');
    await reportSettled(page);
    expect(await alert.count()).toBe(0);
    expect(await page.locator('allot-source-list [data-file="good.csv"]').count()).toBe(1);
    expect(await fieldSelect(page, 'outcome').inputValue()).toBe('outcome');
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('two files are joined, and either can be made the lead table without choosing them again', async () => {
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);
    const sources = page.locator('allot-source-list li');

    await fileInput(page).setInputFiles([
      csv('deals.csv', 'lead_id,owner,outcome\nD1,r1,Won\nD2,r2,Lost\nD3,r3,Open\n'),
      csv('teams.csv', 'owner,team\nr1,East\nr2,North\n'),
    ]);
    await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: 30_000 }).toBe('3');
    await reportSettled(page);
    expect(await sources.first().getAttribute('data-file')).toBe('deals.csv');
    expect(await page.locator('allot-column-profile tr[data-column="team"]').count()).toBe(1);

    await page.locator('allot-source-list [data-file="teams.csv"]').getByRole('button', { name: 'Use as lead table' }).click();
    await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: 30_000 }).toBe('2');
    await reportSettled(page);
    expect(await sources.first().getAttribute('data-file')).toBe('teams.csv');
    expect(await sources.first().textContent()).toContain('Lead table');
    expect(await page.getByRole('alert').count()).toBe(0);
    expectOnlyLocalRequests(visit);
    await close(visit);
  });

  test('a header holding HTML is shown as literal text, never run', async () => {
    const header = '<img src=x onerror=alert(1)>';
    const visit = await open();
    const { page } = visit;
    await reportSettled(page);

    // Values repeat so the profile lists them among the most common values.
    const file = `lead_id,owner,outcome,"${header}"\nH1,r1,Won,<b>bold</b>\nH2,r2,Lost,<b>bold</b>\nH3,r1,Lost,<script>alert(2)</script>\n`;
    await fileInput(page).setInputFiles(csv('html.csv', file));
    const row = page.locator(`allot-column-profile tr[data-column="${header}"]`);
    await row.waitFor({ timeout: 45_000 });
    await reportSettled(page);

    expect(await row.locator('th').textContent()).toBe(header);
    expect(await row.locator('.chip').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('<b>bold</b>')]));
    expect(await fieldSelect(page, 'value').locator('option').allTextContents()).toContain(header);
    expect(await page.locator('allot-app img').count()).toBe(0);
    expect(await page.locator('allot-data-step b, allot-data-step script').count()).toBe(0);
    expect(visit.dialogs).toEqual([]);
    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});
