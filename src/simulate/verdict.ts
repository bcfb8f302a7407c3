import { messageMaker, type EngineMessage } from '../model/message';
import type { ComparisonSummary, PolicySummary } from '../model/comparison';

export const VERDICT_MESSAGES = {
  /** `policy`, `baseline`: policy names; `mean`, `lo`, `hi`: the paired difference in conversions over the horizon. */
  verdict_more: ['policy', 'baseline', 'mean', 'lo', 'hi', 'weeks'],
  verdict_fewer: ['policy', 'baseline', 'mean', 'lo', 'hi', 'weeks'],
  verdict_unclear: ['policy', 'baseline', 'mean', 'lo', 'hi', 'weeks'],
  verdict_none_beats: ['baseline'],
  /** `policy` over its reps' capacity (`utilization`, % at the busiest) where `baseline` queues `queued` % of the leads. */
  verdict_over_capacity: ['policy', 'baseline', 'utilization', 'queued'],
} as const;

export type VerdictCode = keyof typeof VERDICT_MESSAGES;
const verdictMessage = messageMaker(VERDICT_MESSAGES);

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`;

/**
 * The comparison in sentences a sales leader can repeat: per policy, its conversions against the
 * baseline over the horizon with the 90% interval of the paired difference, and when no policy's
 * interval lies above zero, that no policy reliably beats the baseline on this data.
 */
export function verdicts(summary: Pick<ComparisonSummary, 'policies' | 'baseline'>, weeks: number, label: (policy: string) => string = (p) => p): EngineMessage<VerdictCode>[] {
  const baseline = label(summary.baseline);
  const baselineSummary = summary.policies.find((p) => p.name === summary.baseline);
  const out: EngineMessage<VerdictCode>[] = [];
  let anyBeats = false;
  for (const p of summary.policies) {
    if (p.name === summary.baseline) continue;
    const { mean, lo, hi } = p.vsBaseline.conversions;
    // Rounded once, and −0.04 to 0, not "-0": the words and the numbers are the same in either language.
    const tenth = (x: number) => Math.round(x * 10) / 10 || 0;
    const params = { policy: label(p.name), baseline, mean: tenth(mean), lo: tenth(lo), hi: tenth(hi), weeks };
    const range = `(90%: ${signed(params.lo)} to ${signed(params.hi)})`;
    if (lo > 0) {
      anyBeats = true;
      out.push(verdictMessage('verdict_more', params, `${params.policy}: ${signed(params.mean)} conversions over ${weeks} weeks ${range} more than ${baseline}.`));
    } else if (hi < 0) {
      out.push(verdictMessage('verdict_fewer', params, `${params.policy}: ${signed(params.mean)} conversions over ${weeks} weeks ${range}, fewer than ${baseline}.`));
    } else {
      out.push(verdictMessage('verdict_unclear', params, `${params.policy}: ${signed(params.mean)} conversions over ${weeks} weeks ${range}: not reliably different from ${baseline}.`));
    }
    // Either side of the pair may be the one over its caps (as is as the baseline, say).
    const policyOver = overCapacityAgainst(p, baselineSummary);
    const overCapacity = policyOver ?? overCapacityAgainst(baselineSummary, p);
    if (overCapacity) {
      const [over, capped] = policyOver ? [params.policy, baseline] : [baseline, params.policy];
      const words = { policy: over, baseline: capped, ...overCapacity };
      out.push(verdictMessage('verdict_over_capacity', words, `${words.policy} gives its busiest rep ${words.utilization}% of their capacity, where ${words.baseline} keeps to the caps and leaves ${words.queued}% of the leads queued: that part of the difference is capacity the caps do not allow, not better matching.`));
    }
  }
  if (!anyBeats) out.push(verdictMessage('verdict_none_beats', { baseline }, `No policy reliably beats ${baseline} on this data.`));
  return out;
}

/** Beyond this the busiest rep is over their cap by more than rounding (as is replays owners, caps or not). */
const OVER_CAPACITY = 1.05;
/** A baseline that queues fewer leads than this is not held back by its caps. */
const QUEUED_AT_LEAST = 0.01;

/**
 * A policy that sends reps more than their capacity, compared with a baseline that keeps to it and
 * so leaves leads queued, wins conversions the caps forbid: said beside the verdict, or a leader
 * reads "today's practice converts more" where the data says "the caps are below the volume".
 */
function overCapacityAgainst(policy: Pick<PolicySummary, 'metrics'> | undefined, capped: Pick<PolicySummary, 'metrics'> | undefined): { utilization: number; queued: number } | null {
  if (!capped || !policy) return null;
  const utilization = policy.metrics.maxUtilization?.mean ?? 0;
  const queued = capped.metrics.unassignedShare?.mean ?? 0;
  if (utilization <= OVER_CAPACITY || queued < QUEUED_AT_LEAST) return null;
  return { utilization: Math.round(100 * utilization), queued: Math.round(100 * queued) };
}

