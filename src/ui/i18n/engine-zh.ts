import type { FrontierNoteCode, OptimizeMessageCode, PolicyNoteCode } from '../../optimize/messages';
import type { ProposalCode } from '../../model/proposal';
import type { ReadinessCode } from '../../model/readiness';
import type { FollowCode } from '../../pipeline/follow-data';
import type { SimulationNoteCode } from '../../simulate/notes';
import type { VerdictCode } from '../../simulate/verdict';

/** Every code the engine words in Chinese: the simulator's notes, the optimizer's reasons, the policies' and the frontier's notes. */
export type TranslatedEngineCode = SimulationNoteCode | OptimizeMessageCode | PolicyNoteCode | FrontierNoteCode | ReadinessCode | ProposalCode | FollowCode | VerdictCode;

/** What a template reads its params through: each accessor formats for the locale. */
export interface EngineWords {
  /** A param as it is (an id, a segment key, a list of names). */
  text(name: string): string;
  /** A numeric param, formatted for the locale. */
  num(name: string): string;
  /** A share (0.25), as a percent for the locale. */
  pct(name: string): string;
  /** A param whose value is one of a few known words, shown as the Chinese word (the value itself when unknown). */
  choice(name: string, words: Readonly<Record<string, string>>): string;
}

const REFERENCE_FROM: Record<string, string> = { 'first-touch history': '历史首次跟进时间', 'as-is replay': '按现状重放' };
const SOLVER: Record<string, string> = { highs: 'HiGHS', jslp: 'javascript-lp-solver' };
const OBJECTIVE: Record<string, string> = { conversions: '预计成交数', revenue: '预计成交金额' };

const relaxed = (what: string) => (w: EngineWords) => `${what} ${w.pct('asked')} 与其他约束无法同时满足；最多约 ${w.pct('reachable')} 可以满足。`;
const withoutIt = (what: string) => () => `${what}与其他约束冲突：去掉这一项就有方案。`;

/**
 * Chinese wording of each engine message, from its code and params; English uses `message.text`.
 * Exhaustive on purpose: a new code fails the typecheck here until it has its Chinese text.
 * Terms as in GLOSSARY.md (轮流分配, 首次跟进, 容量, 负责人 …) and the Policies step (细分, 负载区间, 溢出队列 …).
 */
