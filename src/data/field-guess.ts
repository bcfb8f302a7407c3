import { CANONICAL_FIELDS, type CanonicalField } from '../model/mapping';

/**
 * Header spellings real exports use, in English and Chinese, most specific first: when two
 * columns could feed a field, the one matching the earlier spelling wins. Headers are compared
 * after `normalizeHeader`, so `Lead ID`, `lead_id` and `LeadId` are one spelling.
 */
export const HEADER_SYNONYMS: Record<CanonicalField, string[]> = {
  lead_id: ['leadid', 'leadnumber', 'leadno', 'opportunityid', 'opportunitynumber', 'dealid', 'dealnumber', 'dealno', 'recordid', 'id', 'crmid',
    'deal',
    '线索编号', '线索id', '线索号', '商机编号', '客户编号', '编号', '序号'],
  created_at: ['createdat', 'createddate', 'createdtime', 'createdon', 'createtime', 'creationdate', 'created',
    'leadcreateddate', 'engagedate', 'date', '创建时间', '创建日期', '录入时间', '提交时间', '线索创建时间', '日期'],
  // As CRMs export the rep a lead belongs to: Salesforce (Lead Owner, Opportunity Owner), HubSpot
  // (Contact/Deal/HubSpot Owner), Pipedrive and Zoho (Owner, Assigned To), Dynamics (Owning User),
  // B2B deal lists (Seller, Account Executive), 销售易 / 纷享销客 / 钉钉 CRM (负责人, 跟进人, 客户经理 …).
  owner: ['owner', 'ownerid', 'ownername', 'leadowner', 'leadownername', 'opportunityowner', 'dealowner', 'contactowner',
    'hubspotowner', 'recordowner', 'owninguser', 'salesrep', 'salesrepresentative', 'salesagent', 'salesowner',
    'salesperson', 'salesman', 'seller', 'accountexecutive', 'ae', 'accountmanager', 'assignedto', 'assignedrep',
    'assigneduser', 'assignee', 'rep', 'agent', 'consultant',
    '负责人', '线索负责人', '客户负责人', '所属销售', '归属销售', '负责销售', '跟进销售', '销售代表', '销售人员', '销售员',
    '销售顾问', '客户经理', '销售', '跟进人', '跟进人员', '归属人', '所属人', '业务员', '跟单员', '经办人', '所有人'],
  outcome: ['outcome', 'iswon', 'won', 'converted', 'isconverted', 'dealstage', 'stage', 'status', 'result', 'leadstatus',
    '是否成交', '成交状态', '线索状态', '结果', '状态', '阶段'],
  value: ['value', 'expectedvalue', 'estimatedvalue', 'dealvalue', 'amount', 'expectedrevenue', 'potentialvalue',
    'closevalue', '预计金额', '预估金额', '商机金额', '金额', '成交金额'],
  first_touch_at: ['firsttouchat', 'firsttouch', 'firsttouchtime', 'firstcontactat', 'firstcontact', 'firstcontacted',
    'firstresponseat', 'firstresponse', 'firstactivity', '首次跟进时间', '首次响应时间', '首次联系时间', '首次跟进'],
  closed_at: ['closedat', 'closedate', 'closeddate', 'closetime', 'wondate', '成交时间', '成交日期', '关闭时间', '结单时间'],
};

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-./()（）:：#]+/g, '');
}

/** Proposes a column for each canonical field; each column feeds at most one field. */
export function guessFields(columns: string[]): Partial<Record<CanonicalField, string>> {
  // A currency in brackets (`Deal value (EUR)`, `预计金额（元）`) names the column no less. Not 万元 or
  // (k): those amounts are in other units, and read as they stand they would be off by thousands.
  const withoutUnit = (c: string) => c.replace(/\s*[(（[【]\s*(EUR|USD|CNY|RMB|GBP|JPY|元|人民币|¥|￥|\$|€|£)\s*[)）\]】]\s*$/i, '');
  const byNormal = new Map([...columns.map((c) => [normalizeHeader(withoutUnit(c)), c] as const), ...columns.map((c) => [normalizeHeader(c), c] as const)]);
  const taken = new Set<string>();
  const fields: Partial<Record<CanonicalField, string>> = {};
  // Fields with distinctive names go first so that generic ones (`id`, `date`) take what is left.
  const order: CanonicalField[] = ['first_touch_at', 'closed_at', 'created_at', 'lead_id', 'owner', 'outcome', 'value'];
  for (const field of order) {
    for (const spelling of HEADER_SYNONYMS[field]) {
      const column = byNormal.get(spelling);
      if (column && !taken.has(column)) {
        fields[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  return Object.fromEntries(CANONICAL_FIELDS.filter((f) => fields[f]).map((f) => [f, fields[f]]));
}

/** Contact columns checked for duplicate leads (查重): email and phone, in either language. */
export function guessContactColumns(columns: string[]): string[] {
  return columns.filter((c) => /e-?mail|phone|mobile|tel|邮箱|电话|手机|联系方式/i.test(c));
}
