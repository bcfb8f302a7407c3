import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { WeeklyLeads } from '../../data/lead-aggregates';
import { leadsPerWeekChart } from '../charts/leads-per-week';
import type { I18n } from '../i18n';
import '../model/chart-host';
import { shared } from '../styles/shared';

/** The leads-per-week chart, drawn by the shared chart host at its width; redrawn when the data or language change. */
@customElement('allot-weekly-chart')
export class WeeklyChart extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) rows: WeeklyLeads[] = [];

  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
    `,
  ];

  override render() {
    const { t, locale } = this.i18n;
    if (this.rows.length === 0) return html`<p class="muted small">${t.report.chartNoDates}</p>`;
    const labels = { outcomes: t.report.outcomes, weekOf: t.report.weekOf, leads: t.report.leadsAxis, title: t.report.chartTitle };
    return html`<allot-chart .draw=${(width: number) => leadsPerWeekChart(this.rows, { width, locale, labels })}></allot-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-weekly-chart': WeeklyChart;
  }
}
