import { html, nothing } from 'lit';
import type { Comparison } from '../../simulate';
import { fairnessFrontierChart } from '../charts/fairness-frontier';
import { firstTouchChart } from '../charts/first-touch';
import { lorenzCurveChart } from '../charts/lorenz-curve';
import { metricIntervalsChart, type MetricRow } from '../charts/metric-intervals';
import { repLoadChart } from '../charts/rep-load';
import type { FrontierView, PlanView } from '../../pipeline';
import type { I18n } from '../i18n';
import '../model/chart-host';
import type { Interval, MetricName, PolicySummary } from '../../model/comparison';

/** The metrics a user reads first, with how each is written. */
export const HEADLINE = ['conversions', 'revenue', 'conversionRate'] as const;
export type HeadlineMetric = (typeof HEADLINE)[number];

/** Axis ticks of amounts in the millions stay short: 16M, 1,600万. */
function tickFormat(i18n: I18n, metric: MetricName): ((x: number) => string) | undefined {
  if (metric !== 'revenue') return undefined;
  const compact = new Intl.NumberFormat(i18n.locale, { notation: 'compact', maximumFractionDigits: 1 });
  return (x) => compact.format(x);
}

export function metricFormat(i18n: I18n, metric: MetricName): (x: number) => string {
  const { fmt } = i18n;
  if (metric === 'conversionRate' || metric === 'slaBreachRate') return fmt.percent;
  if (metric === 'revenue') return (x) => fmt.number(Math.round(x));
  return (x) => fmt.number(Math.round(x * 10) / 10);
}

export function policyLabel(i18n: I18n, name: string): string {
  return (i18n.t.policies.policyNames as Record<string, string>)[name] ?? name;
}

function rowsOf(i18n: I18n, c: Comparison, pick: (p: PolicySummary) => Interval, emphasis: (p: PolicySummary) => boolean): MetricRow[] {
  return c.policies.map((p) => ({ label: policyLabel(i18n, p.name), ...pick(p), emphasis: emphasis(p) }));
}

/** A table cell's "mean lo … hi"; `signed` for differences (+3). */
export function intervalCell(i18n: I18n, metric: MetricName, i: Interval, signed = false) {
  const f = metricFormat(i18n, metric);
  const s = (x: number) => (signed && x > 0 ? '+' : '') + f(x);
  return html`<span class="mean">${s(i.mean)}</span> <span class="range">${s(i.lo)} … ${s(i.hi)}</span>`;
}

