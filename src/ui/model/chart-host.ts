import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** What a chart was last drawn from: its width and key. */
interface Drawn {
  width: number;
  key: unknown;
  element: Element;
}

/** Keys are the same when identical, or arrays of identical entries (so `[estimates, i18n]` can be written inline). */
export function sameKey(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

/**
 * Draws waiting their turn, each in a task of its own. Past `FRAME_BUDGET_MS` of drawing, the next
 * waits for a frame, so that what was drawn is laid out and painted before more is added: a large
 * team's heatmap, demand and rep charts had been laid out in one 132 ms frame. Small charts (the
 * sample's) still all draw at once, one task each.
 */
const drawQueue: Array<() => void> = [];
const FRAME_BUDGET_MS = 25;
let spentThisFrame = 0;

function enqueueDraw(run: () => void): void {
  drawQueue.push(run);
  if (drawQueue.length === 1) nextDraw();
}

function nextDraw(): void {
  setTimeout(() => {
    const started = performance.now();
    try {
      drawQueue.shift()?.();
    } finally {
      // A chart that failed to draw does not keep the others from theirs.
      spentThisFrame += performance.now() - started;
      if (drawQueue.length === 0) spentThisFrame = 0;
      else if (spentThisFrame < FRAME_BUDGET_MS) nextDraw();
      else {
        spentThisFrame = 0;
        requestAnimationFrame(nextDraw);
      }
    }
  });
}

/**
 * Hosts one chart and draws it at the width it is given: `draw(width)` returns the chart element.
 * Steps build a new `draw` on every render, so a host given a `key` (what the chart is drawn from:
 * a value, or an array of values compared entry by entry) redraws only when the key or its width
 * changes; without one, a new `draw` redraws. A host that is not shown (its step hidden, so it has
 * no width) never draws: it catches up when shown again. Each draw runs in a task of its own.
 */
@customElement('allot-chart')
export class ChartHost extends LitElement {
  @property({ attribute: false }) draw: ((width: number) => Element) | null = null;
  @property({ attribute: false }) key: unknown = undefined;
  /** The width laid out for the host; 0 while it is not shown. */
  @state() private width = 0;
  #drawn: Drawn | null = null;
  #pending = false;
  #resize = new ResizeObserver(([entry]) => {
    this.width = Math.floor(entry?.contentRect.width ?? 0);
  });

  static override styles = css`
    :host {
      display: block;
    }
    figure {
      margin: 0;
      min-height: 40px;
    }
  `;

  override connectedCallback() {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  /** The chart to show: the one drawn last, with a redraw scheduled when it is out of date. */
  #chart(): Element | null {
    if (!this.draw) return (this.#drawn = null);
    if (this.width > 0 && !this.#current()) this.#scheduleDraw();
    return this.#drawn?.element ?? null;
  }

  #keyNow(): unknown {
    return this.key === undefined ? this.draw : this.key;
  }

  #current(): boolean {
    const drawn = this.#drawn;
    return !!drawn && drawn.width === this.width && sameKey(drawn.key, this.#keyNow());
  }

  /**
   * Hosts draw one at a time, each in a task of its own, large ones a frame apart (see `drawQueue`):
   * a step shown with five large charts would otherwise hold the page for the sum of their draws,
   * or for laying them all out in one frame. The last chart stays up meanwhile.
   */
  #scheduleDraw() {
    if (this.#pending) return;
    this.#pending = true;
    enqueueDraw(() => {
      this.#pending = false;
      const { draw, width } = this;
      if (!draw || width <= 0 || !this.isConnected || this.#current()) return;
      this.#drawn = { width, key: this.#keyNow(), element: draw(width) };
      this.requestUpdate();
    });
  }

  override render() {
    return html`<figure>${this.#chart() ?? ''}</figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-chart': ChartHost;
  }
}
