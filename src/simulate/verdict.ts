import { messageMaker, type EngineMessage } from '../model/message';
import type { ComparisonSummary } from '../model/comparison';

export const VERDICT_MESSAGES = {
  /** `policy`, `baseline`: policy names; `mean`, `lo`, `hi`: the paired difference in conversions over the horizon. */
  verdict_more: ['policy', 'baseline', 'mean', 'lo', 'hi', 'weeks'],
  verdict_fewer: ['policy', 'baseline', 'mean', 'lo', 'hi', 'weeks'],
  verdict_unclear: ['policy', 'baseline', 'mean', 'lo', 'hi', 'weeks'],
  verdict_none_beats: ['baseline'],
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
  }
  if (!anyBeats) out.push(verdictMessage('verdict_none_beats', { baseline }, `No policy reliably beats ${baseline} on this data.`));
  return out;
}
