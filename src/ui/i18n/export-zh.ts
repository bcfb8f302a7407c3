import type { ExportErrorCode, LimitationCode } from '../../export/target';

/** What an export template gets: each param as text (numbers already formatted for the locale). */
export interface ExportWords {
  param: (name: string) => string;
  has: (name: string) => boolean;
}

export interface LimitationTemplate {
  what: (w: ExportWords) => string;
  approximation: (w: ExportWords) => string;
}

const PRESCREEN = '预审（拒绝条件与查重）';
const POOL_EMPTY = '该销售组目前没有人能接收线索';
const SMALL_WEIGHT = '低于 0.5% 的权重';
const SET_CRM_USERS = '在团队名单中加入 crm_user 列，或在“团队”步骤中填写';
/** `r01 王芳, r02 李伟`, and past ten how many more (crm-users.ts listReps). */
const repList = (w: ExportWords) => `${w.param('reps')}${w.has('more') ? `，另有 ${w.param('more')} 名` : ''}`;

/**
 * Chinese wording of each export limitation, from its code and params; English uses the
 * limitation's own `what` and `approximation`. Exhaustive on purpose: a new code fails the
 * typecheck here until it has its Chinese text. Every template names every param it is given
 * (test/export/limitation-texts.test.ts holds it to that), so no rep, rule or field goes unnamed.
 */
