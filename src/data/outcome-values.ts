import type { OutcomeValues } from '../model/mapping';

/**
 * Outcome spellings recognised out of the box (compared lower-cased and trimmed). CRM stages
 * that are neither won nor lost (Engaging, Prospecting, 跟进中) are open.
 */
export const KNOWN_OUTCOMES: OutcomeValues = {
  won: ['won', 'win', 'closed won', 'closedwon', 'closed-won', 'converted', 'success', '1', 'true', 'yes', 'y',
    '是', '成交', '已成交', '赢单', '成功', '签约', '已签约'],
  lost: ['lost', 'lose', 'closed lost', 'closedlost', 'closed-lost', 'not converted', 'failed', 'dead', 'disqualified',
    'unqualified', 'junk', '0', 'false', 'no', 'n', '否', '未成交', '输单', '失败', '丢单', '流失', '已流失', '无效'],
  open: ['open', 'engaging', 'prospecting', 'in progress', 'working', 'contacted', 'new', 'pending', 'nurturing', 'qualified',
    '跟进中', '进行中', '待跟进', '新建', '未处理', '洽谈中', '待分配'],
};

export type Outcome = keyof OutcomeValues;

/** The lists to test, in order: the user's own spellings first, so they override ours. */
export function outcomeLists(extra: Partial<OutcomeValues> | undefined): Array<[Outcome, string[]]> {
  const lower = (values: string[] | undefined) => (values ?? []).map((v) => v.trim().toLowerCase());
  const outcomes: Outcome[] = ['won', 'lost', 'open'];
  return [
    ...outcomes.map((o): [Outcome, string[]] => [o, lower(extra?.[o])]),
    ...outcomes.map((o): [Outcome, string[]] => [o, KNOWN_OUTCOMES[o]]),
  ].filter(([, values]) => values.length > 0);
}
