import { MINUTES_PER_DAY, MINUTES_PER_WEEK, parseDay } from './calendar';
import { createContactBook } from './contacts';
import { weekShape, type World } from './options';
import { createRng, weightedSampler, type Rng } from './random';
import type { TeamMember } from './team';
import { conversionLogit, decayMultiplier, logistic } from './truth';
import {
  COMPANY_SIZES,
  INDUSTRIES,
  PRODUCTS,
  REGIONS,
  SEGMENTS,
  SOURCES,
  type CompanySize,
  type Industry,
  type Outcome,
  type Product,
  type Region,
  type Source,
} from './vocabulary';
import { ARRIVALS, CLOSING, MIX, RESPONSE, VALUE } from './world';

/** One row of leads.csv. Timestamps are already formatted (`2026-01-08 14:14:00`); null is empty. */
export interface LeadRow {
  lead_id: string;
  created_at: string;
  owner: string;
  region: Region;
  industry: Industry;
  product: Product;
  source: Source;
  company_size: CompanySize;
  email: string;
  phone: string;
  value: number;
  first_touch_at: string | null;
  outcome: Outcome;
  closed_at: string | null;
  won_value: number | null;
}

/** A lead that reuses the email and phone of an earlier lead. */
export interface DuplicateContact {
  lead_id: string;
  same_as: string;
  email: string;
}

/** A batch of leads in creation order; one week of the sample may come in several batches. */
export interface LeadWeek {
  /** 0-based week of the period the leads were created in. */
  week: number;
  leads: LeadRow[];
  duplicates: DuplicateContact[];
}

const weightsOf = <K extends string>(keys: readonly K[], table: Record<K, number>): number[] => keys.map((k) => table[k]);
const BATCH = 1000;
const round100 = (x: number): number => Math.round(x / 100) * 100;

/**
 * The leads in order of creation, in batches of at most 1,000 within a week. State (round robin
 * counters, rep load, contacts) runs across batches, so they must be consumed in order; memory
 * stays at one batch plus the contact book.
 */