export const ZH_ENGINE: Record<TranslatedEngineCode, (w: EngineWords) => string> = {
  // The comparison in one sentence per policy.
  verdict_more: (w) => `${w.text('policy')}：${w.num('weeks')} 周内比${w.text('baseline')}多成交 ${w.num('mean')} 单（90% 区间：${w.num('lo')} 至 ${w.num('hi')}）。`,
  verdict_fewer: (w) => `${w.text('policy')}：${w.num('weeks')} 周内比${w.text('baseline')}少成交 ${w.num('mean')} 单（90% 区间：${w.num('lo')} 至 ${w.num('hi')}）。`,
  verdict_unclear: (w) => `${w.text('policy')}：${w.num('weeks')} 周内与${w.text('baseline')}相差 ${w.num('mean')} 单（90% 区间：${w.num('lo')} 至 ${w.num('hi')}），无法可靠区分。`,
  verdict_none_beats: (w) => `在这份数据上，没有策略能可靠地胜过${w.text('baseline')}。`,
  verdict_over_capacity: (w) => `${w.text('policy')}让最忙的销售承担其容量的 ${w.num('utilization')}%，而${w.text('baseline')}遵守容量上限，${w.num('queued')}% 的线索在排队：这部分差异来自超出上限的容量，而不是更好的匹配。`,
  // What is proposed for new data, and what following it changed.
  segments_separating: (w) => `${w.text('fields')}：谁的转化最好取决于该字段（销售 × 取值的交互，似然比检验，p ≤ ${w.num('pValue')}）。`,
  segments_strongest_only: (w) => `${w.text('field')}：没有字段能明显区分不同销售的转化（最强的 ${w.text('field')}，p = ${w.num('pValue')}）；按细分分配在这份数据上收益不大。`,
  segments_none: () => '已结束的线索中没有取值个数在 2 到 30 之间的列：没有可用于细分的字段。',
  eligibility_matched: (w) => `${w.text('field')} 须与销售的技能标签 ${w.text('skill')} 相符：在岗销售覆盖 ${w.num('covered')} 条线索；${w.num('uncovered')} 条没有可分配的销售，将进入兜底规则。`,
  eligibility_none: () => '不设：没有哪一列的取值与销售的技能标签相符，任何销售都可以接任何线索。',
  horizon_from_history: (w) => `${w.num('weeks')} 周：历史共 ${w.num('historyWeeks')} 周，取四分之一（4 到 13 周之间）。`,
  horizon_default: (w) => `${w.num('weeks')} 周：线索没有创建日期，无法据此确定。`,
  follow_new_data: (w) => `${w.text('file')}：新的线索数据，已为其重新建议设置（细分、分配资格、模拟周数），并根据负责人推断团队。`,
  follow_roster_kept: (w) => `团队：保留您修改过的 ${w.num('kept')} 位销售，新增 ${w.num('added')} 位负责人，移除 ${w.num('removed')} 位已不在数据中的销售。`,
  follow_dropped_setting: (w) => `${w.text('setting')}：${w.text('fields')} 已不是线索表中的列，该设置已移除。`,
  follow_dropped_absent: (w) => `请假的销售已不在团队中：${w.text('reps')}（已移除）。`,
  follow_dropped_rep_setting: (w) => `${w.text('setting')}：${w.text('reps')} 已不在团队中，相关条目已移除。`,
  // What the data supports (readiness).
  estimates_ready: (w) => `转化率（销售 × 细分）：${w.num('reps')} 位负责人的 ${w.num('decided')} 条已结束线索。`,
  estimates_no_decided: () => '没有已成交或已输单的线索，无法学习转化率。请映射结果列，或声明哪些取值表示成交、输单。',
  estimates_no_owner: () => '已结束的线索都没有负责人，无法学习谁更擅长转化哪类线索。请映射负责人列。',
  demand_ready: (w) => `线索量与到达：共 ${w.num('weeks')} 周的创建时间。`,
  demand_no_dates: () => '没有创建时间：每周线索量、优化方案和模拟都需要它。请映射创建时间列。',
  decay_fitted: (w) => `响应时长衰减：由 ${w.num('touched')} 个首次跟进时间拟合（过少时用预设曲线）。`,
  decay_preset: () => '没有首次跟进时间：响应时长衰减使用文档中的预设曲线，可在“模型”步骤中修改。',
  revenue_ready: (w) => `金额：${w.num('wonWithValue')} 条成交线索带金额。`,
  revenue_no_values: () => '成交线索都没有金额，不能以成交金额为目标。请映射金额列。',
  backtest_ready: (w) => `回测：在 ${w.num('weeks')} 周中留出最后四分之一。`,
  backtest_short: (w) => `回测：只有 ${w.num('weeks')} 周带日期且已结束的历史，至少需要 8 周才能留出最后四分之一。`,
  simulation_ready: () => '模拟：可以运行。',
  simulation_needs_both: () => '模拟需要转化率和每周线索量，当前数据都无法提供（见上文）。',
  simulation_needs_estimates: () => '模拟需要转化率，当前数据无法提供（见上文）。',
  simulation_needs_demand: () => '模拟需要每周线索量，当前数据无法提供（见上文）。',
  // The simulator's notes (Compare step).
  scoring_cross_fit: () =>
    '评分：交叉拟合。线索按行分成两折；每次重复先用一折数据构建各分配策略（包括优化策略），再用另一折的后验评分，因此「优化器诅咒」不会美化优化策略。',
  scoring_in_sample: () => '评分：样本内。各分配策略在同一段历史上构建和评分；优化策略的优势被高估（「优化器诅咒」）。',
  arrivals_history: (w) => `线索到达：从历史中有放回地抽取整周（共 ${w.num('weeks')} 个完整周），线索量 × ${w.num('multiplier')}。`,
  arrivals_fitted: () => '线索到达：按拟合的每周线索量，对每个细分按泊松分布生成，并按一周内和一天内的分布安排时间。',
  decay: (w) =>
    `响应时长衰减：${w.num('floor')} + (1 − ${w.num('floor')})·exp(−h / ${w.num('tauHours')} 小时)，相对于历史响应时长（参照：${w.choice('referenceFrom', REFERENCE_FROM)}）。`,
  work_model: (w) =>
    `工作方式：每位销售在工作时间内（默认周一至周五 9–18 点）按先到先跟进的顺序对新线索做首次跟进；首次跟进后线索保持跟进中 ${w.num('cycleDays')} 天（销售周期的中位数）。`,
  high_value_named: (w) => `新人份额中的高价值线索：情景的新人份额所指定的细分（${w.text('segments')}）。`,
  high_value_top_quarter: () => '新人份额中的高价值线索：线索金额中位数位于所有细分前四分之一的细分。',
  without_created_at: (w) => `${w.num('count')} 条线索没有创建时间，不计入线索到达。`,
  first_touch_calibrated: (w) =>
    `首次跟进：一次首次跟进占用该线索在销售一周工作量中份额的 ${w.pct('touchShare')}（假设），销售需 ${w.num('latencyHours')} 个工作小时做出反应；已校准，使按历史线索量的现状重放的首次响应时长中位数与历史的 ${w.num('historyP50Hours')} 小时一致。`,
  first_touch_assumed: (w) =>
    `首次跟进：历史中没有首次跟进时间；一次首次跟进占用该线索在销售一周工作量中份额的 ${w.pct('touchShare')}，销售需 ${w.num('latencyHours')} 个工作小时做出反应（均为假设）。`,
  as_is_rerouted: (w) =>
    `按现状：${w.num('count')} 位销售现在无法接线索（不在岗、请假或已不在团队中）：${w.text('reps')}；他们在历史中的 ${w.pct('share')} 线索改为在可承接该线索的在岗销售之间轮流分配（与按区域分配相同），计入兜底。`,

  // The optimizer's input issues.
  bad_demand: (w) => `细分「${w.text('segment')}」：线索量必须是不小于 0 的数字（实际为 ${w.text('value')}）。`,
  bad_value_per_won: (w) => `细分「${w.text('segment')}」：每单成交金额必须是不小于 0 的数字（实际为 ${w.text('value')}）。`,
  bad_capacity: (w) => `销售「${w.text('rep')}」：容量必须是不小于 0 的每周线索数（实际为 ${w.text('value')}）。`,
  conversion_table_size: (w) =>
    `转化率表有 ${w.num('entries')} 项，应为 ${w.num('segments')} 个细分 × ${w.num('reps')} 位销售 = ${w.num('expected')} 项。`,
  eligibility_table_size: (w) => `资格表有 ${w.num('entries')} 项，应为 ${w.num('expected')} 项。`,
  bad_conversion: (w) => `细分「${w.text('segment')}」× 销售「${w.text('rep')}」的转化率为 ${w.text('value')}；必须是 [0, 1] 之间的概率。`,
  exclusion_out_of_range: (w) => `排除（细分 ${w.text('segment')}，销售 ${w.text('rep')}）超出范围。`,
  pin_out_of_range: (w) => `固定分配（细分 ${w.text('segment')}，销售 ${w.text('rep')}）超出范围。`,
  bad_pin_share: (w) => `细分「${w.text('segment')}」固定分配给销售「${w.text('rep')}」：比例必须在 [0, 1] 之间（实际为 ${w.text('value')}）。`,
  pin_inactive_rep: (w) => `细分「${w.text('segment')}」固定分配给销售「${w.text('rep')}」：该销售不在岗。`,
  pinned_and_excluded: (w) => `细分「${w.text('segment')}」对销售「${w.text('rep')}」既是固定分配又是排除。`,
  pins_over_full: (w) => `细分「${w.text('segment')}」的固定分配合计占其线索的 ${w.pct('share')}（超过 100%）。`,
  bad_load_band: (w) => `负载区间 [${w.text('min')}, ${w.text('max')}] 必须满足 0 ≤ 下限 ≤ 上限。`,
  bad_value_floor: (w) => `金额保底必须不小于 0（实际为 ${w.text('value')}）。`,
  bad_junior_share: (w) => `新人份额必须在 [0, 1] 之间（实际为 ${w.text('value')}）。`,
  junior_share_unknown_segment: (w) => `新人份额指定的细分 ${w.text('segment')} 不存在。`,
  bad_max_min_weight: (w) => `公平性强度 λ 必须不小于 0（实际为 ${w.text('value')}）。`,
  bad_overflow_penalty: (w) => `溢出惩罚必须大于 0（实际为 ${w.text('value')}）。`,
  bad_headroom: (w) => `余量必须是容量的 [0, 1) 之间的比例（实际为 ${w.text('value')}）。`,
  bad_rep_floor: (w) => `每位销售的保底负载必须是容量的 [0, 1] 之间的比例（实际为 ${w.text('value')}）。`,
  rep_eligible_for_nothing: (w) => `销售「${w.text('rep')}」没有可承接的细分，不会分到线索。`,
  segment_without_rep: (w) => `细分「${w.text('segment')}」没有可承接的在岗销售：其线索全部进入溢出队列。`,

  // Why no plan exists: necessary conditions.
  band_min_rep: (w) =>
    `${w.text('rep')} 每周至少需要 ${w.num('need')} 条线索（负载区间下限为容量 ${w.num('capacity')} 的 ${w.pct('min')}），但其可承接的细分每周只有 ${w.num('bring')} 条。`,
  band_min_team: (w) => `负载区间下限 ${w.pct('min')} 要求全团队每周 ${w.num('need')} 条线索，但线索量只有 ${w.num('demand')} 条。`,
  junior_share_no_junior: (w) =>
    `新人份额：${w.text('segments')} 的 ${w.pct('share')} 即每周 ${w.num('need')} 条线索要分给新人，但没有可承接 ${w.text('segments')} 的在岗新人。`,
  junior_share_capacity: (w) =>
    `新人份额：${w.text('segments')} 的 ${w.pct('share')} 即每周 ${w.num('need')} 条线索要分给新人，但新人的容量只有 ${w.num('room')} 条。`,
  value_floor_rep: (w) =>
    `${w.text('rep')} 的预计成交金额每周须达到 ${w.num('target')}（金额保底为平均分配的 ${w.pct('floor')}），但以容量 ${w.num('capacity')} 在其可承接的细分中每周最多只能达到 ${w.num('reach')}。`,
  pins_over_capacity: (w) => `固定分配给 ${w.text('rep')} 每周 ${w.num('load')} 条线索，但其每周最多承接 ${w.num('take')} 条。`,
  // Why no plan exists: found by relaxing one constraint at a time.
  relax_band_min: relaxed('负载区间下限'),
  relax_value_floor: relaxed('金额保底'),
  relax_junior_share: relaxed('新人份额'),
  relax_pins: withoutIt('固定分配'),
  relax_band_max: withoutIt('负载区间上限'),
  relax_capacity: withoutIt('容量'),
  relax_none: () => '这些约束组合在一起相互冲突：单独放宽任何一项都无法得到方案。',
  // Too little capacity.
  overflow_no_rep: (w) =>
    `${w.text('segments')}（${w.num('count')} 个细分）每周有 ${w.num('need')} 条线索，但没有可承接的销售：每周 ${w.num('over')} 条进入「${w.text('queue')}」队列。`,
  overflow: (w) =>
    `${w.text('segments')}（${w.num('count')} 个细分）每周有 ${w.num('need')} 条线索，可承接的销售（${w.text('reps')}）合计每周只能承接 ${w.num('take')} 条：每周 ${w.num('over')} 条进入「${w.text('queue')}」队列。`,
  // What a plan would harm: shown as warnings, never passed quietly.
  overflow_share: (w) => `方案把 ${w.pct('share')} 的线索（每周 ${w.num('demand')} 条中的 ${w.num('over')} 条）送入溢出队列（${w.text('queue')}），需要人工分配。`,
  reps_without_leads: (w) => `${w.num('count')} 位可以承接线索的在岗销售分不到任何线索：${w.text('reps')}。`,
  rep_floor_short: (w) => `${w.num('count')} 位销售共享的细分线索量不足以让每人都分到容量的 ${w.pct('floor')}：${w.text('reps')}（每周条数，实得 / 保底）。`,
  headroom_used: (w) => `线索量使 ${w.num('count')} 位销售的负载超过了扣除 ${w.pct('headroom')} 余量后的容量：${w.text('reps')}；繁忙的周会有线索落入兜底规则。`,

  // How each policy was built.
  nobody_available: (w) => `没有在岗且有容量的销售：所有线索进入「${w.text('queue')}」队列，等待人工分配。`,
  round_robin: (w) => `每条线索依次分给 ${w.num('reps')} 位在岗销售中的下一位（轮流分配；只有兜底规则，没有其他规则）。`,
  least_loaded: (w) => `每条线索分给 ${w.num('reps')} 位在岗销售中未结负载相对容量最低的一位（负载均衡；只有兜底规则，没有其他规则）。`,
  weighted_win_rate: () =>
    '每位在岗销售的份额与其历史赢单率成正比：收缩后的转化率估计 p(细分, 销售) 按各细分线索量加权平均（历史数据少的销售向团队平均收缩）。',
  weighted_tier: (w) =>
    `每位在岗销售的份额与其级别权重成正比：资深 ${w.num('senior')}，骨干 ${w.num('mid')}，新人 ${w.num('junior')}；其他或空白级别按 ${w.num('other')}（同骨干）。`,
  weighted_shares: (w) => `份额：${w.text('shares')}（整数百分比，最大余数法）。`,
  weighted_dropped: (w) => `${w.text('reps')} 的份额四舍五入为 0%，不会从这条规则分到线索。`,
  weighted_no_eligibility: () => '不考虑资格：任何销售都可能分到任何线索，与全团队按权重轮流分配相同。',
  territory_none: () => '情景没有设置资格（区域）字段，因此按区域分配与轮流分配相同。',
  territory_rules: (w) =>
    `每个 ${w.text('field')} 一条规则：在具备技能标签 ${w.text('skill')}:<${w.text('field')}> 的在岗销售之间轮流分配；其他 ${w.text('field')} 的线索按全团队轮流分配。`,
  territory_nobody: (w) =>
    `没有在岗销售具备 ${w.text('skill')}:${w.text('value')}：${w.text('field')} 为 ${w.text('value')} 的线索按全团队轮流分配。`,
  optimized_solved: (w) =>
    `由 ${w.choice('solver', SOLVER)} 求解，用时 ${w.num('ms')} 毫秒：在情景的约束下使每周${w.choice('objective', OBJECTIVE)}最大；权重是每位销售在一个细分线索中的份额（整数百分比）。`,
  floor_cost: (w) => {
    const lifted = w.num('count');
    const cost = `让每位在岗销售都至少分到容量的 ${w.pct('floor')}：每周预计少成交 ${w.num('perWeek')} 单，${w.num('weeks')} 周共少 ${w.num('total')} 单`;
    return lifted === '0' ? `${cost}。` : `${cost}；不设保底时，${lifted} 位销售分不到任何线索：${w.text('reps')}。`;
  },
  floor_free: (w) => `让每位在岗销售都至少分到容量的 ${w.pct('floor')} 在这里没有代价：不设保底的方案并不更好。`,

  // The conversion–fairness frontier.
  frontier_flat: () => '在 λ = 0 时最弱的销售已经得到其所能得到的最多：这里公平性没有代价，转化-公平权衡曲线只有一个点。',
  frontier_rise: (w) =>
    `λ 从 0 增大到 ${w.num('strength')} 时，最弱销售的每周预计成交从 ${w.num('from')} 升至 ${w.num('to')}，团队每周总成交减少 ${w.num('cost')}。`,
  frontier_points: (w) => `各点为 λ = 0，之后从 ${w.num('first')} 起每次加倍，直到最弱的销售不再改善；相同的方案只显示一次。`,
};
