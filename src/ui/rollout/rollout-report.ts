import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReadoutReport } from '../../experiment/readout-report';
import type { MonitorReport, MonitorWeek } from '../../experiment/monitor';
import { effectIntervalsChart, type EffectRow } from '../charts/effect-intervals';
import type { I18n } from '../i18n';
import '../model/chart-host';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import { perHundredFormat, sqlStamp } from './rollout-run';
import { rolloutReportStyles } from './rollout.styles';

const ARMS = ['control', 'candidate'] as const;

/**
 * A rollout's readout as a sales leader reads it (the CLI's `formatReadout`, in the UI's
 * language): the verdict, the period, the two arms, the leads left out and why, and the measured
 * effect beside Compare's forecast on one axis. Every name from the data is bound as text.
 */
@customElement('allot-rollout-report')
export class RolloutReport extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) report!: ReadoutReport & { monitor?: MonitorReport };

  static override styles = [shared, stepStyles, rolloutReportStyles];

  override render() {
    const report = this.report;
    const r = this.i18n.t.rollout;
    return html`
      <p class="verdict" data-testid="rollout-verdict" data-verdict=${report.verdict}>${r.verdicts[report.verdict]}</p>
      <div class="grid">
        <section class="panel" aria-labelledby="arms-title">${this.#arms(report)}</section>
        <section class="panel" aria-labelledby="effect-title">${this.#effect(report)}</section>
      </div>
      ${report.monitor ? html`<section class="panel" aria-labelledby="monitor-title" data-testid="rollout-monitor">${this.#monitor(report.monitor)}</section>` : nothing}
    `;
  }

  #arms(report: ReadoutReport) {
    const { t, fmt } = this.i18n;
    const r = t.rollout;
    const name = (policy: string) => (t.policies.policyNames as Record<string, string>)[policy] ?? policy;
    const days = fmt.number(report.windowDays);
    const { readout } = report;
    const { arms } = report;
    const by = arms.kind === 'column' ? r.armsByColumn(arms.column)
      : arms.kind === 'hash' ? r.armsByHash(fmt.percent(arms.share), arms.salt)
      : arms.kind === 'slot' ? r.armsBySlot(fmt.percent(arms.share), arms.column)
      : r.armsByWeek(fmt.percent(arms.share), arms.weekStart);
    return html`
      <h2 id="arms-title">${r.tableTitle}</h2>
      <p data-testid="rollout-headline">${r.headline(name(report.candidate), name(report.control))}</p>
      <p class="help" data-testid="rollout-by">${by}</p>
      <p class="help" data-testid="rollout-period">${r.period(fmt.dateRange(sqlStamp(report.firstCreatedMs), sqlStamp(report.lastCreatedMs)), fmt.date(sqlStamp(report.asOfMs)))}</p>
      <table class="arms" data-testid="rollout-arms">
        <thead>
          <tr>
            <th scope="col">${r.arm}</th>
            <th scope="col">${r.policy}</th>
            <th scope="col" class="num">${r.leads}</th>
            <th scope="col" class="num">${r.wonWithin(days)}</th>
            <th scope="col" class="num">${r.rate}</th>
          </tr>
        </thead>
        <tbody>
          ${ARMS.map((arm) => {
            const count = readout[arm];
            return html`<tr data-arm=${arm}>
              <th scope="row">${r.armNames[arm]}</th>
              <td>${name(report[arm])}</td>
              <td class="num" data-value="leads" data-raw=${count.leads}>${fmt.number(count.leads)}</td>
              <td class="num" data-value="converted" data-raw=${count.converted}>${fmt.number(count.converted)}</td>
              <td class="num" data-value="rate">${Number.isFinite(count.rate) ? fmt.percent(count.rate) : '–'}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      <h3>${r.leftOutTitle}</h3>
      <ul class="left-out" data-testid="rollout-left-out">${this.#leftOut(report)}</ul>
    `;
  }

  #leftOut(report: ReadoutReport) {
    const { t, fmt } = this.i18n;
    const r = t.rollout;
    const days = fmt.number(report.windowDays);
    const { tooYoung, unmatched, wonWithoutDate } = report.readout;
    const lines = [
      ...(tooYoung ? [['too-young', tooYoung, r.tooYoung(fmt.number(tooYoung), days)] as const] : []),
      ...(unmatched ? [['unmatched', unmatched, r.unmatched(fmt.number(unmatched))] as const] : []),
      ...(report.withoutArm ? [['without-arm', report.withoutArm, r.withoutArm(fmt.number(report.withoutArm))] as const] : []),
    ];
    const items = lines.length ? lines.map(([reason, count, text]) => html`<li data-reason=${reason} data-raw=${count}>${text}</li>`) : html`<li data-reason="none">${r.noneLeftOut}</li>`;
    // Not left out, but counted on an assumption the leader should know of.
    const assumed = wonWithoutDate ? html`<li data-reason="won-without-date" data-raw=${wonWithoutDate}>${r.wonWithoutDate(fmt.number(wonWithoutDate), days)}</li>` : nothing;
    return html`${items}${assumed}`;
  }

  #monitor(monitor: MonitorReport) {
    const { t, fmt } = this.i18n;
    const m = t.rollout.monitor;
    const days = fmt.number(monitor.windowDays);
    const whole = (x: number) => fmt.number(Math.round(x));
    const outside = monitor.reps.filter((rep) => rep.outside && rep.forecast);
    return html`
      <h2 id="monitor-title">${m.title}</h2>
      <p class="help">${m.help(days)}</p>
      <table class="arms monitor" data-testid="rollout-weeks">
        <thead><tr>
          <th scope="col">${m.weekOf}</th><th scope="col" class="num">${m.leads}</th><th scope="col" class="num">${m.won}</th>
          <th scope="col" class="num">${m.band}</th><th scope="col" class="num">${m.sla}</th><th scope="col">${m.flag}</th>
        </tr></thead>
        <tbody>${monitor.weeks.map((w) => html`<tr data-week=${w.week} data-outside=${w.outside ?? ''}>
          <th scope="row">${fmt.date(sqlStamp(w.fromMs))}</th>
          <td class="num">${fmt.number(w.leads)}</td>
          ${w.complete
            ? html`<td class="num">${fmt.number(w.won)}</td><td class="num">${whole(w.lo)} … ${whole(w.hi)}</td>
                <td class="num">${Number.isNaN(w.slaBreachRate) ? m.noTouches : fmt.percent(w.slaBreachRate)}</td>
                <td>${w.outside ? m.flagged(m[w.outside], movedText(w, this.i18n)) : ''}</td>`
            : html`<td colspan="4" class="help">${m.notJudged(days)}</td>`}
        </tr>`)}</tbody>
      </table>
      <h3>${m.repsTitle}</h3>
      <p class="help" data-testid="rollout-reps">${outside.length
        ? `${m.repsOutside} ${outside.map((rep) => m.repLoad(rep.rep, fmt.number(Math.round(rep.leadsPerWeek * 10) / 10), fmt.number(Math.round(rep.forecast!.lo * 10) / 10), fmt.number(Math.round(rep.forecast!.hi * 10) / 10), m[rep.outside!])).join('; ')}`
        : m.repsInside}</p>
    `;
  }

  #effect(report: ReadoutReport) {
    const { t, fmt } = this.i18n;
    const r = t.rollout;
    const { readout, forecast } = report;
    const f = perHundredFormat(this.i18n.locale);
    const rows: EffectRow[] = [
      { label: r.measured, mean: readout.effect, lo: readout.low, hi: readout.high, measured: true },
      ...(forecast ? [{ label: r.forecastRow, mean: forecast.mean, lo: forecast.lo, hi: forecast.hi, measured: false }] : []),
    ];
    return html`
      <h2 id="effect-title">${r.effectTitle}</h2>
      <p class="help">${r.effectHelp(fmt.number(report.windowDays))}</p>
      <allot-chart
        data-chart="rollout-effect"
        .draw=${(width: number) => effectIntervalsChart(rows, { width, format: f, labels: { title: r.chartTitle, axis: r.chartAxis, interval: r.interval } })}
      ></allot-chart>
      <p data-testid="rollout-effect" data-effect=${readout.effect} data-low=${readout.low} data-high=${readout.high}>${r.effect(f(readout.effect), f(readout.low), f(readout.high), fmt.number(readout.segments))}</p>
      ${forecast
        ? html`<p data-testid="rollout-forecast" data-mean=${forecast.mean}>${r.forecast(f(forecast.mean), f(forecast.lo), f(forecast.hi), fmt.number(forecast.replications))}</p>`
        : nothing}
    `;
  }
}

export function movedText(week: MonitorWeek, i18n: I18n): string {
  const m = i18n.t.rollout.monitor;
  const { fmt } = i18n;
  if (!week.moved) return '';
  return week.moved.kind === 'rep_rate'
    ? m.repRate(week.moved.rep, fmt.number(week.moved.won), fmt.number(week.moved.leads), fmt.number(Math.round(week.moved.expected * 10) / 10))
    : m.segmentVolume(week.moved.segment.replaceAll('|', ' · '), fmt.number(week.moved.leads), fmt.number(Math.round(week.moved.expected)));
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-rollout-report': RolloutReport;
  }
}
