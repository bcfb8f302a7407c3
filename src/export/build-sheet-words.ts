import type { AssignMethod, Condition } from '../model/rules';
import { describeCondition } from '../route';

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
}

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
};