export function* generateLeadWeeks(world: World): Generator<LeadWeek> {
  const { options, team, truth, calendar } = world;
  const rng = createRng(options.seed, 2);
  const contacts = createContactBook(createRng(options.seed, 3));
  const idWidth = Math.max(6, String(Math.ceil(options.weeks * options.leadsPerWeek * 1.5)).length);

  const pickRegion = weightedSampler(weightsOf(REGIONS, MIX.region));
  const pickProduct = REGIONS.map((r) => weightedSampler(weightsOf(PRODUCTS, MIX.productByRegion[r])));
  const pickIndustry = REGIONS.map((r) => weightedSampler(weightsOf(INDUSTRIES, MIX.industryByRegion[r])));
  const pickSource = weightedSampler(weightsOf(SOURCES, MIX.source));
  const pickSize = PRODUCTS.map((p) => weightedSampler(weightsOf(COMPANY_SIZES, MIX.companySizeByProduct[p])));
  const pickHour = weightedSampler(ARRIVALS.hourWeights);

  const joinedAt = team.map((m) => (m.joined ? parseDay(m.joined) : -Infinity));
  const leftAt = team.map((m) => (m.left ? parseDay(m.left) : Infinity));
  const repRegion = team.map((m) => REGIONS.indexOf(m.region));
  // p before decay for each rep × segment, computed once: the hot loop only multiplies.
  const baseP = team.map((_, r) => SEGMENTS.map((s) => logistic(conversionLogit(truth, r, s))));
  const load = new Float64Array(team.length);
  const loadAt = new Float64Array(team.length);
  const loadTau = RESPONSE.loadTimeConstantDays * MINUTES_PER_DAY;
  const roundRobin = new Int32Array(REGIONS.length + 1);
  // Larger runs (benchmarks) keep the sample's response times: the team's throughput scales with volume.
  const capacityScale = Math.max(1, options.leadsPerWeek / RESPONSE.capacityReferenceLeadsPerWeek);
  let serial = 0;

  for (let week = 0; week < options.weeks; week++) {
    const weekStart = world.startMinute + week * MINUTES_PER_WEEK;
    const { mean, dayWeights } = weekShape(world, week);
    const count = rng.poisson(mean);
    const pickDay = weightedSampler(dayWeights);
    const times = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      times[i] = weekStart + pickDay(rng) * MINUTES_PER_DAY + pickHour(rng) * 60 + rng.int(0, 59);
    }
    times.sort();

    let leads: LeadRow[] = [];
    let duplicates: DuplicateContact[] = [];
    for (let i = 0; i < count; i++) {
      const created = times[i] as number;
      serial++;
      const leadId = `L${String(serial).padStart(idWidth, '0')}`;
      const region = pickRegion(rng);
      const product = (pickProduct[region] as (r: Rng) => number)(rng);
      const industry = (pickIndustry[region] as (r: Rng) => number)(rng);
      const source = pickSource(rng);
      const size = (pickSize[product] as (r: Rng) => number)(rng);

      const owner = assignOwner(created, region);
      const member = team[owner] as TeamMember;
      const ratio = bumpLoad(owner, created) / (member.row.capacity_per_week * capacityScale);

      let contact = null;
      if (rng.bernoulli(options.duplicateRate)) {
        const earlier = contacts.recent(rng);
        if (earlier) {
          contact = earlier.contact;
          duplicates.push({ lead_id: leadId, same_as: `L${String(earlier.index).padStart(idWidth, '0')}`, email: contact.email });
        }
      }
      if (!contact) {
        contact = contacts.fresh(rng);
        contacts.remember(contact, serial);
      }

      const productName = PRODUCTS[product] as Product;
      const sizeName = COMPANY_SIZES[size] as CompanySize;
      const value = Math.max(1000, round100(rng.lognormal(VALUE.medianByProduct[productName] * VALUE.sizeMultiplier[sizeName], VALUE.sigma)));

      const touched = drawFirstTouch(member, ratio, created, leftAt[owner] as number);
      let outcome: Outcome = 'Open';
      let closed: number | null = null;
      if (touched === null) {
        // The CRM's nightly job (02:00) closes leads left untouched for the set number of days.
        const autoClose = (Math.floor(created / MINUTES_PER_DAY) + CLOSING.untouchedLostAfterDays) * MINUTES_PER_DAY + 120;
        if (autoClose < world.asOfMinute) {
          outcome = 'Lost';
          closed = autoClose;
        }
      } else {
        const hours = (touched - created) / 60;
        const p = (baseP[owner]?.[region * PRODUCTS.length + product] as number) * decayMultiplier(truth.decay, hours);
        const result = rng.bernoulli(p) ? 'Won' : 'Lost';
        const days = rng.lognormal(CLOSING.medianDays[result][productName], CLOSING.sigma);
        const close = closingMoment(touched, days);
        if (close < world.asOfMinute) {
          outcome = result;
          closed = close;
        }
      }
      const wonValue = outcome === 'Won' ? Math.max(100, round100(value * Math.exp(rng.normal(VALUE.wonMean, VALUE.wonSd)))) : null;

      leads.push({
        lead_id: leadId,
        created_at: calendar.format(created),
        owner: member.row.rep_id,
        region: REGIONS[region] as Region,
        industry: INDUSTRIES[industry] as Industry,
        product: productName,
        source: SOURCES[source] as Source,
        company_size: sizeName,
        email: contact.email,
        phone: contact.phone,
        value,
        first_touch_at: touched === null ? null : calendar.format(touched),
        outcome,
        closed_at: closed === null ? null : calendar.format(closed),
        won_value: wonValue,
      });
      // Small batches keep a million-lead run in the young generation of the garbage collector.
      if (leads.length === BATCH) {
        yield { week, leads, duplicates };
        leads = [];
        duplicates = [];
      }
    }
    if (leads.length > 0) yield { week, leads, duplicates };
  }

  function isActive(r: number, minute: number): boolean {
    return (joinedAt[r] as number) <= minute && minute < (leftAt[r] as number);
  }

  /** The "as is" policy: territory round robin, with overflow to a team-wide round robin. */
  function assignOwner(minute: number, region: number): number {
    const crossRegion = rng.bernoulli(options.crossRegionShare);
    const pool: number[] = [];
    for (let r = 0; r < team.length; r++) {
      if (isActive(r, minute) && (crossRegion || repRegion[r] === region)) pool.push(r);
    }
    if (pool.length === 0) throw new Error(`no active rep for a lead at ${calendar.format(minute)}`);
    const counter = crossRegion ? REGIONS.length : region;
    const turn = roundRobin[counter] as number;
    roundRobin[counter] = turn + 1;
    return pool[turn % pool.length] as number;
  }

  /** Leads assigned to the rep, decayed with a one-week time constant; returns the new load. */
  function bumpLoad(r: number, minute: number): number {
    const decayed = (load[r] as number) * Math.exp(-(minute - (loadAt[r] as number)) / loadTau);
    load[r] = decayed + 1;
    loadAt[r] = minute;
    return decayed + 1;
  }

  /** Deals close during working hours: some working time into the working day `days` after touch. */
  function closingMoment(touched: number, days: number): number {
    const day = Math.floor((touched + Math.round(days * MINUTES_PER_DAY)) / MINUTES_PER_DAY);
    const moment = calendar.addWorkingMinutes(day * MINUTES_PER_DAY, rng.int(0, 9 * 60));
    return Math.max(moment, calendar.addWorkingMinutes(touched, 60));
  }

  /** When the owner first touches the lead, or null if never. */
  function drawFirstTouch(member: TeamMember, loadRatio: number, created: number, left: number): number | null {
    const over = Math.max(0, loadRatio - 1);
    const never = Math.min(RESPONSE.neverMax, RESPONSE.neverBase + RESPONSE.neverPerLoad * over);
    if (rng.bernoulli(never)) return null;
    const tier = member.row.tier;
    const median = RESPONSE.medianWorkMinutes[tier] * Math.exp(RESPONSE.busySlope[tier] * Math.min(2, over));
    const workMinutes = Math.max(1, Math.round(rng.lognormal(median, RESPONSE.sigma)));
    const touched = calendar.addWorkingMinutes(created, workMinutes);
    return touched < left && touched < world.asOfMinute ? touched : null;
  }
}
