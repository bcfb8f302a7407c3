import { createRng, type Rng } from '../../data/generator/random';

/**
 * The large team's world, fixed before the first lead: 15 regions, 20 products, 200 reps with
 * their tiers, territories, capacities and planted conversion differences. Everything a lead
 * needs is an integer id or a typed array here, so the lead loop only indexes.
 *
 *   p(won) = logistic(product base + region shift + rep skill + rep × product effect) × decay(hours to first touch)
 */

export interface Region {
  name: string;
  /** Share of the leads, before normalising. */
  weight: number;
}

export interface Product {
  name: string;
  /** Log-odds of winning for an average rep touching the lead at once. */
  base: number;
  /** Median deal value (CNY). */
  medianValue: number;
  weight: number;
}

export const REGIONS: readonly Region[] = [
  { name: 'Shanghai', weight: 12 }, { name: 'Beijing', weight: 11 }, { name: 'Shenzhen', weight: 9 }, { name: 'Guangzhou', weight: 8 },
  { name: 'Hangzhou', weight: 7 }, { name: 'Chengdu', weight: 7 }, { name: 'Nanjing', weight: 6 }, { name: 'Wuhan', weight: 6 },
  { name: 'Suzhou', weight: 5.5 }, { name: 'Tianjin', weight: 5 }, { name: 'Chongqing', weight: 5 }, { name: 'Xiamen', weight: 4.5 },
  { name: 'Qingdao', weight: 4 }, { name: 'Changsha', weight: 4 }, { name: 'Shenyang', weight: 3.5 },
];

export const PRODUCTS: readonly Product[] = [
  { name: 'CRM Starter', base: -0.8, medianValue: 8_000, weight: 12 },
  { name: 'CRM Pro', base: -1.2, medianValue: 30_000, weight: 9 },
  { name: 'CRM Enterprise', base: -1.7, medianValue: 150_000, weight: 4 },
  { name: 'Marketing Cloud', base: -1.3, medianValue: 45_000, weight: 6 },
  { name: 'Service Desk', base: -1.0, medianValue: 20_000, weight: 7 },
  { name: 'Field Service', base: -1.4, medianValue: 60_000, weight: 4 },
  { name: 'Analytics', base: -1.2, medianValue: 35_000, weight: 6 },
  { name: 'Data Warehouse', base: -1.8, medianValue: 120_000, weight: 3 },
  { name: 'Commerce', base: -1.3, medianValue: 50_000, weight: 5 },
  { name: 'Payments', base: -1.1, medianValue: 25_000, weight: 5 },
  { name: 'HR Suite', base: -1.2, medianValue: 28_000, weight: 5 },
  { name: 'Payroll', base: -0.9, medianValue: 12_000, weight: 6 },
  { name: 'Finance Suite', base: -1.5, medianValue: 80_000, weight: 4 },
  { name: 'Procurement', base: -1.5, medianValue: 70_000, weight: 3 },
  { name: 'Inventory', base: -1.1, medianValue: 18_000, weight: 5 },
  { name: 'Logistics', base: -1.4, medianValue: 55_000, weight: 4 },
  { name: 'Collaboration', base: -0.7, medianValue: 6_000, weight: 7 },
  { name: 'Security', base: -1.3, medianValue: 40_000, weight: 4 },
  { name: 'Identity', base: -1.2, medianValue: 22_000, weight: 3 },
  { name: 'IoT Platform', base: -1.9, medianValue: 200_000, weight: 2 },
];

export type Tier = 'junior' | 'mid' | 'senior';
const TIERS: readonly Tier[] = ['junior', 'mid', 'senior'];
const TIER_SHARE = [0.25, 0.5, 0.25];
const TIER_SKILL: Record<Tier, number> = { junior: -0.15, mid: 0, senior: 0.1 };
/** A junior takes fewer leads a week than a senior. */
const TIER_CAPACITY: Record<Tier, number> = { junior: 0.75, mid: 1, senior: 1.2 };
/** Working minutes to first touch, median: seniors are busier. */
export const TIER_RESPONSE_MINUTES: Record<Tier, number> = { junior: 50, mid: 80, senior: 120 };

