import type { Region } from './vocabulary.js';

export type Tier = 'junior' | 'mid' | 'senior';

/** One row of roster.csv (DESIGN §2.2). */
export interface RepRow {
  rep_id: string;
  name: string;
  team: string;
  tier: Tier;
  skills: string[];
  capacity_per_week: number;
  max_open: number;
  active: boolean;
  crm_user: string;
}

/** A rep as the generator sees them: the roster row plus their history in the sample year. */
export interface TeamMember {
  row: RepRow;
  /** Home territory: the region whose leads the round robin gives them. */
  region: Region;
  /** First day they take leads (`YYYY-MM-DD`), or null if there from the start. */
  joined: string | null;
  /** First day they no longer take leads, or null if still active. */
  left: string | null;
  /** Planted base skill, log-odds added to every segment. */
  skill: number;
}

const CAPACITY: Record<Tier, number> = { junior: 12, mid: 14, senior: 16 };
const MAX_OPEN: Record<Tier, number> = { junior: 40, mid: 60, senior: 80 };

interface MemberSpec {
  id: string;
  name: string;
  /** Latin spelling for the CRM user name. */
  user: string;
  region: Region;
  tier: Tier;
  skill: number;
  extraSkills?: string[];
  joined?: string;
  left?: string;
}

/**
 * The sample team: 15 reps in three territory teams. Chinese and English names mixed, as in a
 * team that sells to both domestic and foreign-owned companies. Two reps leave before the end of
 * the year (inactive in the roster), one joins in July (fewer leads).
 */
const SPECS: readonly MemberSpec[] = [
  { id: 'r01', name: '王芳', user: 'wang.fang', region: 'East', tier: 'senior', skill: 0.3, extraSkills: ['product:Enterprise'] },
  { id: 'r02', name: '李伟', user: 'li.wei', region: 'East', tier: 'mid', skill: 0.05 },
  { id: 'r03', name: 'Emily Chen', user: 'emily.chen', region: 'East', tier: 'junior', skill: -0.2, extraSkills: ['lang:en'] },
  { id: 'r04', name: '张敏', user: 'zhang.min', region: 'East', tier: 'mid', skill: 0.1 },
  { id: 'r05', name: '刘洋', user: 'liu.yang', region: 'East', tier: 'junior', skill: -0.3, joined: '2025-07-07' },
  { id: 'r06', name: '陈静', user: 'chen.jing', region: 'North', tier: 'senior', skill: 0.25, extraSkills: ['product:Enterprise'] },
  { id: 'r07', name: 'David Liu', user: 'david.liu', region: 'North', tier: 'mid', skill: 0, extraSkills: ['lang:en', 'product:Pro'] },
  { id: 'r08', name: '杨磊', user: 'yang.lei', region: 'North', tier: 'junior', skill: -0.25 },
  { id: 'r09', name: '赵丽', user: 'zhao.li', region: 'North', tier: 'mid', skill: 0.15 },
  { id: 'r10', name: 'Michael Zhang', user: 'michael.zhang', region: 'North', tier: 'senior', skill: 0.2, extraSkills: ['lang:en'], left: '2025-10-31' },
  { id: 'r11', name: '黄强', user: 'huang.qiang', region: 'South', tier: 'senior', skill: 0.35, extraSkills: ['product:Enterprise'] },
  { id: 'r12', name: 'Sophie Lin', user: 'sophie.lin', region: 'South', tier: 'mid', skill: 0.05, extraSkills: ['lang:en', 'product:Pro'] },
  { id: 'r13', name: '周杰', user: 'zhou.jie', region: 'South', tier: 'junior', skill: -0.15 },
  { id: 'r14', name: '吴婷', user: 'wu.ting', region: 'South', tier: 'mid', skill: -0.05, left: '2025-12-05' },
  { id: 'r15', name: 'James Wu', user: 'james.wu', region: 'South', tier: 'junior', skill: -0.35, extraSkills: ['lang:en'] },
];

/** Tags in a stable, readable order: region, then product, then language (zh before en). */
function orderSkills(tags: string[]): string[] {
  const rank = (t: string): number => ['region:', 'product:', 'lang:zh', 'lang:'].findIndex((p) => t.startsWith(p));
  return [...tags].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The team, with base skills scaled by `skillScale` (0 gives a team whose reps do not differ). */
export function buildTeam(skillScale: number): TeamMember[] {
  return SPECS.map((s) => ({
    row: {
      rep_id: s.id,
      name: s.name,
      team: `${s.region} team`,
      tier: s.tier,
      skills: orderSkills([`region:${s.region}`, 'lang:zh', ...(s.extraSkills ?? [])]),
      capacity_per_week: CAPACITY[s.tier],
      max_open: MAX_OPEN[s.tier],
      active: s.left === undefined,
      crm_user: `${s.user}@allot-sample.example`,
    },
    region: s.region,
    joined: s.joined ?? null,
    left: s.left ?? null,
    skill: s.skill * skillScale,
  }));
}