export const ZH_LIMITATIONS: Record<LimitationCode, LimitationTemplate> = {
  rep_absent: {
    what: (w) => `销售 ${w.param('rep')}（${w.param('name')}）请假中`,
    approximation: () => '已从本条分配规则中移除；返岗后请在 CRM 中重新加入',
  },
  rep_inactive: {
    what: (w) => `销售 ${w.param('rep')}（${w.param('name')}）已停用`,
    approximation: () => '已从本条分配规则中移除；重新启用后请在 CRM 中重新加入',
  },
  no_weekly_cap: {
    what: (w) => `${w.param('count')} 名销售的每周容量上限（capacityPerWeek）`,
    approximation: (w) => `${w.param('target')} 没有按销售设置的每周上限：销售超过上限后仍会继续收到线索；请关注负载报表，或调低其权重`,
  },
  no_open_limit: {
    what: (w) => `${w.param('reps')} 的在手线索上限（maxOpen）`,
    approximation: (w) => `${w.param('target')} 分配前不检查销售的在手线索数`,
  },
  later_absences: {
    what: () => '导出之后才确定的请假',
    approximation: () => '当前不在岗的销售已从规则中移除；之后的请假需在 CRM 中手动设置',
  },
  sheet_prescreen: {
    what: () => PRESCREEN,
    approximation: () => '未写入分配表：请在 CRM 中设置查重',
  },
  crm_users_missing: {
    what: (w) => `${w.param('count')} 名在岗销售的 CRM 账号（${repList(w)}）`,
    approximation: () => `清单上按销售姓名和编号列出；配置规则前请查到每人的 CRM 账号（用户名或邮箱），也可以${SET_CRM_USERS}`,
  },
  hubspot_least_loaded: {
    what: () => '负载均衡（least_loaded）',
    approximation: () => 'HubSpot 在负责人之间平均轮流分配，不看各人的在手线索数',
  },
  hubspot_small_weight: {
    what: () => SMALL_WEIGHT,
    approximation: () => '按整数百分比取整；占 0% 的销售没有对应的拆分分支',
  },
  hubspot_random_split: {
    what: () => '精确的按权重轮流分配',
    approximation: () => '每个按权重分配的销售组都是按整数百分比的随机拆分：平均而言占比与权重一致，但并非逐条线索一致',
  },
  hubspot_case_insensitive: {
    what: () => '区分大小写的文本条件',
    approximation: () => 'HubSpot 的文本筛选不区分大小写（"east" 也匹配 East）',
  },
  hubspot_owner_ids: {
    what: (w) => `以邮箱或用户名指定的负责人（${w.param('count')} 名销售，如 ${w.param('example')}）`,
    approximation: () => 'user_ids 必须是 HubSpot 用户 ID：创建工作流前，请把每个 crmUser 换成其用户 ID（GET /settings/v3/users）',
  },
  hubspot_prescreen: {
    what: () => PRESCREEN,
    approximation: () => '未导出：HubSpot 会自行按邮箱对联系人查重；拒绝条件请用注册筛选条件实现',
  },
  frappe_pool_empty: {
    what: () => POOL_EMPTY,
    approximation: () => '本规则改用兜底规则的销售组和分配方式',
  },
  frappe_least_loaded: {
    what: () => '负载均衡按容量折算在手线索',
    approximation: () => 'Frappe 的 Load Balancing 把线索分给在手分配最少的用户，不考虑其容量',
  },
  frappe_small_weight: {
    what: () => SMALL_WEIGHT,
    approximation: () => '按整数百分比取整；占 0% 的销售被移除',
  },
  frappe_prescreen: {
    what: () => PRESCREEN,
    approximation: () => '未导出：请在 Frappe 中设置查重和校验',
  },
  odoo_pool_empty: {
    what: () => POOL_EMPTY,
    approximation: () => '该销售团队改用兜底规则的成员',
  },
  odoo_review_queue: {
    what: (w) => `人工审核队列「${w.param('queue')}」`,
    approximation: () => '导出为一个没有成员的销售团队：其线索保持未分配，等人工分配',
  },
  odoo_quota_above_capacity: {
    what: () => '某销售的配额超过其每月容量',
    approximation: () => '为保持权重仍保留该配额；该销售可能超负荷',
  },
  odoo_monthly_quota: {
    what: () => '每周容量（capacityPerWeek）',
    approximation: () =>
      'assignment_max 是每个团队成员的月度配额（容量 × 52/12，取整）；Odoo 的分配定时任务按 assignment_max / 30 折算为每日配额，超出的线索留到次日再分配',
  },
  odoo_field_names: {
    what: () => '线索字段',
    approximation: () => 'domain 中的字段名与规则中一致；这些字段须以同名存在于 crm.lead 上（自定义字段以 x_ 开头）',
  },
  odoo_batch_assignment: {
    what: () => '即时、逐条的线索分配',
    approximation: () =>
      'Odoo 在分配定时任务运行时（或点击“Assign Leads”时）批量分配；按剩余配额的比例随机选择销售，因此占比平均而言与权重一致，但并非逐条一致',
  },
  odoo_prescreen: {
    what: () => PRESCREEN,
    approximation: () => '未导出：请使用 Odoo 的重复检测和线索筛选',
  },
  salesforce_slot_sequence: {
    what: () => '每条规则各自的轮流计数器（路由器为每个销售组各保留一个）',
    approximation: (w) =>
      `一个自动编号字段（${w.param('sequenceField')}）为每条线索编号，${w.param('slotField')} = 编号除以 ${w.param('slots')} 的余数；` +
      '一条规则的线索落在整个线索流留给它的槽位上，因此长期占比正确，但可能连续多条分给同一名销售；若该规则的线索按固定节奏到达，某些槽位会远多于其他槽位',
  },
  salesforce_least_loaded: {
    what: () => '负载均衡（分给在手线索最少的销售）',
    approximation: () => '等分槽位范围：无论各人在手多少，销售组都平均轮流分配',
  },
  salesforce_sla: {
    what: () => '本规则的跟进时限（首次跟进、回收）',
    approximation: () => '未导出：线索分配规则没有升级机制（Salesforce 只对个案升级）；请用报表或定时流程监控',
  },
  salesforce_no_fallback: {
    what: () => '兜底规则的销售组中没有人能接收线索',
    approximation: () => '没有兜底条目：未匹配任何规则的线索留给 Lead Settings 中设置的默认线索负责人（路由器会把它放入“未分配”队列）',
  },
  salesforce_queue_mode: {
    what: () => '销售组、权重与轮流分配',
    approximation: (w) =>
      `每条规则都分配到队列 ${w.param('queue')}；Salesforce 规则不会把队列中的线索再分下去，因此不应用权重（请用 Omni-Channel 或由专人从队列中认领线索）`,
  },
  salesforce_queue_not_created: {
    what: (w) => `本导出不会创建队列「${w.param('queue')}」`,
    approximation: (w) => `部署前请为线索创建一个 API 名称为 ${w.param('queue')} 的队列`,
  },
  salesforce_queue_renamed: {
    what: (w) => `本导出不会创建队列「${w.param('queue')}」（Salesforce 中命名为 ${w.param('name')}；「${w.param('queue')}」不能作为开发者名称）`,
    approximation: (w) => `部署前请为线索创建一个 API 名称为 ${w.param('name')} 的队列`,
  },
  salesforce_zero_slot: {
    what: (w) => `${w.param('reps')} 的权重不足半个槽位（1/${w.param('slots')}）`,
    approximation: () => '他们分不到槽位，因此不会从本规则收到线索',
  },
  salesforce_rounded_slots: {
    what: () => '占比不是整数个槽位',
    approximation: (w) => `按 ${w.param('slots')} 个槽位取整：${w.param('shares')}`,
  },
  salesforce_prescreen_reject: {
    what: (w) => `分配前应用的 ${w.param('count')} 个拒绝条件`,
    approximation: () => '未导出：分配规则不能拒绝线索，这些线索会像其他线索一样被分配（可用验证规则或流程拒绝）',
  },
  salesforce_prescreen_dedupe: {
    what: (w) => `按 ${w.param('fields')} 查重`,
    approximation: () => '未导出：请在这些字段上设置 Salesforce 重复规则（Duplicate Rule）',
  },
  salesforce_case_insensitive: {
    what: () => '区分大小写的文本比较（eq、in、contains…）',
    approximation: () => 'Salesforce 条件不区分大小写："east" 也会匹配针对 "East" 的规则',
  },
  salesforce_standard_field: {
    what: (w) => `线索字段「${w.param('field')}」`,
    approximation: (w) => `按标准字段 Lead.${w.param('apiName')} 比较；请核对其取值（选项列表条目）与规则中的写法一致`,
  },
  salesforce_custom_number_field: {
    what: (w) => `线索字段「${w.param('field')}」不是 Salesforce 字段`,
    approximation: (w) => `按 Lead.${w.param('apiName')} 比较：请创建该自定义字段（数字类型，因为规则按数值比较它）并填写，或在部署前把规则条目中的字段名换成你自己的字段`,
  },
  salesforce_custom_text_field: {
    what: (w) => `线索字段「${w.param('field')}」不是 Salesforce 字段`,
    approximation: (w) => `按 Lead.${w.param('apiName')} 比较：请创建该自定义字段（文本或选项列表类型）并填写，或在部署前把规则条目中的字段名换成你自己的字段`,
  },
  salesforce_rule_name: {
    what: (w) => `配置名称「${w.param('name')}」`,
    approximation: (w) => `Salesforce 规则命名为「${w.param('ruleName')}」（合并空白，最多 ${w.param('max')} 个字符）`,
  },
  salesforce_experiment_slots: {
    what: () => '实验按槽位分组',
    approximation: (w) =>
      `${w.param('slotField')} 小于 ${w.param('slots')} 的线索属于实验组（每 100 条连续线索中恰好 ${w.param('slots')} 条），其余属于对照组；组内的销售组按 ${w.param('armSlotField')}（本组自己的线索计数除以 100 的余数）轮转，因此分组不会扭曲权重`,
  },
  salesforce_keep_current: {
    what: (w) => `对照组「${w.param('control')}」沿用现有流程`,
    approximation: (w) =>
      `这些规则条目只接收实验组的线索（${w.param('slotField')} 小于 ${w.param('slots')}）；Salesforce 同时只能启用一条分配规则，请把现有规则的条目追加在它们之后（这些条目只会看到对照组线索），否则对照组线索将保留默认负责人`,
  },
  salesforce_experiment_weeks: {
    what: () => '实验按周分组',
    approximation: (w) =>
      `${w.param('armField')} 按线索 CreatedDate 所在的周（从 ${w.param('weekStart')}（周一）起计）标出其分组；Salesforce 按 GMT 取日期，因此每周一 00:00 GMT 换周，在本地零点与 GMT 零点之间创建的线索会落入相邻一周的分组（路由器按 created_at 原样读取日期）。实验读数请用 --arm-column ${w.param('armField')}：它记录的是 Salesforce 实际采用的分组`,
  },
  salesforce_week_keep_current: {
    what: (w) => `对照组「${w.param('control')}」沿用现有流程`,
    approximation: (w) =>
      `这些规则条目只接收实验组的线索（${w.param('armField')} = candidate）；Salesforce 同时只能启用一条分配规则，请把现有规则的条目追加在它们之后（这些条目只会看到对照组线索），否则对照组线索将保留默认负责人`,
  },
  hubspot_experiment_split: {
    what: (w) => `实验按 ${w.param('unit')} 分组`,
    approximation: (w) =>
      `改为随机拆分分支：${w.param('percent')} 的联系人走实验组规则，其余走对照组规则。联系人足够多时比例成立，但无法从线索本身（没有哈希、没有槽位）推算分组：请把每个联系人走过的分支（工作流操作日志，或在各分支上添加的“设置属性值”操作）作为分组列交给实验读数`,
  },
  hubspot_keep_current: {
    what: (w) => `对照组「${w.param('control')}」沿用现有流程`,
    approximation: () => '它的拆分分支没有任何操作：这些联系人以无负责人状态离开本工作流，由现有流程分配；请确保现有流程不会抢先接走实验组的联系人',
  },
  sheet_experiment: {
    what: (w) => `实验分组（按 ${w.param('unit')}）`,
    approximation: () => '已在分配表中用文字写明：手工配置的 CRM 需要知道每条线索的分组（按表中说明填写的字段，或按周手动切换规则），且每条规则都须限定其分组',
  },
  router_keep_current: {
    what: (w) => `对照组「${w.param('control')}」沿用现有流程`,
    approximation: () => '路由器对这些线索的决定为“left_to_current”，不分配给任何人：你的 webhook 须把它们交给现有流程',
  },
};

