import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** Hosts one chart and redraws it at the width it is given: `draw(width)` returns the chart element. */
@customElement('allot-chart')
export class ChartHost extends LitElement {
  @property({ attribute: false }) draw: ((width: number) => Element) | null = null;
  @state() private width = 0;
  #resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== this.width) this.width = width;
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

  override render() {
    return html`<figure>${this.width > 0 && this.draw ? this.draw(this.width) : ''}</figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-chart': ChartHost;
  }
}
