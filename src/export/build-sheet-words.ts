import type { AssignMethod, Condition, Experiment } from '../model/rules';
import { ARM_BUCKETS, candidateWeek, describeCondition, SLOTS } from '../route';

/** The build sheet's words, in the terms of /work/shared/GLOSSARY.md (分配规则, 按权重分配, 负载均衡 …). */
export interface SheetWords {
  header: readonly [string, string, string, string, string, string, string];
  fallbackName: string;
  fallbackCondition: string;
  methods: Record<AssignMethod, string>;
  queue: (name: string) => string;
  /** A rep of a pool with their share; a rep without a CRM user is named by id, and said to lack one. */
  member: (name: string, id: string, crmUser: string | null, percent: number) => string;
  capacity: (name: string, perWeek: number, maxOpen: number | undefined) => string;
  firstTouch: (hours: number) => string;
  reclaim: (hours: number) => string;
  none: string;
  describe: (condition: Condition | undefined) => string;
  title: (name: string) => string;
  intro: string;
  /** With an experiment: the arm column's header and its two values. */
  armHeader: string;
  arm: (arm: 'candidate' | 'control') => string;
  /** The split in words, precise enough to set up by hand (the hash, the slot or the weeks). */
  split: (experiment: Experiment, candidate: string) => string;
}

/** The first weeks of a week split, as [Monday, is the candidate's]: a schedule a person can follow. */
export function weekSchedule(experiment: Experiment, weeks = 8): Array<[string, boolean]> {
  const start = Date.parse(`${experiment.weekStart!}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, k) => [new Date(start + k * 7 * 86_400_000).toISOString().slice(0, 10), candidateWeek(k, experiment.candidateShare)]);
}

const percent = (share: number) => `${+(share * 100).toFixed(2)}%`;

const show = (v: unknown) => JSON.stringify(v);

export const ENGLISH: SheetWords = {
  header: ['Order', 'Rule', 'Conditions', 'Reps (share)', 'Method', 'Caps', 'SLA'],
  fallbackName: 'fallback',
  fallbackCondition: 'every lead no rule above took',
  methods: { round_robin: 'round robin', weighted_round_robin: 'weighted distribution', least_loaded: 'load balancing', fixed: 'fixed owner', manual_review: 'manual review' },
  queue: (name) => `queue "${name}"`,
  member: (name, id, crmUser, percent) => (crmUser === null ? `${name} (${id}, no CRM user) ${percent}%` : `${name} <${crmUser}> ${percent}%`),
  capacity: (name, perWeek, maxOpen) => `${name}: ${perWeek}/week${maxOpen === undefined ? '' : `, ${maxOpen} open`}`,
  firstTouch: (h) => `first touch within ${h} h`,
  reclaim: (h) => `reclaim after ${h} h`,
  none: '—',
  describe: describeCondition,
  title: (name) => `Assignment rules: ${name}`,
  intro: 'Rules are tried in order; the first whose conditions hold decides. Set them up in this order.',
  armHeader: 'Arm',
  arm: (arm) => (arm === 'candidate' ? 'candidate' : 'control'),
  split: (e, candidate) => {
    const control = 'keepCurrent' in e.control ? `the control "${e.control.name}" (leave its leads to your current process: the rules below do not apply to them)` : `the control "${e.control.name}" (the rules marked control)`;
    const head = `Experiment${e.name ? ` "${e.name}"` : ''}: ${percent(e.candidateShare)} ${e.unit === 'week' ? 'of the weeks' : 'of the leads'} go to the candidate "${candidate}" (the rules marked candidate), the rest to ${control}.`;
    switch (e.unit) {
      case 'lead':
        return `${head} A lead's arm is a stable hash of its ${e.idField ?? 'lead_id'}: FNV-1a (32-bit) over the UTF-8 bytes of "${e.salt}:" followed by the id, modulo ${ARM_BUCKETS}; below ${Math.round(e.candidateShare * ARM_BUCKETS)} is the candidate's. A CRM set up by hand cannot compute it: have your integration fill an arm field by this rule (Allot's reference router does), and add "arm = candidate" or "arm = control" to every rule.`;
      case 'slot':
        return `${head} Number the leads in the order they are created (an auto-number field); a lead whose number modulo ${SLOTS} is below ${Math.round(e.candidateShare * SLOTS)} is the candidate's. Add that condition to every candidate rule and its opposite to every control rule; inside each arm, rotate the reps with each rule's own rotation (not on the same number, or the arm would decide the rep).`;
      case 'week':
        return `${head} Whole weeks take turns by creation date, from Monday ${e.weekStart}: ${weekSchedule(e).map(([monday, c]) => `week of ${monday} ${c ? 'candidate' : 'control'}`).join(', ')}, and so on (week n is the candidate's when ⌊(n+1)×${e.candidateShare}⌋ > ⌊n×${e.candidateShare}⌋). Switch the rules at the start of each week.`;
    }
  },
};

