import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { bigLeadsCsv, type BigCsv } from './support/big-csv';
import { SAMPLE_CSV, readSample } from './support/sample-files';
import {
  close,
  expectOnlyLocalRequests,
  fieldSelect,
  figure,
  fileInput,
  formatCount,
  useWorkbench,
  phase,
  reportSettled,
  screenshot,
} from './support/workbench';

/** Where the big-file test leaves its timings, for people comparing runs. */
const TIMINGS = 'test-results/big-file-timings.json';
/** Generous: the load takes about 20 s on a 2-core machine; the point is that it finishes. */
const BIG_LOAD_TIMEOUT = 170_000;

interface PhaseSeen {
  kind: string;
  text: string;
  at: number;
}

describe('a big export on the Data step', () => {
  const open = useWorkbench();
  let big: BigCsv;
  beforeAll(async () => {
    big = await bigLeadsCsv((line) => console.log(`big-file e2e: ${line}`));
  }, 240_000);

  test(
    'a ~200 MB CSV loads with progress shown, the report counts every row, and the workbench stays usable',
    async () => {
      expect(big.bytes).toBeGreaterThan(190e6);
      const sample = readSample(SAMPLE_CSV);
      const visit = await open();
      const { page } = visit;
      await reportSettled(page);
      await recordPhases(page);
      const memory = sampleChromiumMemory();

      const started = performance.now();
      await fileInput(page).setInputFiles(big.file);
      await phase(page).waitFor({ timeout: 30_000 });
      // The sample's report stays on screen while the big file is read and mapped.
      await page.locator('allot-data-step [role="status"] [data-phase="mapping"]').waitFor({ timeout: BIG_LOAD_TIMEOUT });
      expect(await figure(page, 'rowsRead').textContent()).toBe(formatCount(sample.rows.length));
      expect(await page.locator('allot-data-step .main').getAttribute('aria-busy')).toBe('true');
      await screenshot(page, 'data-big-file-loading');

      await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: BIG_LOAD_TIMEOUT, interval: 250 }).toBe(formatCount(big.dataRows));
      const seconds = (performance.now() - started) / 1000;
      await reportSettled(page);
      const peakMB = memory.stop();
      const phases = await page.evaluate(() => (window as unknown as { __allotPhases: PhaseSeen[] }).__allotPhases);

      const name = path.basename(big.file);
      const reading = phases.find((p) => p.kind === 'reading');
      const mapping = phases.find((p) => p.kind === 'mapping');
      expect(reading?.text).toContain(name);
      expect(reading?.text).toMatch(/\d+ MB/);
      expect(mapping?.text).toContain(formatCount(big.dataRows));
      expect(mapping?.text).toMatch(/\d+ MB/);
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.locator(`allot-source-list [data-file="${name}"]`).textContent()).toContain(formatCount(big.dataRows));
      // Over 100k rows distinct values are estimated, and the profile says so.
      expect(await page.locator('allot-column-profile tr[data-column="lead_id"] [data-stat="distinct"]').textContent()).toContain('≈');
      await screenshot(page, 'data-big-file');
      await screenshot(page, 'data-big-file-full', true);

      // Usable afterwards: a mapping edit re-maps the big file, and "not mapped" stays unmapped.
      const remapStarted = performance.now();
      await fieldSelect(page, 'owner').selectOption('');
      await page.locator('[data-code="unmapped_required_field"]').waitFor({ timeout: BIG_LOAD_TIMEOUT });
      await reportSettled(page, BIG_LOAD_TIMEOUT);
      const remapSeconds = (performance.now() - remapStarted) / 1000;
      expect(await fieldSelect(page, 'owner').inputValue()).toBe('');
      expect(await figure(page, 'rowsRead').textContent()).toBe(formatCount(big.dataRows));

      // A file that fails at mapping: the big file's leads are mapped back (with the edit kept).
      const failedStarted = performance.now();
      await fileInput(page).setInputFiles({ name: 'one-column.csv', mimeType: 'text/csv', buffer: Buffer.from('name\nAda\nGrace\n') });
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), { timeout: BIG_LOAD_TIMEOUT }).toContain('one-column.csv');
      await reportSettled(page);
      const failedSeconds = (performance.now() - failedStarted) / 1000;
      const afterFailure = await page.evaluate(() => (window as unknown as { __allotPhases: PhaseSeen[] }).__allotPhases);
      expect(afterFailure.some((p) => p.kind === 'restoring')).toBe(true);
      expect(await figure(page, 'rowsRead').textContent()).toBe(formatCount(big.dataRows));
      expect(await fieldSelect(page, 'owner').inputValue()).toBe('');
      expect(await page.locator(`allot-source-list [data-file="${name}"]`).count()).toBe(1);
      await screenshot(page, 'data-big-file-error');
      await alert.getByRole('button', { name: 'Dismiss' }).click();

      await page.getByRole('button', { name: '中文' }).click();
      await expect.poll(() => page.locator('allot-data-step h1').textContent()).toBe('数据');
      expect(await page.locator('[data-figure="rowsRead"] dt').textContent()).toBe('读取行数');

      const sampleStarted = performance.now();
      await fileInput(page).setInputFiles(SAMPLE_CSV);
      await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: 60_000 }).toBe(formatCount(sample.rows.length, 'zh-CN'));
      await reportSettled(page);
      const sampleSeconds = (performance.now() - sampleStarted) / 1000;
      expect(await fieldSelect(page, 'owner').inputValue()).toBe('owner');

      const timings = {
        file: name,
        bytes: big.bytes,
        rows: big.dataRows,
        loadSeconds: round(seconds),
        rowsPerSecond: Math.round(big.dataRows / seconds),
        phases: phases.map((p, i) => ({ kind: p.kind, seconds: round(((phases[i + 1]?.at ?? p.at) - p.at) / 1000) })),
        remapSeconds: round(remapSeconds),
        failedLoadWithRestoreSeconds: round(failedSeconds),
        sampleAfterSeconds: round(sampleSeconds),
        chromiumPeakRssMB: peakMB,
      };
      console.log(`big-file e2e: ${JSON.stringify(timings)}`);
      mkdirSync(path.dirname(TIMINGS), { recursive: true });
      writeFileSync(TIMINGS, `${JSON.stringify(timings, null, 2)}\n`);
      expectOnlyLocalRequests(visit);
      await close(visit);
    },
    3 * BIG_LOAD_TIMEOUT,
  );

  test('a file over the browser limit is refused before it is read, naming its size and the CLI', async () => {
    const sample = readSample(SAMPLE_CSV);
    // ?maxFileMB=1 is the page's test hook: the same refusal as for a file over the real limit, with 2 MB.
    const visit = await open({ path: '/?maxFileMB=1', initScript: recordFileReads });
    const { page } = visit;
    await reportSettled(page);

    const header = 'lead_id,created_at,owner,region,outcome,value\n';
    const row = 'L-1,2025-01-06 09:00:00,rep-01,East,won,1000\n';
    const twoMB = Buffer.from(header + row.repeat(Math.ceil((2 * 1024 * 1024 - header.length) / row.length)));
    await fileInput(page).setInputFiles({ name: 'export 2026.csv', mimeType: 'text/csv', buffer: twoMB });
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    const message = await alert.textContent();
    expect(message).toContain('export 2026.csv');
    expect(message).toContain('2 MB');
    expect(message).toContain('1 MB');
    expect(message).toContain("npm run -s allot -- inspect 'export 2026.csv'");
    expect(message).toContain('The data loaded before is still in use.');
    expect(await phase(page).count()).toBe(0);
    expect(await figure(page, 'rowsRead').textContent()).toBe(formatCount(sample.rows.length));
    expect(await fileReads(page)).toEqual([]);
    await screenshot(page, 'data-too-big');

    // A file under the limit is read as usual, which shows the recorder would have seen a read.
    await fileInput(page).setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from('lead_id,owner,outcome\nS1,r1,Won\nS2,r2,Lost\n') });
    await expect.poll(() => figure(page, 'rowsRead').textContent(), { timeout: 30_000 }).toBe('2');
    await reportSettled(page);
    expect(await alert.count()).toBe(0);
    expect(await fileReads(page)).toEqual(['small.csv']);
    expectOnlyLocalRequests(visit);
    await close(visit);
  });
});