const NO_QUEUE_HELP = '请改为给该规则设置一个由审核人员组成的销售组';

/** Chinese wording of each reason an exporter refuses a config; the JSON path is put in front by the caller. */
export const ZH_EXPORT_ERRORS: Record<ExportErrorCode, (w: ExportWords) => string> = {
  invalid_config: (w) => `不是有效的 allot.rules/v2 分配策略：${w.param('detail')}`,
  fallback_empty: () => '兜底规则中没有可分配的在岗销售',
  control_character: (w) => `${w.param('text')} 含有 XML 1.0 无法承载的控制字符，请删除后再导出`,
  crm_users_missing: (w) => `${w.param('count')} 名在岗销售没有 CRM 账号（用户名或邮箱）：${repList(w)}；请${SET_CRM_USERS}`,
  hubspot_review_queue: (w) => `HubSpot 工作流只能轮流分配给负责人，没有线索队列（「${w.param('queue')}」）；${NO_QUEUE_HELP}`,
  hubspot_empty_pool: () => '该销售组中没有在岗销售，而 HubSpot 轮流分配至少需要一名负责人',
  hubspot_too_many_groups: (w) => `按 HubSpot 的“或-且”筛选结构，该条件需要超过 ${w.param('max')} 个条件组；请把规则拆成几条更简单的规则`,
  hubspot_property_name: (w) => `「${w.param('field')}」不是 HubSpot 属性名（只能用小写字母、数字和 _）；请使用该属性的内部名称`,
  hubspot_text_ordering: (w) => `HubSpot 筛选对文本只能判断相等或不等，无法对文本 ${w.param('value')} 使用“${w.param('op')}”；请使用数字或取值列表`,
  frappe_v15_weights: () => 'Frappe v15 没有按权重分配的规则（Round Robin 为平均分配）；请导出为 v16（Weighted Distribution），或把权重设为相等',
  frappe_review_queue: (w) => `Frappe 分配规则只能分配给用户，不能分配到队列（「${w.param('queue')}」）；${NO_QUEUE_HELP}`,
  frappe_field_name: (w) => `字段「${w.param('field')}」不是合法的 Python 名称，Frappe 条件无法引用它；请使用该字段的 fieldname（如 custom_region）`,
  odoo_field_name: (w) => `「${w.param('field')}」不能作为 Odoo 字段名（只能用小写字母、数字和 _）；请填写 crm.lead 的字段名，如 x_region`,
  odoo_like_wildcard: (w) => `Odoo 的 "like" 会把 ${w.param('value')} 中的 %、_ 或 \\ 当作通配符，因此无法准确表达“包含”`,
  odoo_weight_too_small: (w) => `某个权重太小，在 ${w.param('volume')} 条线索的月度配额中分不到一条；Odoo 将不会给该销售分配任何线索`,
  salesforce_too_many_criteria: (w) =>
    `规则「${w.param('rule')}」的一个规则条目需要 ${w.param('count')} 个条件项` +
    (w.has('slotItems') ? `（其中 ${w.param('slotItems')} 个用于槽位拆分）` : '') +
    `；Salesforce 最多允许 ${w.param('max')} 个。请把它拆成几条规则`,
  salesforce_too_many_entries: (w) => `这些规则需要 ${w.param('count')} 个规则条目，而一条 Salesforce 分配规则最多容纳 ${w.param('max')} 个。请合并规则或缩小销售组`,
  salesforce_nobody_available: (w) =>
    `规则「${w.param('rule')}」的销售组和兜底规则中都没有人能接收线索，而 Salesforce 规则条目无法把线索留给后面的条目；请让其中一方的某位销售恢复在岗`,
  salesforce_number_exponent: (w) => `数字 ${w.param('number')} 需要用指数表示，Salesforce 条件无法读取；请写成普通数字或调整该字段的单位`,
  salesforce_field_collision: (w) =>
    `线索字段「${w.param('field')}」与「${w.param('other')}」在 Salesforce 中都会成为 Lead.${w.param('apiName')}；请在线索文件和规则中重命名其中一个`,
  salesforce_field_reserved: (w) =>
    `线索字段「${w.param('field')}」会成为 Lead.${w.param('apiName')}，与 Allot 用于槽位拆分的字段同名；请在线索文件和规则中重命名它`,
  salesforce_experiment_unit: (w) =>
    `Salesforce 公式没有哈希函数，无法按 ${w.param('unit')}（线索编号的哈希）分组；请把实验的单位改为 slot（Salesforce 自动编号除以 100 的余数）或 week，或用参考路由器运行按 ${w.param('unit')} 分组的实验`,
  salesforce_experiment_week_share: (w) =>
    `Salesforce 公式按精确小数计算第 ${w.param('week')} 周的分组，而 Allot 路由器按二进制浮点计算：占比 ${w.param('share')} 会让两者在这一周不一致；请选择 0.5、0.25 或 0.3 这样的占比`,
  hubspot_experiment_week: () => 'HubSpot 的拆分分支对每个联系人随机选择分支，无法把整周线索交给同一套策略；请每周手动切换工作流（分配表列出了各周），或使用参考路由器',
  hubspot_experiment_share: (w) => `HubSpot 按整数百分比拆分，实验组占比 ${w.param('share')} 会让其中一个分支为 0%；请把占比设在 0.01 到 0.99 之间`,
  experiment_not_expressible: (w) =>
    `${w.param('target')} 无法按 ${w.param('unit')} 把线索分给两套策略：它的条件只能比较线索字段，而线索中没有表示分组的字段。请用参考路由器或 Salesforce（单位 slot）运行实验，或给线索加上分组字段，并把每组的规则分别导出为带该条件的规则文件`,
};