/** The table: per policy the headline metrics with their intervals, and the paired difference in conversions. */
export function policyTable(i18n: I18n, c: Comparison) {
  const { t } = i18n;
  const range = (metric: MetricName, i: Interval, signed = false) => intervalCell(i18n, metric, i, signed);
  return html`<table class="policies">
    <thead>
      <tr>
        <th scope="col">${t.compare.policy}</th>
        ${HEADLINE.map((m) => html`<th scope="col">${t.compare.metrics[m]}</th>`)}
        <th scope="col">${t.compare.vsBaseline(policyLabel(i18n, c.baseline))}</th>
        <th scope="col" data-metric="routed-aside">${t.compare.routedAside}</th>
      </tr>
    </thead>
    <tbody>
      ${c.policies.map(
        (p) => html`<tr data-policy=${p.name} class=${p.name === c.baseline ? 'baseline' : ''}>
          <th scope="row">${policyLabel(i18n, p.name)}</th>
          ${HEADLINE.map((m) => html`<td class="num" data-metric=${m}>${range(m, p.metrics[m])}</td>`)}
          <td class="num" data-metric="delta">${p.name === c.baseline ? t.compare.isBaseline : range('conversions', p.vsBaseline.conversions, true)}</td>
          <td class="num" data-metric="routed-aside">${routedAside(i18n, p)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** "4.2% / 0.3%": the mean shares of the leads that reached the fallback rule, and that were left in a queue. */
function routedAside(i18n: I18n, p: PolicySummary) {
  const { percent } = i18n.fmt;
  return html`<span data-part="fallback">${percent(p.metrics.fallbackShare.mean)}</span> / <span data-part="queued">${percent(p.metrics.unassignedShare.mean)}</span>`;
}

export function forecastCharts(i18n: I18n, c: Comparison) {
  const { t } = i18n;
  return html`<div class="trio">
    ${HEADLINE.map(
      (m) => html`<div data-chart=${`forecast-${m}`}>
        <h3>${t.compare.metrics[m]}</h3>
        <allot-chart
          .key=${[c, i18n]}
          .draw=${(width: number) =>
            metricIntervalsChart(rowsOf(i18n, c, (p) => p.metrics[m], (p) => p.name === 'optimized'), { width, format: metricFormat(i18n, m), tickFormat: tickFormat(i18n, m), labels: { title: t.compare.metrics[m], axis: '', interval: t.compare.interval } })}
        ></allot-chart>
      </div>`,
    )}
  </div>`;
}

export function pairedChart(i18n: I18n, c: Comparison, metric: HeadlineMetric) {
  const { t } = i18n;
  const rows = rowsOf(i18n, { ...c, policies: c.policies.filter((p) => p.name !== c.baseline) }, (p) => p.vsBaseline[metric], (p) => p.vsBaseline[metric].lo > 0);
  const f = metricFormat(i18n, metric);
  return html`<allot-chart
    data-chart="paired"
    .key=${[c, i18n, metric]}
    .draw=${(width: number) => metricIntervalsChart(rows, { width, zero: true, format: (x) => (x > 0 ? '+' : '') + f(x), tickFormat: tickFormat(i18n, metric), labels: { title: t.compare.pairedTitle, axis: t.compare.metrics[metric], interval: t.compare.interval } })}
  ></allot-chart>`;
}

/** The reps the fairness metrics are measured over: the active team, and anyone else who received leads. */
function teamReps(c: Comparison, p: PolicySummary) {
  return p.reps.filter((r, i) => {
    const w = c.world.reps[i]!;
    return (w.inRoster && w.active && !w.absent) || r.leads.mean > 0;
  });
}

export function repLoad(i18n: I18n, c: Comparison, policy: string) {
  const { t, fmt } = i18n;
  const p = c.policies.find((x) => x.name === policy) ?? c.policies[0]!;
  const weeks = c.world.horizon.weeks;
  const rows = p.reps.flatMap((r, i) => {
    const w = c.world.reps[i]!;
    if (!w.inRoster && r.leads.mean === 0) return [];
    return [{ name: r.name || r.id, load: r.leads.mean / weeks, lo: r.leads.lo / weeks, hi: r.leads.hi / weeks, capacity: r.capacityPerWeek, absent: w.absent }];
  });
  return html`<allot-chart
    data-chart="rep-load"
    .key=${[c, i18n, p]}
    .draw=${(width: number) => repLoadChart(rows, { width, format: fmt.number, labels: { title: t.compare.repLoadTitle, load: t.policies.load, capacity: t.policies.capacityAxis, interval: t.compare.interval, absent: t.policies.absent } })}
  ></allot-chart>`;
}

export function lorenzCharts(i18n: I18n, c: Comparison) {
  const { t, fmt } = i18n;
  const chart = (kind: 'leads' | 'value') => {
    const series = c.policies.map((p) => ({
      label: policyLabel(i18n, p.name),
      amounts: teamReps(c, p).map((r) => (kind === 'leads' ? r.leads.mean : r.expectedValue.mean)),
      gini: p.metrics[kind === 'leads' ? 'giniLeads' : 'giniValue'].mean,
    }));
    const title = kind === 'leads' ? t.compare.lorenzLeads : t.compare.lorenzValue;
    return html`<div data-chart=${`lorenz-${kind}`}>
      <h3>${title}</h3>
      <allot-chart .key=${[c, i18n]} .draw=${(width: number) => lorenzCurveChart(series, { width, percent: fmt.percent, labels: { title, reps: t.compare.repsAxis, amount: t.compare.shareAxis, equality: t.compare.equality } })}></allot-chart>
    </div>`;
  };
  return html`<div class="pair">${chart('leads')}${chart('value')}</div>`;
}

export function touchCharts(i18n: I18n, c: Comparison, slaHours: number) {
  const { t, fmt } = i18n;
  const hours = (x: number) => fmt.number(Math.round(x * 10) / 10);
  const rows = c.policies.map((p) => ({ label: policyLabel(i18n, p.name), p50: p.metrics.firstTouchHoursP50, p90: p.metrics.firstTouchHoursP90 }));
  return html`<div class="stack">
    <div data-chart="first-touch">
      <h3>${t.compare.touchTitle}</h3>
      <allot-chart
        .key=${[c, i18n, slaHours]}
        .draw=${(width: number) => firstTouchChart(rows, { width, format: hours, slaHours, labels: { title: t.compare.touchTitle, hours: t.compare.hours, p50: t.compare.p50, p90: t.compare.p90, sla: t.compare.sla(hours(slaHours)), interval: t.compare.interval } })}
      ></allot-chart>
    </div>
    <div data-chart="sla">
      <h3>${t.compare.metrics.slaBreachRate}</h3>
      <allot-chart
        .key=${[c, i18n]}
        .draw=${(width: number) => metricIntervalsChart(rowsOf(i18n, c, (p) => p.metrics.slaBreachRate, () => false), { width, format: fmt.percent, labels: { title: t.compare.metrics.slaBreachRate, axis: '', interval: t.compare.interval } })}
      ></allot-chart>
    </div>
  </div>`;
}

export function frontierChart(i18n: I18n, frontier: FrontierView, plan: PlanView | null) {
  const { t, fmt } = i18n;
  const current = plan?.status === 'optimal' ? plan.point : null;
  return html`<allot-chart
      data-chart="frontier"
      .key=${[frontier, current, i18n]}
      data-current=${current ? `${current.minRepConversions},${current.conversionsPerWeek}` : nothing}
      .draw=${(width: number) =>
        fairnessFrontierChart(frontier.points, { width, format: fmt.number, current, labels: { title: t.compare.frontierTitle, worstRep: t.compare.worstRep, conversions: t.compare.conversionsPerWeek, strength: 'λ', current: t.compare.current(fmt.number(current?.strength ?? 0)) } })}
    ></allot-chart>
    ${current ? html`<p class="help" data-testid="frontier-current">${t.compare.currentPoint(fmt.number(current.strength), fmt.number(current.conversionsPerWeek), fmt.number(current.minRepConversions))}</p>` : nothing}
    <ul class="notes">${frontier.notes.map((n) => html`<li>${i18n.engineText(n)}</li>`)}</ul>`;
}