export interface Rep {
  /** As the CRM export names the lead's owner; the roster's rep_id is the same text. */
  name: string;
  crmUser: string;
  tier: Tier;
  home: number;
  /** A neighbouring territory the rep also covers, or -1. */
  second: number;
  english: boolean;
  skill: number;
  /** Products the rep is a specialist in (their effect is planted positive). */
  specialties: number[];
  /** First week (0-based) the rep takes leads, and the first week they no longer do. */
  joinedWeek: number;
  leftWeek: number;
  /** Dates away in the simulated horizon (`2026-01-12..2026-01-16`). */
  absences: string[];
  capacityPerWeek: number;
}

export interface PlantedEffect {
  rep: string;
  product: string;
  effect: number;
}

export interface LargeWorld {
  reps: Rep[];
  /** logit shift per region. */
  regionShift: Float64Array;
  /** rep × product log-odds effect, row-major (rep * PRODUCTS.length + product). */
  effects: Float64Array;
  planted: PlantedEffect[];
  /** Sum of the active reps' capacity / the mean weekly demand. */
  capacityRatio: number;
}

export interface WorldOptions {
  seed: number;
  reps: number;
  /** Mean leads a week over the year: capacities are set from it. */
  leadsPerWeek: number;
  /** Active capacity / mean demand, per region. */
  capacityRatio: number;
}

const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['黄', 'Huang'], ['赵', 'Zhao'],
  ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'],
  ['何', 'He'], ['林', 'Lin'], ['高', 'Gao'], ['罗', 'Luo'], ['郑', 'Zheng'], ['梁', 'Liang'], ['谢', 'Xie'], ['宋', 'Song'],
  ['唐', 'Tang'], ['韩', 'Han'], ['冯', 'Feng'], ['邓', 'Deng'], ['曹', 'Cao'], ['彭', 'Peng'],
];
const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'], ['强', 'Qiang'], ['磊', 'Lei'],
  ['军', 'Jun'], ['洋', 'Yang'], ['勇', 'Yong'], ['艳', 'Yan'], ['杰', 'Jie'], ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'],
  ['霞', 'Xia'], ['平', 'Ping'], ['刚', 'Gang'], ['辉', 'Hui'], ['浩', 'Hao'], ['宇', 'Yu'], ['鑫', 'Xin'], ['博', 'Bo'],
  ['鹏', 'Peng'], ['华', 'Hua'], ['丹', 'Dan'], ['凯', 'Kai'], ['婷', 'Ting'], ['瑞', 'Rui'], ['雪', 'Xue'], ['倩', 'Qian'],
  ['子涵', 'Zihan'], ['浩然', 'Haoran'], ['思雨', 'Siyu'], ['一鸣', 'Yiming'], ['海燕', 'Haiyan'], ['建国', 'Jianguo'],
];
const ENGLISH: readonly string[] = [
  'Emily', 'David', 'Michael', 'Sophie', 'James', 'Grace', 'Kevin', 'Linda', 'Jason', 'Amy', 'Eric', 'Cindy', 'Tony', 'Helen',
  'Jack', 'Lucy', 'Peter', 'Nancy', 'Frank', 'Vivian', 'Leo', 'Iris', 'Ryan', 'Wendy', 'Alan', 'Coco', 'Sam', 'Jenny',
];

/** The same options give the same world, whatever the number of leads drawn from it (a stream of its own). */
export function buildLargeWorld(options: WorldOptions): LargeWorld {
  const rng = createRng(options.seed, 11);
  const regionShift = Float64Array.from(REGIONS, () => round(rng.normal(0, 0.15), 3));
  const homes = spreadOverRegions(options.reps);
  const names = new Set<string>();
  const reps: Rep[] = homes.map((home) => {
    const tier = TIERS[rng.weightedIndex(TIER_SHARE)]!;
    const { name, crmUser, english } = uniqueName(rng, names);
    const second = rng.bernoulli(0.1) ? (home + 1 + rng.int(0, REGIONS.length - 2)) % REGIONS.length : -1;
    return {
      name, crmUser, tier, home, second, english,
      skill: round(TIER_SKILL[tier] + rng.normal(0, 0.15) + (tier === 'junior' && rng.bernoulli(0.1) ? 0.3 : 0), 3),
      specialties: [],
      joinedWeek: 0,
      leftWeek: Infinity,
      absences: [],
      capacityPerWeek: 0,
    };
  });

  const effects = new Float64Array(reps.length * PRODUCTS.length);
  const planted: PlantedEffect[] = [];
  reps.forEach((rep, r) => {
    for (let p = 0; p < PRODUCTS.length; p++) effects[r * PRODUCTS.length + p] = round(rng.normal(0, 0.06), 3);
    const plant = (product: number, effect: number) => {
      effects[r * PRODUCTS.length + product] = round(effect, 2);
      planted.push({ rep: rep.name, product: PRODUCTS[product]!.name, effect: round(effect, 2) });
    };
    const strong = 1 + rng.int(0, 1);
    while (rep.specialties.length < strong) {
      const p = rng.int(0, PRODUCTS.length - 1);
      if (!rep.specialties.includes(p)) rep.specialties.push(p);
    }
    for (const p of rep.specialties) plant(p, 0.5 + 0.5 * rng.uniform());
    if (rng.bernoulli(0.6)) {
      const weak = rng.int(0, PRODUCTS.length - 1);
      if (!rep.specialties.includes(weak)) plant(weak, -(0.4 + 0.4 * rng.uniform()));
    }
  });

  planMovements(rng, reps);
  const capacityRatio = setCapacities(reps, options);
  return { reps, regionShift, effects, planted: planted.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect)), capacityRatio };
}

