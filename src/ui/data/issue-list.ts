import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { IssueExample, IssueSeverity, QualityIssue } from '../../model/quality';
import type { I18n } from '../i18n';
import { shared } from '../styles/shared';

const SEVERITIES: IssueSeverity[] = ['rejected', 'repaired', 'warning'];

/** Issues grouped by severity, each worded in the user's language with its example rows. */
@customElement('allot-issue-list')
export class IssueList extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) issues: QualityIssue[] = [];

  static override styles = [
    shared,
    css`
      section + section {
        margin-top: 14px;
      }
      h4 {
        display: flex;
        align-items: center;
        gap: 6px;
        font-size: 13px;
        margin-bottom: 6px;
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
      }
      .rejected .dot {
        background: var(--bad);
      }
      .repaired .dot {
        background: #d79a1b;
      }
      .warning .dot {
        background: var(--muted);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      li {
        border: 1px solid var(--border);
        border-radius: var(--radius);
        padding: 8px 10px;
        overflow-wrap: anywhere;
      }
      .rejected li {
        background: var(--bad-soft);
        border-color: #f1c4bf;
      }
      .repaired li {
        background: var(--warn-soft);
        border-color: #efd9a6;
      }
      .count {
        float: right;
        margin-left: 8px;
        font-size: 12px;
        color: var(--muted);
        font-variant-numeric: tabular-nums;
      }
      table {
        margin-top: 6px;
        border-collapse: collapse;
        font-size: 12px;
      }
      th,
      td {
        text-align: left;
        padding: 1px 10px 1px 0;
        vertical-align: top;
      }
      th {
        color: var(--muted);
        font-weight: 500;
        white-space: nowrap;
      }
      td {
        font-family: var(--font-mono);
        white-space: pre-wrap;
      }
    `,
  ];

  override render() {
    const { t } = this.i18n;
    if (this.issues.length === 0) return html`<p class="muted">${t.report.noIssues}</p>`;
    return SEVERITIES.map((severity) => {
      const issues = this.issues.filter((i) => i.severity === severity);
      if (issues.length === 0) return nothing;
      const headingId = `issues-${severity}`;
      return html`<section class=${severity} data-severity=${severity} aria-labelledby=${headingId}>
        <h4 id=${headingId}><span class="dot" aria-hidden="true"></span>${t.report.severities[severity]} (${issues.length})</h4>
        <ul>
          ${issues.map((issue) => this.#issue(issue))}
        </ul>
      </section>`;
    });
  }

  #issue(issue: QualityIssue) {
    const { t, fmt } = this.i18n;
    return html`<li data-code=${issue.code}>
      ${issue.count > 0 ? html`<span class="count">${t.report.affected(fmt.number(issue.count))}</span>` : nothing}
      <span class="text">${this.i18n.issueText(issue)}</span>
      ${issue.examples.length
        ? html`<table aria-label=${t.report.examples}>
            <tbody>
              ${issue.examples.map((example) => this.#example(example))}
            </tbody>
          </table>`
        : nothing}
    </li>`;
  }

  #example(example: IssueExample) {
    const { t, fmt } = this.i18n;
    const where = example.row !== null ? t.report.row(fmt.number(example.row)) : example.line !== undefined ? t.report.line(fmt.number(example.line)) : '';
    return html`<tr>
      <th scope="row">${where}</th>
      <td>${example.value === null || example.value === '' ? t.report.emptyValue : example.value}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-issue-list': IssueList;
  }
}
