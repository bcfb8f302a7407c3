/**
 * The notebook runtime: each cell is a `<section data-cell="id">` holding its prose in the page,
 * and a module whose source is shown (imported `?raw`) and then run (imported as code), so the
 * code a reader sees is the code that produced the output under it.
 *
 * A cell's state is on its section (`data-state`: running, done, error), so a person sees which
 * cell failed and why, and the end-to-end test knows when the page has finished.
 */

/** Appends something to the cell's output, as Observable's `display` does. Strings are shown as text, never as HTML. */
export type Display = (view: Node | string) => void;

export interface Notebook {
  /**
   * Runs the cell `id`: shows `source`, then whatever `run` displays; resolves to what `run`
   * returns, so later cells can await it. A failure is shown in the cell and rejects with a
   * `CellFailed`, which a dependent cell shows as "needs cell …".
   */
  cell<T>(id: string, source: string, run: (display: Display) => Promise<T> | T): Promise<T>;
  /** Marks every section no cell ran as an error, and the page as finished (`<body data-notebook="done">`). */
  finish(): Promise<void>;
}

export class CellFailed extends Error {
  constructor(readonly cell: string, readonly reason: unknown) {
    super(`cell "${cell}" failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'CellFailed';
  }
}

export function notebook(root: ParentNode = document): Notebook {
  const running = new Set<Promise<unknown>>();
  const ran = new Set<string>();
  return {
    cell<T>(id: string, source: string, run: (display: Display) => Promise<T> | T): Promise<T> {
      ran.add(id);
      const section = sectionOf(root, id);
      section.dataset.state = 'running';
      section.append(codeBlock(source));
      const output = element('div', 'output');
      section.append(output);
      const display: Display = (view) => output.append(typeof view === 'string' ? element('p', 'text', view) : view);
      const started = performance.now();
      const result = (async () => {
        try {
          const value = await run(display);
          section.dataset.state = 'done';
          section.append(element('p', 'timing', `ran in ${Math.round(performance.now() - started)} ms`));
          return value;
        } catch (error) {
          section.dataset.state = 'error';
          output.append(errorBox(error));
          throw error instanceof CellFailed ? new CellFailed(id, error.message) : new CellFailed(id, error);
        }
      })();
      // The failure is on screen already; a cell nobody awaits must not also be an unhandled rejection.
      result.catch(() => {});
      running.add(result);
      return result;
    },
    async finish() {
      await Promise.allSettled(running);
      for (const section of root.querySelectorAll<HTMLElement>('section[data-cell]')) {
        if (ran.has(section.dataset.cell!)) continue;
        section.dataset.state = 'error';
        section.append(errorBox(new Error(`cell "${section.dataset.cell}" has prose but no code: the page's script never ran it.`)));
      }
      document.body.dataset.notebook = 'done';
    },
  };
}

function sectionOf(root: ParentNode, id: string): HTMLElement {
  const found = root.querySelector<HTMLElement>(`section[data-cell="${CSS.escape(id)}"]`);
  if (found) return found;
  // A cell without prose still runs, visibly, at the end of the page, rather than nowhere.
  const section = element('section');
  section.dataset.cell = id;
  section.append(element('h2', undefined, id), errorBox(new Error(`no <section data-cell="${id}"> in the page for this cell's prose.`)));
  (document.querySelector('main') ?? document.body).append(section);
  return section;
}

function codeBlock(source: string): HTMLElement {
  const details = element('details', 'code');
  details.open = true;
  details.append(element('summary', undefined, 'code'));
  const pre = element('pre');
  pre.append(element('code', undefined, source.trimEnd()));
  details.append(pre);
  return details;
}

function errorBox(error: unknown): HTMLElement {
  const box = element('div', 'error');
  box.setAttribute('role', 'alert');
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  box.append(element('strong', undefined, message));
  if (error instanceof Error && error.stack && !(error instanceof CellFailed)) box.append(element('pre', undefined, error.stack));
  return box;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
