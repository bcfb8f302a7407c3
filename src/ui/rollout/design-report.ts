import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { POWER_TARGET, type DesignResult } from '../../experiment/design';
import { powerCurveChart } from '../charts/power-curve';
import type { I18n } from '../i18n';
import '../model/chart-host';
import { shared } from '../styles/shared';
import { stepStyles } from '../styles/step';
import { perHundredFormat } from './rollout-run';
import { designReportStyles } from './design.styles';

/** Beyond ten years an extrapolated count of weeks says only that the gain is out of an experiment's reach (design.ts's `aboutWeeks`). */
const TEN_YEARS_OF_WEEKS = 520;

/**
 * A simulated design as a sales leader reads it (the CLI's `formatDesign`, in the UI's language):
 * the power curve, the weeks to 80% power, the forecast gain and the bias the design carries,
 * with what causes it. Every number is formatted for the locale; the sentences are made here from
 * the numbers, as the engine's statements are English.
 */
@customElement('allot-design-report')
export class DesignReport extends LitElement {
  @property({ attribute: false }) i18n!: I18n;
  @property({ attribute: false }) result!: DesignResult;

  static override styles = [shared, stepStyles, designReportStyles];

  override render() {
    const { t, fmt } = this.i18n;
    const d = t.design;
    const r = this.result;
    return html`<div class="report">
      <div class="curve">
        <allot-chart
          data-chart="power-curve"
          .key=${[r, this.i18n]}
          .draw=${(width: number) =>
            powerCurveChart(r.powerCurve, { width, fmt, target: POWER_TARGET, weeksToPower: r.weeksToPower, labels: { title: d.chartTitle, weeks: d.chartWeeks, power: d.chartPower, target: d.chartTarget } })}
        ></allot-chart>
        <p class="help" data-testid="design-replications">${d.replications(fmt.number(r.replications), String(r.seed))}</p>
      </div>
      <div class="numbers">
        <h3>${d.weeksTitle}</h3>
        <p class="headline" data-testid="design-weeks" data-weeks=${r.weeksToPower ?? ''} data-extrapolated=${r.weeksExtrapolated ?? ''}>${this.#weeks()}</p>
        <h3>${d.gainTitle}</h3>
        <p data-testid="design-gain">${this.#gain()}</p>
        <h3>${d.biasTitle}</h3>
        <p data-testid="design-bias" data-bias=${r.bias.mean}>${this.#bias()}</p>
        ${this.result.reversed ? html`<p class="reversed" data-testid="design-reversed">${this.i18n.t.design.direction.reversed}</p>` : nothing}
        <ul class="statements" data-testid="design-statements">${this.#statements().map((s) => html`<li>${s}</li>`)}</ul>
      </div>
    </div>`;
  }

  #weeks(): string {
    const { t, fmt } = this.i18n;
    const d = t.design;
    const r = this.result;
    if (r.weeksToPower !== null) return d.weeksToPower(fmt.number(r.weeksToPower));
    const max = r.design.maxWeeks;
    const last = r.powerCurve[max - 1]?.power ?? NaN;
    const reached = d.notWithin(fmt.number(max), Number.isFinite(last) ? fmt.percent(last) : '–');
    if (r.weeksExtrapolated === null) return reached;
    return `${reached}${this.#gap()}${r.weeksExtrapolated > TEN_YEARS_OF_WEEKS ? d.beyondTenYears : d.extrapolated(fmt.number(r.weeksExtrapolated))}`;
  }

  #gain(): string {
    const f = this.#points();
    const g = this.result.fullDeployment;
    return this.i18n.t.design.gain(f(g.mean), f(g.lo), f(g.hi));
  }

  #bias(): string {
    const { t, fmt } = this.i18n;
    const d = t.design;
    const f = this.#points();
    const { bias, designEstimate, fullDeployment, design } = this.result;
    const significant = bias.lo > 0 || bias.hi < 0;
    const measured = d.bias(fmt.number(design.maxWeeks), f(designEstimate.mean), f(fullDeployment.mean), f(bias.mean), f(bias.lo), f(bias.hi));
    // Reversed, the estimate is no over- or understatement of the effect: the callout below says what it is.
    if (this.result.reversed) return measured;
    const direction = !significant ? d.direction.none : Math.abs(designEstimate.mean) > Math.abs(fullDeployment.mean) ? d.direction.overstates : d.direction.understates;
    return `${measured}${this.#gap()}${direction}`;
  }

  /** Between two sentences: a space in English, none after a Chinese full stop. */
  #gap(): string {
    return this.i18n.lang === 'zh' ? '' : ' ';
  }

  /** What the design carries and why, as `statements` in design.ts says it. */
  #statements(): string[] {
    const { t, fmt } = this.i18n;
    const d = t.design;
    const r = this.result;
    const { design } = r;
    const f = this.#points();
    const out = [design.unit === 'week' ? d.switchback : d.interference(d.splits[design.unit])];
    if (r.fullDeployment.mean < 0) out.push(d.forecastLoss(f(r.fullDeployment.mean), f(r.fullDeployment.lo), f(r.fullDeployment.hi)));
    if (r.reversed) out.push(d.reversed(f(r.fullDeployment.mean), f(r.designEstimate.mean), fmt.number(design.maxWeeks), fmt.percent(r.wrongWay)));
    if (design.unit === 'slot') out.push(d.slotRuns(fmt.number(Math.round(design.share * 100))));
    if (design.unit === 'week') out.push(d.weekMix);
    return out;
  }

  /** Conversions per lead → per 100 leads, signed, one decimal; a missing number as a dash. */
  #points(): (x: number) => string {
    const f = perHundredFormat(this.i18n.locale);
    return (x) => (Number.isFinite(x) ? f(x) : '–');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'allot-design-report': DesignReport;
  }
}
