import { html } from 'lit';
import type { I18n } from '../i18n';

/**
 * How a step shows the run it could not finish: once, in the UI's language (an engine fault as
 * plainly as a setting the data cannot honour), with a retry. The step does not run again by
 * itself until something it depends on changes; the retry is the user's.
 */
export function runErrorAlert(i18n: I18n, title: string, error: unknown, retry: () => void) {
  return html`<div class="alert" role="alert" data-testid="run-error">
    <strong>${title}</strong>
    <p>${i18n.errorText(error)}</p>
    <button type="button" class="retry" @click=${retry}>${i18n.t.app.retry}</button>
  </div>`;
}
