/**
 * A post-rollout period for the readout's tests and bench: leads created over `weeks` weeks after
 * the rollout, split between a control and a candidate arm by the lead-level hash
 * (src/experiment/arm.ts), where the candidate's conversion is the control's × (1 + gain) in every
 * segment, so the effect the readout should find is known. `gain: 0` is the world where the
 * candidate changes nothing.
 *
 * Each segment's control rate is the sample world's average rep in it; a won lead closes an
 * exponential time after creation (mean `meanDaysToWin`); leads still open at the as-of moment
 * are written open, as a CRM export shows them.
 */
import { armOf } from '../../src/experiment/arm';
import type { Arm } from '../../src/experiment/readout';
import { buildWorld } from './options';
import { createRng } from './random';
import { conversionLogit, logistic } from './truth';
import { SEGMENTS, type SegmentKey } from './vocabulary';

export interface RolloutOptions {
  seed: number;
  weeks: number;
  leadsPerWeek: number;
  candidateShare: number;
  /** Relative gain of the candidate's conversion rate, e.g. 0.2 for +20%. */
  gain: number;
  /** The experiment's salt, as the exported split uses it. */
  salt?: string;
  meanDaysToWin?: number;
}

export interface RolloutLead {
  leadId: string;
  arm: Arm;
  segment: SegmentKey;
  createdDays: number;
  /** 1 won, 0 lost, −1 open at the as-of moment. */
  outcome: 1 | 0 | -1;
  /** Days from creation to the close (won or lost); NaN while open. */
  daysToClose: number;
}

export interface Rollout {
  leads: RolloutLead[];
  asOfDays: number;
  /** Per segment: the control's chance to be won at all. */
  controlRate: Record<string, number>;
  /** The planted effect in conversions per lead within `windowDays`, over the segment mix drawn. */
  plantedEffect(windowDays: number): number;
}

const MEAN_DAYS_TO_LOSE = 20;

export function generateRollout(options: RolloutOptions): Rollout {
  const { seed, weeks, leadsPerWeek, candidateShare, gain } = options;
  const salt = options.salt ?? `rollout-${seed}`;
  const meanDaysToWin = options.meanDaysToWin ?? 15;
  const world = buildWorld({ seed });
  const controlRate: Record<string, number> = {};
  for (const segment of SEGMENTS) {
    const rates = world.team.map((_, r) => logistic(conversionLogit(world.truth, r, segment)));
    controlRate[segment] = rates.reduce((a, b) => a + b, 0) / rates.length;
  }
  const rng = createRng(seed, 7001);
  const asOfDays = weeks * 7;
  const leads: RolloutLead[] = [];
  const total = Math.round(weeks * leadsPerWeek);
  for (let i = 0; i < total; i++) {
    const leadId = `R${seed}-${i + 1}`;
    const arm = armOf(leadId, candidateShare, salt);
    const segment = rng.pick(SEGMENTS);
    const createdDays = rng.uniform() * asOfDays;
    const rate = Math.min(1, controlRate[segment]! * (arm === 'candidate' ? 1 + gain : 1));
    const won = rng.bernoulli(rate);
    const daysToClose = won ? rng.exponential(meanDaysToWin) : rng.exponential(MEAN_DAYS_TO_LOSE);
    const open = createdDays + daysToClose > asOfDays;
    leads.push({ leadId, arm, segment, createdDays, outcome: open ? -1 : won ? 1 : 0, daysToClose: open ? NaN : daysToClose });
  }
  return {
    leads,
    asOfDays,
    controlRate,
    plantedEffect(windowDays) {
      // Segments are drawn uniformly: the effect is the plain mean over them.
      const inWindow = 1 - Math.exp(-windowDays / meanDaysToWin);
      return SEGMENTS.reduce((sum, s) => sum + (Math.min(1, controlRate[s]! * (1 + gain)) - controlRate[s]!) * inWindow, 0) / SEGMENTS.length;
    },
  };
}

/**
 * The rollout as a CRM export in the sample's columns (lead_id, created_at, owner, region,
 * product, outcome, closed_at) plus the `arm` column a CRM shows for the split, starting on
 * `startDay` (YYYY-MM-DD); the owner is the segment's region's rep round robin.
 */
export function rolloutCsv(rollout: Rollout, startDay: string, owners: readonly string[]): string {
  const start = Date.parse(`${startDay}T00:00:00Z`);
  const stamp = (days: number) => new Date(start + days * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
  const lines = ['lead_id,created_at,owner,region,product,outcome,closed_at,arm'];
  rollout.leads.forEach((lead, i) => {
    const [region, product] = lead.segment.split('|');
    const outcome = lead.outcome === 1 ? 'Won' : lead.outcome === 0 ? 'Lost' : 'Open';
    const closed = Number.isNaN(lead.daysToClose) ? '' : stamp(lead.createdDays + lead.daysToClose);
    lines.push([lead.leadId, stamp(lead.createdDays), owners[i % owners.length], region, product, outcome, closed, lead.arm].join(','));
  });
  return lines.join('\n') + '\n';
}
