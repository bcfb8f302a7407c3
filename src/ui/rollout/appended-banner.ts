import { css, html, nothing } from 'lit';
import type { I18n } from '../i18n';

/** What the Rollout step's re-estimate added to the history: its files, rows and creation period (epoch ms). */
export interface AppendedLeads {
  files: string[];
  rows: number;
  from: number;
  to: number;
}

/**
 * The line the shell shows above every step after a re-estimate, so the Model and Compare steps
 * the user lands on say what their figures now include. Dismissable; other data clears it.
 */
export function appendedBanner(i18n: I18n, added: AppendedLeads | null, dismiss: () => void) {
  if (!added) return nothing;
  const { t, fmt } = i18n;
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  return html`<div class="banner" role="status" data-testid="appended-banner">
    <span>${t.design.reestimate.done(fmt.number(added.rows), fmt.dateRange(stamp(added.from), stamp(added.to)), added.files.join(', '))}</span>
    <button type="button" @click=${dismiss}>${t.data.dismiss}</button>
  </div>`;
}

export const appendedBannerStyles = css`
  .banner {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    max-width: 1440px;
    width: 100%;
    margin: 12px auto 0;
    padding: 8px 24px;
    font-size: 13px;
    background: var(--accent-soft);
    border-left: 4px solid var(--accent);
  }
`;
