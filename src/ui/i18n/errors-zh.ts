import type { ScenarioErrorCode } from '../../model/scenario-errors';
import type { EngineWords } from './engine-zh';

/**
 * Chinese wording of each scenario error, from its code and params (led by the JSON path the
 * error names, added by `errorText`). Exhaustive: a new code fails the typecheck until it has its
 * Chinese text. Terms as in GLOSSARY.md.
 */
export const ZH_SCENARIO_ERRORS: Record<ScenarioErrorCode, (w: EngineWords) => string> = {
  not_segment_field: (w) => `「${w.text('field')}」不是细分字段（细分字段：${w.text('fields')}）。`,
  not_a_column: (w) => `「${w.text('field')}」不是线索表中的列（可用的列：${w.text('columns')}）。`,
  no_segment_field: () => '请至少选择一个细分字段。',
  value_bands_order: (w) => `金额分段 ${w.num('band')} 必须大于前一个分段（分段须从小到大）。`,
  no_matching_segment: (w) => `没有细分满足 ${w.text('values')}。`,
  rep_not_in_roster: (w) => `销售「${w.text('rep')}」不在团队名单中。`,
  no_data: () => '尚未加载线索：请先在“数据”步骤中加载文件。',
  no_leads: () => '没有可用于估计的线索（文件只有表头，没有数据行）。',
  no_decided_leads: () => '没有已成交或已输单的线索，无法学习转化率。请映射结果列，或声明哪些取值表示成交、输单。',
  no_created_at: (w) => `没有线索带创建时间，${w.choice('capability', { simulation: '无法模拟线索到达', backtest: '无法划分前后两段做回测' })}。请映射创建时间列。`,
  no_reps: () => '团队名单为空：场景没有提供名单，历史数据中也没有负责人。请提供名单或映射负责人列。',
  unknown_policy: (w) => `未知的分配策略「${w.text('policy')}」；可选：${w.text('policies')}。`,
  duplicate_policy: (w) => `分配策略「${w.text('policy')}」出现了两次；请给规则文件另起名字。`,
  baseline_not_compared: (w) => `对比基准「${w.text('baseline')}」不在要对比的策略中（${w.text('policies')}）。`,
  no_decided_after_cutoff: (w) => `${w.text('cutoff')} 之后创建的线索还没有成交或输单，无法回测。`,
  roster_file_unreadable: (w) => `无法读取团队名单文件「${w.text('file')}」。`,
  zero_demand: () => '没有线索带创建日期，每周线索量为零，无法给出分配方案。请映射创建时间列。',
};
