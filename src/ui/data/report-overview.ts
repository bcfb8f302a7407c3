import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { conversionRate } from '../../data/lead-aggregates';
import type { QualityReport } from '../../model/quality';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';

type Tone = 'plain' | 'ok' | 'warn' | 'bad';

/** The report's headline figures: rows read / accepted / repaired / rejected, and the leads kept. */
@customElement('allot-report-overview')
export class ReportOverview extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) report!: QualityReport;

  static override styles = [
    shared,
    css`
      dl {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 12px;
        margin: 0;
      }
      .figure {
        border: 1px solid var(--border);
        border-left-width: 4px;
        border-radius: var(--radius);
        padding: 8px 12px;
        background: var(--surface);
      }
      .figure.ok {
        border-left-color: var(--ok);
      }
      .figure.warn {
        border-left-color: #d79a1b;
      }
      .figure.bad {
        border-left-color: var(--bad);
      }
      dt {
        font-size: 12px;
        color: var(--muted);
      }
      dd {
        margin: 2px 0 0;
        font-size: 22px;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 20px;
        margin-top: 12px;
        padding-top: 10px;
        border-top: 1px solid var(--border);
      }
      .summary div {
        display: flex;
        gap: 6px;
        align-items: baseline;
      }
      .summary dt {
        font-size: 13px;
      }
      .summary dd {
        font-size: 14px;
        margin: 0;
      }
    `,
  ];

  override render() {
    const { t, fmt } = this.i18n;
    const r = this.report;
    const s = r.summary;
    const rate = conversionRate(s);
    const figures: Array<{ key: string; label: string; value: number; tone: Tone }> = [
      { key: 'rowsRead', label: t.report.rowsRead, value: r.rowsRead, tone: 'plain' },
      { key: 'accepted', label: t.report.accepted, value: r.accepted, tone: 'ok' },
      { key: 'repaired', label: t.report.repaired, value: r.repaired, tone: r.repaired ? 'warn' : 'plain' },
      { key: 'rejected', label: t.report.rejected, value: r.rejected, tone: r.rejected ? 'bad' : 'plain' },
    ];
    const summary: Array<{ key: string; label: string; value: string }> = [
      { key: 'leads', label: t.report.leads, value: fmt.number(s.leads) },
      { key: 'owners', label: t.report.owners, value: fmt.number(s.owners) },
      { key: 'won', label: t.report.outcomes.won, value: fmt.number(s.won) },
      { key: 'lost', label: t.report.outcomes.lost, value: fmt.number(s.lost) },
      { key: 'open', label: t.report.outcomes.open, value: fmt.number(s.open) },
      { key: 'conversion', label: t.report.conversionRate, value: rate === null ? '–' : fmt.percent(rate) },
      { key: 'created', label: t.report.createdRange, value: s.firstCreated ? fmt.dateRange(s.firstCreated, s.lastCreated) : t.report.noDates },
    ];
    return html`<dl aria-label=${t.report.title}>
        ${figures.map(
          (f) => html`<div class="figure ${f.tone}" data-figure=${f.key}>
            <dt>${f.label}</dt>
            <dd>${fmt.number(f.value)}</dd>
          </div>`,
        )}
      </dl>
      <dl class="summary" aria-label=${t.report.summaryTitle}>
        ${summary.map(
          (item) => html`<div data-summary=${item.key}>
            <dt>${item.label}</dt>
            <dd>${item.value}</dd>
          </div>`,
        )}
      </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-report-overview': ReportOverview;
  }
}
