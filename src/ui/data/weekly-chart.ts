import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { WeeklyLeads } from '../../data/lead-aggregates';
import { leadsPerWeekChart } from '../charts/leads-per-week';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';

/** Hosts the leads-per-week chart and redraws it when the data, language or width change. */
@customElement('allot-weekly-chart')
export class WeeklyChart extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) rows: WeeklyLeads[] = [];
  @state() private width = 0;
  #resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width > 0 && width !== this.width) this.width = width;
  });

  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
        min-height: 40px;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  override render() {
    const { t, locale } = this.i18n;
    if (this.rows.length === 0) return html`<p class="muted small">${t.report.chartNoDates}</p>`;
    if (this.width === 0) return html`<figure></figure>`;
    const chart = leadsPerWeekChart(this.rows, {
      width: this.width,
      locale,
      labels: { outcomes: t.report.outcomes, weekOf: t.report.weekOf, leads: t.report.leadsAxis, title: t.report.chartTitle },
    });
    return html`<figure>${chart}</figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-weekly-chart': WeeklyChart;
  }
}