/**
 * Runs in the page before its scripts: notes the name of every File whose contents are read here,
 * or that is handed to a worker (the engine worker reads the files it is sent).
 */
function recordFileReads(): void {
  const reads: string[] = [];
  (window as unknown as { __allotFileReads: string[] }).__allotFileReads = reads;
  const note = (blob: Blob) => blob instanceof File && reads.push(blob.name);
  for (const method of ['arrayBuffer', 'text', 'stream', 'slice', 'bytes'] as const) {
    const original = (Blob.prototype as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[method];
    if (!original) continue;
    Object.defineProperty(Blob.prototype, method, {
      configurable: true,
      writable: true,
      value(this: Blob, ...args: unknown[]) {
        note(this);
        return original.apply(this, args);
      },
    });
  }
  const post = Worker.prototype.postMessage as (this: Worker, message: unknown, ...rest: unknown[]) => void;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const files = (message as { params?: { files?: unknown[] } } | null)?.params?.files ?? [];
    for (const file of files) if (file instanceof Blob) note(file);
    return post.call(this, message, ...rest);
  } as never;
  for (const method of ['readAsArrayBuffer', 'readAsText', 'readAsDataURL', 'readAsBinaryString'] as const) {
    const original = FileReader.prototype[method] as (this: FileReader, blob: Blob, ...rest: unknown[]) => void;
    FileReader.prototype[method] = function (this: FileReader, blob: Blob, ...rest: unknown[]) {
      note(blob);
      return original.call(this, blob, ...rest);
    } as never;
  }
}

function fileReads(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set((window as unknown as { __allotFileReads: string[] }).__allotFileReads)]);
}

/** Records every step the progress line shows, with its time, into `window.__allotPhases`. */
async function recordPhases(page: Page): Promise<void> {
  await page.evaluate(() => {
    const step = document.querySelector('allot-app')!.shadowRoot!.querySelector('allot-data-step')!;
    const status = step.shadowRoot!.querySelector('[role="status"]')!;
    const seen: PhaseSeen[] = [];
    (window as unknown as { __allotPhases: PhaseSeen[] }).__allotPhases = seen;
    const look = () => {
      const shown = status.querySelector('[data-phase]');
      const kind = shown?.getAttribute('data-phase') ?? 'idle';
      const text = shown?.textContent ?? '';
      const last = seen[seen.length - 1];
      if (!last || last.kind !== kind || last.text !== text) seen.push({ kind, text, at: performance.now() });
    };
    new MutationObserver(look).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
    look();
  });
}

/**
 * Samples the resident memory of all Chromium processes every half second (diagnostic only:
 * it counts whatever Chromium runs on the machine). `stop` returns the peak in MB.
 */
function sampleChromiumMemory(): { stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf-8' });
      peak = Math.max(peak, out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0));
    } catch {
      // ps finds no such process, or is missing: no figure.
    }
  };
  const timer = setInterval(sample, 500);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peak / 1024);
    },
  };
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
