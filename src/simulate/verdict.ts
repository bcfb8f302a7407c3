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
    const params = { policy: label(p.name), baseline, mean: +mean.toFixed(1), lo: +lo.toFixed(1), hi: +hi.toFixed(1), weeks };
    const range = `(90%: ${signed(lo)} to ${signed(hi)})`;
    if (lo > 0) {
      anyBeats = true;
      out.push(verdictMessage('verdict_more', params, `${params.policy}: ${signed(mean)} conversions over ${weeks} weeks ${range} more than ${baseline}.`));
    } else if (hi < 0) {
      out.push(verdictMessage('verdict_fewer', params, `${params.policy}: ${signed(mean)} conversions over ${weeks} weeks ${range}, fewer than ${baseline}.`));
    } else {
      out.push(verdictMessage('verdict_unclear', params, `${params.policy}: ${signed(mean)} conversions over ${weeks} weeks ${range}: not reliably different from ${baseline}.`));
    }
  }
  if (!anyBeats) out.push(verdictMessage('verdict_none_beats', { baseline }, `No policy reliably beats ${baseline} on this data.`));
  return out;
}