const ZH_OPS = { eq: '等于', neq: '不等于', lt: '小于', lte: '小于等于', gt: '大于', gte: '大于等于' } as const;

function describeZh(condition: Condition | undefined): string {
  if (condition === undefined) return '所有线索';
  if ('all' in condition) return condition.all.length === 0 ? '所有线索' : groupZh(condition.all, ' 且 ');
  if ('any' in condition) return groupZh(condition.any, ' 或 ');
  const f = condition.field;
  switch (condition.op) {
    case 'empty':
      return `${f} 为空`;
    case 'between':
      return `${f} 介于 ${show(condition.value[0])} 和 ${show(condition.value[1])} 之间`;
    case 'in':
    case 'nin':
      return `${f} ${condition.op === 'in' ? '属于' : '不属于'} [${condition.value.map(show).join('、')}]`;
    case 'contains':
      return `${f} 包含 ${show(condition.value)}`;
    default:
      return `${f} ${ZH_OPS[condition.op]} ${show(condition.value)}`;
  }
}

function groupZh(members: Condition[], joiner: string): string {
  const text = members.map(describeZh).join(joiner);
  return members.length > 1 ? `（${text}）` : text;
}

export const CHINESE: SheetWords = {
  header: ['顺序', '分配规则', '条件', '销售（占比）', '分配方式', '上限', '跟进时限'],
  fallbackName: '兜底规则',
  fallbackCondition: '以上规则都未匹配的线索',
  methods: { round_robin: '轮流分配', weighted_round_robin: '按权重分配', least_loaded: '负载均衡', fixed: '指定负责人', manual_review: '人工审核' },
  queue: (name) => `队列「${name}」`,
  member: (name, id, crmUser, percent) => (crmUser === null ? `${name}（${id}，无 CRM 账号）${percent}%` : `${name} <${crmUser}> ${percent}%`),
  capacity: (name, perWeek, maxOpen) => `${name}：每周 ${perWeek} 条${maxOpen === undefined ? '' : `，跟进中最多 ${maxOpen} 条`}`,
  firstTouch: (h) => `${h} 小时内首次跟进`,
  reclaim: (h) => `${h} 小时未跟进回收到公海`,
  none: '—',
  describe: describeZh,
  title: (name) => `线索分配规则：${name}`,
  intro: '分配规则按顺序匹配，第一条满足条件的规则决定负责人。请按此顺序在 CRM 中配置。',
  armHeader: '实验分组',
  arm: (arm) => (arm === 'candidate' ? '实验组' : '对照组'),
  split: (e, candidate) => {
    const control = 'keepCurrent' in e.control ? `对照组「${e.control.name}」（这些线索仍按现有流程分配，下列规则不适用于它们）` : `对照组「${e.control.name}」（标为对照组的规则）`;
    const head = `实验${e.name ? `「${e.name}」` : ''}：${percent(e.candidateShare)}的${e.unit === 'week' ? '周' : '线索'}进入实验组「${candidate}」（标为实验组的规则），其余进入${control}。`;
    switch (e.unit) {
      case 'lead':
        return `${head}线索的分组由其 ${e.idField ?? 'lead_id'} 的稳定哈希决定：对 "${e.salt}:" 加上该编号的 UTF-8 字节做 32 位 FNV-1a 哈希，再对 ${ARM_BUCKETS} 取余；小于 ${Math.round(e.candidateShare * ARM_BUCKETS)} 的属于实验组。手工配置的 CRM 无法计算该哈希：请由系统集成按此规则填写“实验分组”字段（Allot 参考路由器即如此），并在每条规则中加上“实验分组 = 实验组”或“实验分组 = 对照组”。`;
      case 'slot':
        return `${head}按创建顺序给线索编号（自动编号字段）；编号除以 ${SLOTS} 的余数小于 ${Math.round(e.candidateShare * SLOTS)} 的线索属于实验组。请在每条实验组规则中加上这一条件，在每条对照组规则中加上相反的条件；组内的销售轮流按各条规则自己的轮转进行（不要用同一个编号，否则分组会决定由谁接手）。`;
      case 'week':
        return `${head}按创建日期整周轮换，从 ${e.weekStart}（周一）起：${weekSchedule(e).map(([monday, c]) => `${monday} 那周${c ? '实验组' : '对照组'}`).join('，')}，依此类推（第 n 周当 ⌊(n+1)×${e.candidateShare}⌋ > ⌊n×${e.candidateShare}⌋ 时属于实验组）。请在每周开始时切换规则。`;
    }
  },
};
