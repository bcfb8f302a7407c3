import type { ImportErrorCode, ScenarioErrorCode } from '../../model/scenario-errors';
import type { EngineWords } from './engine-zh';

/**
 * Chinese wording of each scenario error, from its code and params (led by the JSON path the
 * error names, added by `errorText`). Exhaustive: a new code fails the typecheck until it has its
 * Chinese text. Terms as in GLOSSARY.md.
 */
export const ZH_SCENARIO_ERRORS: Record<ScenarioErrorCode, (w: EngineWords) => string> = {
  not_segment_field: (w) => `「${w.text('field')}」不是细分字段（细分字段：${w.text('fields')}）。`,
  columns_differ: (w) => `${w.text('file')} 缺少历史线索的列（${w.text('missing')}）：无法与之合为一个数据集。`,
  not_a_column: (w) => `「${w.text('field')}」不是线索表中的列（可用的列：${w.text('columns')}）。`,
  no_segment_field: () => '请至少选择一个细分字段。',
  value_bands_order: (w) => `金额分段 ${w.num('band')} 必须大于前一个分段（分段须从小到大）。`,
  no_matching_segment: (w) => `没有细分满足 ${w.text('values')}。`,
  rep_not_in_roster: (w) => `销售「${w.text('rep')}」不在团队名单中。`,
  no_data: () => '尚未加载线索：请先在“数据”步骤中加载文件。',
  no_leads: () => '没有可用于估计的线索（文件只有表头，没有数据行）。',
  no_decided_leads: () => '没有已成交或已输单的线索，无法学习转化率。请映射结果列，或声明哪些取值表示成交、输单。',
  no_created_at: (w) => `没有线索带创建时间，${w.choice('capability', { simulation: '无法模拟线索到达', backtest: '无法划分前后两段做回测' })}。请映射创建时间列。`,
  no_reps: () => '团队名单为空：情景没有提供名单，历史数据中也没有负责人。请提供名单或映射负责人列。',
  unknown_policy: (w) => `未知的分配策略「${w.text('policy')}」；可选：${w.text('policies')}。`,
  duplicate_policy: (w) => `分配策略「${w.text('policy')}」出现了两次；请给规则文件另起名字。`,
  baseline_not_compared: (w) => `对比基准「${w.text('baseline')}」不在要对比的策略中（${w.text('policies')}）。`,
  no_decided_after_cutoff: (w) => `${w.text('cutoff')} 之后创建的线索还没有成交或输单，无法回测。`,
  roster_file_unreadable: (w) => `无法读取团队名单文件「${w.text('file')}」。`,
  zero_demand: () => '没有线索带创建日期，每周线索量为零，无法给出分配方案。请映射创建时间列。',
  arm_values_unknown: (w) => `分组列「${w.text('column')}」中有既不是对照组（${w.text('control')}）也不是实验组（${w.text('candidate')}）的取值：${w.text('values')}。`,
  slot_values_unknown: (w) => `槽位列「${w.text('column')}」中有不是槽位的取值：${w.text('values')}（槽位是整数：槽位本身，或线索的自动编号）。`,
  no_lead_ids: () => '按线索编号的哈希重算分组需要线索编号列：请映射 lead_id，或给出分组列。',
  nothing_to_read_out: (w) => `两组中都没有创建满 ${w.text('window')} 天的线索，暂时无法评估；请等线索足够成熟后再导出。`,
};

/** Chinese wording of each import error (files, mappings, rosters), led by where it is (added by `errorText`). */
export const ZH_IMPORT_ERRORS: Record<ImportErrorCode, (w: EngineWords) => string> = {
  no_file: () => '没有选择文件。',
  mapping_invalid: (w) => `映射文件有误：${w.text('detail')}`,
  one_column: (w) => `只识别出一列（「${w.text('column')}」）。Allot 读取以逗号、分号、制表符或竖线分隔的文件；请把导出文件另存为使用其中一种分隔符的 CSV。`,
  mapped_column_missing: (w) => `字段 ${w.text('field')} 映射的列「${w.text('column')}」不在文件中（可用的列：${w.text('columns')}）。`,
  listed_column_missing: (w) => `映射的 ${w.text('list')} 中列出的列「${w.text('column')}」不在文件中（可用的列：${w.text('columns')}）。`,
  join_column_not_before: (w) => `关联列「${w.text('column')}」不在之前的表中。`,
  join_column_missing: (w) => `关联列「${w.text('column')}」不在此文件中。`,
  no_join_key: (w) => `找不到可用于关联的列（与线索表同名的列：${w.text('shared') || '无'}，但在此文件中都不唯一）；请在映射中指定 tables[].joinOn。`,
  file_empty: () => '文件是空的。',
  binary_file: () => '这不是 CSV、Excel（.xlsx）或 Parquet 文件（内容为二进制数据）。',
  no_text: () => '文件中没有文字，连表头行也没有。',
  excel_unreadable: (w) => `无法读取该 Excel 工作簿（${w.text('detail')}）。`,
  excel_empty: () => 'Excel 的第一个工作表是空的。',
  parquet_unreadable: (w) => `无法读取该 Parquet 文件（${w.text('detail')}）。`,
  duplicate_column: (w) => `表头中「${w.text('column')}」出现了两次（第 ${w.num('first')} 列和第 ${w.num('second')} 列）；请改名，使每列的名称各不相同。`,
  no_rows: () => '文件只有表头，没有线索行。',
  csv_unclosed_quote: (w) => `第 ${w.text('line')} 行有一个引号（"）开始的值始终没有闭合，其后的每一行都会被读成这一个值。请闭合或删除该引号后重新载入。`,
  csv_line_too_long: (w) => `第 ${w.text('line')} 行超过 ${w.text('limit')}，线索导出不需要这么长。请缩短其中的长字段（备注、描述等），或导出时去掉该列。`,
  csv_unreadable: (w) => `文件在第 ${w.text('line')} 行无法按 CSV 读取。请检查该行是否有多余的引号或分隔符错误，或重新另存为 UTF-8 的 CSV。`,
  roster_unreadable_line: (w) => `第 ${w.text('line')} 行无法读取（${w.text('detail')}），会少掉一名销售。请修正该行（分隔符多了或少了）后重新载入团队名单。`,
  roster_unknown_column: (w) => `「${w.text('column')}」不是团队名单的列，是否应为 ${w.text('field')}？请改正列名，否则所有销售的 ${w.text('field')} 都会为空。`,
  roster_no_reps: () => '团队名单只有表头，没有销售。',
  roster_unread_column: (w) => `「${w.text('column')}」不是团队名单的列（可用的列：${w.text('known')}）；请删除该列，或改为它所对应的字段名。`,
  roster_no_id: () => '没有销售编号或姓名列（例如 rep_id、销售编号、name、姓名）。',
  roster_duplicate_id: (w) => `销售编号「${w.text('rep')}」与第 ${w.num('first')} 行重复。`,
  roster_bad_number: (w) => `「${w.text('value')}」不是非负数。`,
  roster_bad_active: (w) => `「${w.text('value')}」既不是“是”也不是“否”。`,
  roster_empty_id: () => '销售编号为空。',
  roster_bad_hours: (w) => `「${w.text('value')}」不是工作时间（例如 09:00-18:00 或 周一至周五 9-18）。`,
  roster_bad_absence: (w) => `「${w.text('value')}」不是日期（2026-02-02）或日期范围（2026-02-02..2026-02-06）。`,
  roster_capacity_required: () => '必须填写容量（每周新线索数）。',
  roster_invalid: (w) => `取值有误：${w.text('detail')}`,
};
