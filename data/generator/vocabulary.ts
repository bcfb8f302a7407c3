/**
 * The categories of the sample leads, in English (leads.csv) and as a Chinese CRM writes them
 * (leads-zh-gbk.csv). One table per attribute, so the two files can never disagree.
 */

export const REGIONS = ['East', 'North', 'South'] as const;
export type Region = (typeof REGIONS)[number];

export const PRODUCTS = ['Starter', 'Pro', 'Enterprise'] as const;
export type Product = (typeof PRODUCTS)[number];

export const INDUSTRIES = ['Manufacturing', 'Internet', 'Finance', 'Retail', 'Education'] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const SOURCES = ['Website', 'Ads', 'Referral', 'Trade show', 'Outbound'] as const;
export type Source = (typeof SOURCES)[number];

export const COMPANY_SIZES = ['1-49', '50-199', '200-999', '1000+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const OUTCOMES = ['Won', 'Lost', 'Open'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ZH: {
  region: Record<Region, string>;
  product: Record<Product, string>;
  industry: Record<Industry, string>;
  source: Record<Source, string>;
  companySize: Record<CompanySize, string>;
  outcome: Record<Outcome, string>;
} = {
  region: { East: '华东', North: '华北', South: '华南' },
  product: { Starter: '基础版', Pro: '专业版', Enterprise: '旗舰版' },
  industry: {
    Manufacturing: '制造业',
    Internet: '互联网',
    Finance: '金融',
    Retail: '零售',
    Education: '教育',
  },
  source: {
    Website: '官网',
    Ads: '广告投放',
    Referral: '客户转介绍',
    'Trade show': '展会',
    Outbound: '电话外呼',
  },
  companySize: { '1-49': '1-49人', '50-199': '50-199人', '200-999': '200-999人', '1000+': '1000人以上' },
  outcome: { Won: '成交', Lost: '未成交', Open: '跟进中' },
};

/** A segment is region × product; its key is written `East|Enterprise` in truth.json. */
export type SegmentKey = `${Region}|${Product}`;

export function segmentKey(region: Region, product: Product): SegmentKey {
  return `${region}|${product}`;
}

export const SEGMENTS: readonly SegmentKey[] = REGIONS.flatMap((r) => PRODUCTS.map((p) => segmentKey(r, p)));

/** English column order of leads.csv. */
export const LEAD_COLUMNS = [
  'lead_id',
  'created_at',
  'owner',
  'region',
  'industry',
  'product',
  'source',
  'company_size',
  'email',
  'phone',
  'value',
  'first_touch_at',
  'outcome',
  'closed_at',
  'won_value',
] as const;

/** The same columns as a Chinese CRM export names them, in the same order. */
export const LEAD_COLUMNS_ZH: Record<(typeof LEAD_COLUMNS)[number], string> = {
  lead_id: '线索编号',
  created_at: '创建时间',
  owner: '负责人',
  region: '所属区域',
  industry: '行业',
  product: '产品',
  source: '线索来源',
  company_size: '公司规模',
  email: '邮箱',
  phone: '电话',
  value: '预计金额',
  first_touch_at: '首次跟进时间',
  outcome: '是否成交',
  closed_at: '成交时间',
  won_value: '成交金额',
};

export const ROSTER_COLUMNS = [
  'rep_id',
  'name',
  'team',
  'tier',
  'skills',
  'capacity_per_week',
  'max_open',
  'active',
  'crm_user',
] as const;
