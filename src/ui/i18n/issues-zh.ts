import type { IssueCode, QualityIssue } from '../../model/quality';

/** What an issue template gets: the issue, its count already formatted, and field names in Chinese. */
export interface IssueWords {
  issue: QualityIssue;
  count: string;
  file: string;
  column: string;
  param: (name: string) => string;
  /** A numeric param, formatted for the locale. */
  paramNumber: (name: string) => string;
  fieldName: (field: string) => string;
}

const dateOrderName: Record<string, string> = { dmy: '日/月/年', mdy: '月/日/年', ymd: '年-月-日' };

const whyUnmapped: Record<string, string> = {
  outcome: '所有线索都按跟进中计，无法学习转化率',
  owner: '不知道每条线索由谁跟进，无法学习销售代表的差异',
};

/**
 * Chinese wording of each quality issue, from its code and params; English uses `issue.message`.
 * Exhaustive on purpose: a new issue code fails the typecheck here until it has its Chinese text.
 */
export const ZH_ISSUES: Record<IssueCode, (w: IssueWords) => string> = {
  csv_parse_error: (w) => `${w.file}：${w.count} 行无法读取（${w.param('error')}：${w.param('detail')}），已拒绝。`,
  missing_lead_id: (w) => `${w.file}：${w.count} 行在「${w.column}」列中没有线索编号，已拒绝。`,
  duplicate_lead_id: (w) => `${w.file}：${w.count} 行的线索编号与前面的行重复（重复线索），保留第一行，其余已拒绝。`,
  unknown_outcome: (w) =>
    `${w.file}：${w.count} 行「${w.column}」列的值不是可识别的成交结果，已拒绝。未识别的值：${w.param('values')}。在映射文件的 outcomeValues 中补充这些写法即可保留这些行。`,
  missing_outcome: (w) => `${w.file}：${w.count} 条线索在「${w.column}」列中没有结果，按跟进中计。`,
  unparseable_date: (w) => `${w.file}：「${w.column}」列中有 ${w.count} 个值无法识别为日期，已置为空。`,
  date_out_of_range: (w) => `${w.file}：「${w.column}」列中有 ${w.count} 个日期早于 ${w.param('from')} 或晚于 ${w.param('to')}，不像线索的日期，已置为空。如这些日期确实无误，请在映射中设置 dateWindow。`,
  ambiguous_date_order: (w) =>
    `${w.file}：${w.count} 个日期（如 03/04/2026）既可按日/月也可按月/日读取，文件中无法判断；已按${dateOrderName[w.param('order')] ?? w.param('order')}读取。如不正确，请在字段映射中设置日期顺序。`,
  excel_serial_date: (w) => `${w.file}：${w.count} 个日期是 Excel 序列号（自 1899-12-30 起的天数），已按日期读取。`,
  unparseable_number: (w) => `${w.file}：「${w.column}」列中有 ${w.count} 个值不是数字，金额已置为空。`,
  amount_out_of_range: (w) => `${w.file}：「${w.column}」列中有 ${w.count} 个金额不是有限数或超过 ${w.param('limit')}，已置为空。`,
  negative_value: (w) => `${w.file}：「${w.column}」列中有 ${w.count} 个负数金额，已置为空。`,
  number_repaired: (w) => `${w.file}：「${w.column}」列中有 ${w.count} 个数字的写法已修正。`,
  missing_owner: (w) => `${w.file}：${w.count} 条线索在「${w.column}」列中没有负责人；它们计入线索量，但不计入任何销售的业绩。`,
  missing_created_at: (w) => `${w.file}：${w.count} 条线索在「${w.column}」列中没有创建时间；它们计入转化率，但不计入每周线索量。`,
  unmatched_join_key: (w) =>
    `${w.count} 行线索的「${w.column}」在 ${w.param('table')} 中找不到对应记录：${w.param('values')}。` +
    (w.param('likely') ? `可能应为：${w.param('likely')}。` : '') +
    `这些行中来自 ${w.param('table')} 的列为空。`,
  unused_join_row: (w) =>
    `${w.param('table')} 的 ${w.paramNumber('total')} 行中有 ${w.count} 行匹配不到任何线索：${w.param('values')}。`,
  duplicate_contact: (w) => `${w.file}：${w.count} 条线索的「${w.column}」与前面的线索相同（疑似重复线索），已保留，请在分配前核查。`,
  near_duplicate_values: (w) =>
    `${w.file}：「${w.column}」列中同一个值有多种写法：${w.param('variants')}。在修正导出文件或映射之前，它们被当作不同的细分。`,
  lead_id_generated: (w) => `${w.file}：没有列映射到线索编号，线索编号按行号生成（row-1、row-2…），无法查重。请在字段映射中选择对应的列。`,
  unmapped_required_field: (w) => {
    const why = whyUnmapped[w.param('field')];
    return `${w.file}：没有列映射到${w.fieldName(w.param('field'))}${why ? `：${why}` : ''}。请在字段映射中选择对应的列。`;
  },
};