/** Reps per region in proportion to its leads, at least 6 each (largest remainders). */
function spreadOverRegions(count: number): number[] {
  const total = REGIONS.reduce((s, r) => s + r.weight, 0);
  const floor = 6;
  const spare = count - floor * REGIONS.length;
  if (spare < 0) throw new Error(`at least ${floor * REGIONS.length} reps are needed for ${REGIONS.length} regions`);
  const exact = REGIONS.map((r) => (spare * r.weight) / total);
  const counts = exact.map((x) => floor + Math.floor(x));
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < count; k++) counts[order[k]![1]]!++;
  return counts.flatMap((c, region) => Array.from({ length: c }, () => region));
}

function uniqueName(rng: Rng, taken: Set<string>): { name: string; crmUser: string; english: boolean } {
  for (;;) {
    const [familyZh, familyPinyin] = rng.pick(FAMILY);
    const english = rng.bernoulli(0.4);
    const [givenZh, givenPinyin] = rng.pick(GIVEN);
    const name = english ? `${rng.pick(ENGLISH)} ${familyPinyin}` : `${familyZh}${givenZh}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const first = english ? name.split(' ')[0]! : givenPinyin;
    const user = `${first}.${familyPinyin}`.toLowerCase();
    return { name, crmUser: `${user}${taken.size}@large-team.example`, english };
  }
}

/** Four reps leave during the year (inactive in the roster), three join, six are away in the simulated weeks. */
function planMovements(rng: Rng, reps: Rep[]): void {
  const pickRep = (ok: (rep: Rep) => boolean): Rep => {
    for (;;) {
      const rep = rng.pick(reps);
      if (ok(rep)) return rep;
    }
  };
  const untouched = (rep: Rep) => rep.joinedWeek === 0 && rep.leftWeek === Infinity && rep.absences.length === 0;
  for (const week of [30, 38, 44, 49]) pickRep(untouched).leftWeek = week;
  for (const week of [20, 26, 40]) {
    const rep = pickRep((r) => untouched(r) && r.tier === 'junior');
    rep.joinedWeek = week;
  }
  const away = ['2026-01-12..2026-01-23', '2026-01-19..2026-01-30', '2026-02-09..2026-02-20', '2026-02-16..2026-02-27', '2026-03-02..2026-03-06', '2026-01-05..2026-01-09'];
  for (const range of away) pickRep(untouched).absences.push(range);
}

/**
 * Each region's active reps together take `capacityRatio` × the region's mean weekly demand, shared
 * by tier; a rep covering a second territory counts in their home one. Leavers keep the capacity
 * they had (the roster still lists it) but count in no region.
 */
function setCapacities(reps: Rep[], options: WorldOptions): number {
  const total = REGIONS.reduce((s, r) => s + r.weight, 0);
  let active = 0;
  REGIONS.forEach((region, g) => {
    const members = reps.filter((r) => r.home === g);
    const staying = members.filter((r) => r.leftWeek === Infinity);
    const demand = (options.leadsPerWeek * region.weight) / total;
    const weights = staying.reduce((s, r) => s + TIER_CAPACITY[r.tier], 0);
    for (const rep of members) {
      rep.capacityPerWeek = Math.max(1, Math.round((options.capacityRatio * demand * TIER_CAPACITY[rep.tier]) / weights));
      if (rep.leftWeek === Infinity) active += rep.capacityPerWeek;
    }
  });
  return round(active / options.leadsPerWeek, 3);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}
