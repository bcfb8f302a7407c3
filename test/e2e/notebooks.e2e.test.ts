import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { close, expectOnlyLocalRequests, screenshot, useWorkbench } from './support/workbench';

/**
 * The analysts' notebooks (issue 7), built into dist/notebooks/ and opened from their table of
 * contents: every cell must finish without an error, every chart must have drawn its data marks,
 * nothing may be logged as an error, and nothing may leave localhost.
 */
interface NotebookPage {
  file: string;
  title: string;
  /** Every cell of the page, in order. */
  cells: string[];
  /** The chart cells, each with the Plot marks (by aria-label) that must have drawn shapes. */
  charts: Record<string, string[]>;
}

const NOTEBOOKS: NotebookPage[] = [
  {
    file: 'explore-leads.html',
    title: 'Exploring the leads',
    cells: ['load', 'volume', 'conversion-by-source', 'response-time'],
    charts: { volume: ['area'], 'conversion-by-source': ['bar', 'rule', 'text'], 'response-time': ['dot', 'line', 'rule'] },
  },
  {
    file: 'model.html',
    title: 'The model',
    cells: ['load', 'estimates', 'shrinkage', 'recovery', 'calibration'],
    charts: { estimates: ['rule', 'dot'], shrinkage: ['arrow', 'dot'], recovery: ['arrow', 'dot', 'tick'], calibration: ['rule', 'tick', 'dot'] },
  },
  {
    file: 'policies.html',
    title: 'Comparing policies',
    cells: ['load', 'simulate', 'frontier'],
    charts: { simulate: ['rule', 'dot'], frontier: ['line', 'dot', 'text'] },
  },
];

const DONE_TIMEOUT = 120_000;

/** Per chart cell: the aria-label of each Plot mark group and how many shapes it drew (axes, grids and frames left out). */
function drawnMarks(page: Page, cell: string): Promise<Record<string, number>> {
  return page.evaluate((id) => {
    const marks: Record<string, number> = {};
    const section = document.querySelector(`section[data-cell="${id}"]`)!;
    for (const group of section.querySelectorAll('.output svg g[aria-label]')) {
      const label = group.getAttribute('aria-label')!;
      if (/axis|grid|frame/.test(label)) continue;
      marks[label] = (marks[label] ?? 0) + group.querySelectorAll('path, circle, rect, line, text').length;
    }
    return marks;
  }, cell);
}

describe('the analysts’ notebooks', () => {
  const open = useWorkbench();

  test('the table of contents links every notebook and says what it is for', async () => {
    const visit = await open({ path: '/notebooks/index.html' });
    const links = await visit.page.locator('dl.toc dt a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    expect(links.map((l) => l.href?.replace('./', ''))).toEqual(expect.arrayContaining(NOTEBOOKS.map((n) => n.file)));
    for (const link of links) expect(NOTEBOOKS.map((n) => n.title), `${link.href} is in the contents but not tested here`).toContain(link.text);
    const descriptions = await visit.page.locator('dl.toc dd').allTextContents();
    expect(descriptions).toHaveLength(links.length);
    for (const d of descriptions) expect(d.trim().length).toBeGreaterThan(60);
    await close(visit);
  });

  for (const notebook of NOTEBOOKS) {
    test(`${notebook.title}: every cell runs, every chart draws, offline and without console errors`, async () => {
      const visit = await open({ path: '/notebooks/index.html' });
      const { page } = visit;
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      await page.getByRole('link', { name: notebook.title }).click();
      await page.locator('body[data-notebook="done"]').waitFor({ timeout: DONE_TIMEOUT });

      const states = await page.locator('section[data-cell]').evaluateAll((sections) =>
        sections.map((s) => ({ cell: (s as HTMLElement).dataset.cell, state: (s as HTMLElement).dataset.state, error: s.querySelector('.error')?.textContent ?? null })),
      );
      expect(states).toEqual(notebook.cells.map((cell) => ({ cell, state: 'done', error: null })));

      for (const cell of notebook.cells) {
        // What is shown is the cell's source: its code block is not empty and holds the module's default export.
        const code = await page.locator(`section[data-cell="${cell}"] details.code pre`).textContent();
        expect(code, cell).toMatch(/export default (async )?function/);
      }
      for (const [cell, marks] of Object.entries(notebook.charts)) {
        const drawn = await drawnMarks(page, cell);
        for (const mark of marks) expect(drawn[mark] ?? 0, `${cell}: ${mark} marks drawn`).toBeGreaterThan(0);
      }
      await screenshot(page, `notebook-${notebook.file.replace('.html', '')}`, true);
      expect(consoleErrors).toEqual([]);
      expectOnlyLocalRequests(visit);
      await close(visit);
    }, DONE_TIMEOUT + 30_000);
  }
});
