import { closeLead, createRouterState, firstRule, isRejected, NO_REP, route, routeToRep, startPeriod, type RouterState } from '../route';
import type { Arrivals } from './arrivals';
import { compileCalendar, HOURS_PER_WEEK, momentAfterWorked, workedUntil, type WeekCalendar } from './calendar';
import { CloseQueues } from './close-queues';
import { TimeHeap } from './time-heap';
import { PER_LEAD, REJECTED, type PreparedPolicy } from './policy';
import type { SimulationWorld } from './world';

/**
 * One policy through one replication's arrivals (DESIGN §3.3), as a discrete-event simulation:
 * - each arrival is routed at its time (the router's weekly caps reset each week; open loads
 *   drop when a lead closes, a sales cycle after its first touch);
 * - a rep first-touches their new leads first in, first out, in their working hours and outside
 *   absences, each first touch taking `touchShare` of the rep's time per lead (hours worked per
 *   week ÷ capacity) and `touchLatencyHours` of working time to react, so time to first touch
 *   grows with the backlog, steeply near and over capacity;
 * - a lead that would wait longer than `reclaimAfterHours` is reclaimed to the pool (公海) at
 *   that moment and routed again (at most `maxReclaims` times);
 * - a touched lead converts with p(segment, rep) × decay(hours to first touch) / reference,
 *   decided by the lead's own uniform draw (common to all policies);
 * - a lead nobody can take (manual review, or nobody available) is counted as unassigned and
 *   not converted: the simulation does not guess what a person would do with it;
 * - a lead a policy's fallback takes because its rules could not (no rule matched, or the rule's
 *   pool was full or away), or that "as is" re-routes because its owner is not available, is
 *   counted as reaching the fallback. A policy that is its fallback alone (round robin, least
 *   loaded) has no rule to fall back from: none of its leads count.
 */
export interface RunTotals {
  leads: number;
  won: number;
  revenue: number;
  /** Touched leads and the sum of their hours to first touch; histogram for quantiles. */
  touched: number;
  /** Sum of the decay multipliers of the touched leads (calibrates the decay reference on the as-is replay). */
  decaySum: number;
  slaBreaches: number;
  reclaimed: number;
  unassigned: number;
  /** Counted leads first routed by the fallback of a policy with rules, or re-routed by "as is". */
  fallback: number;
  highValue: number;
  highValueToJuniors: number;
  /** Per world rep: counted leads, expected value (p × value) and conversions. */
  repLeads: Float64Array;
  repValue: Float64Array;
  repWon: Float64Array;
  touchHistogram: Uint32Array;
}

/** First-touch hours are binned at this width up to TOUCH_BINS × width (six weeks); later ones share the last bin. */
export const TOUCH_BIN_HOURS = 0.25;
export const TOUCH_BINS = 4 * 24 * 42;

export interface RunScratch {
  calendars: WeekCalendar[];
  /** Per rep: which of the distinct calendars is theirs (reps on the same hours share one). */
  calendarOf: Int32Array;
  distinctCalendars: number;
  /**
   * Per distinct calendar × lead of `workedFor`: the worked hours until the lead's arrival (NaN:
   * not worked out yet). Every policy of a replication routes the same arrivals, so each is
   * worked out once, not once per policy. Arrivals are never changed once drawn.
   */
  workedAtArrival: Float64Array;
  workedFor: Arrivals | null;
  /** Per rep: away all horizon; has absences; is a junior. Per segment: value per win. Hoisted out of the objects for the hot loop. */
  away: Uint8Array;
  hasAbsences: Uint8Array;
  junior: Uint8Array;
  valuePerWon: Float64Array;
  service: Float64Array;
  repFree: Float64Array;
  closes: CloseQueues;
  reclaims: TimeHeap;
  attempts: Uint8Array;
  /** Where `firstTouch` leaves its answer. */
  touch: { start: number; at: number };
}

export function createScratch(world: SimulationWorld): RunScratch {
  const calendars = world.reps.map((r) => compileCalendar(r.hours));
  const hoursKeys = world.reps.map((r) => JSON.stringify(r.hours));
  const calendarOf = Int32Array.from(hoursKeys, (key) => hoursKeys.indexOf(key));
  const distinct = [...new Set(calendarOf)];
  calendarOf.forEach((c, r) => (calendarOf[r] = distinct.indexOf(c)));
  return {
    calendars,
    calendarOf,
    distinctCalendars: distinct.length,
    workedAtArrival: new Float64Array(0),
    workedFor: null,
    away: Uint8Array.from(world.reps, (r) => (r.absent ? 1 : 0)),
    hasAbsences: Uint8Array.from(world.reps, (r) => (r.absences.length ? 1 : 0)),
    junior: Uint8Array.from(world.reps, (r) => (r.junior ? 1 : 0)),
    valuePerWon: Float64Array.from(world.segments, (s) => s.valuePerWon),
    service: Float64Array.from(world.reps, (r, i) => {
      // A rep outside the roster (as-is replay only) works at the team's average pace.
      const perWeek = r.capacityPerWeek > 0 ? r.capacityPerWeek : world.segments.reduce((s, x) => s + x.perWeek, 0) / Math.max(1, world.reps.length);
      return (world.horizon.touchShare * calendars[i]!.hoursPerWeek) / Math.max(perWeek, 1e-9);
    }),
    repFree: new Float64Array(world.reps.length),
    closes: new CloseQueues(),
    reclaims: new TimeHeap(),
    attempts: new Uint8Array(0),
    touch: { start: 0, at: 0 },
  };
}

export function runPolicy(world: SimulationWorld, policy: PreparedPolicy, arrivals: Arrivals, p: Float64Array, scratch: RunScratch, totals: RunTotals): void {
  const R = world.reps.length;
  const { slaHours, reclaimAfterHours, maxReclaims, cycleHours } = world.horizon;
  const latency = world.horizon.touchLatencyHours;
  const { floor, tauHours, reference } = world.decay;
  const { calendars, service, repFree, closes, reclaims, away, hasAbsences, junior, valuePerWon } = scratch;
  const highValue = world.highValue;
  repFree.fill(0);
  closes.reset(arrivals.count, closeSpan(arrivals, world.horizon.cycleHours));
  reclaims.clear();
  if (scratch.attempts.length < arrivals.count) scratch.attempts = new Uint8Array(arrivals.count);
  const attempts = scratch.attempts;
  attempts.fill(0, 0, arrivals.count);
  const count = arrivals.count, calendarOf = scratch.calendarOf;
  if (scratch.workedFor !== arrivals) {
    const size = scratch.distinctCalendars * count;
    if (scratch.workedAtArrival.length < size) scratch.workedAtArrival = new Float64Array(size);
    scratch.workedAtArrival.fill(NaN, 0, size);
    scratch.workedFor = arrivals;
  }
  const workedAtArrival = scratch.workedAtArrival;

  const state = policy.compiled ? createRouterState(policy.compiled) : null;
  let period = -1;
  let slotCounter = 0;
  const routesLater = policy.kind === 'rules';

  let next = 0;
  for (;;) {
    const arrivalTime = next < arrivals.count ? arrivals.time[next]! : Infinity;
    const reclaimTime = reclaims.peekTime();
    if (arrivalTime === Infinity && reclaimTime === Infinity) break;
    const arriving = !(reclaimTime < arrivalTime);
    let lead: number, now: number;
    if (!arriving) {
      lead = reclaims.peekPayload();
      now = reclaimTime;
      if (state) closeLead(state, reclaims.peekExtra());
      reclaims.pop();
    } else {
      lead = next++;
      now = arrivalTime;
    }
    if (state) {
      const due = closes.takeDue(now);
      for (let k = 0; k < due; k++) closeLead(state, closes.due[k]!);
      const week = Math.floor(now / HOURS_PER_WEEK);
      if (week !== period) {
        startPeriod(state, week);
        period = week;
      }
    }
    const segment = arrivals.segment[lead]!;
    const counted = arrivals.counted[lead] === 1;
    const firstTime = attempts[lead] === 0;

    // Who gets the lead: a world rep index, or -1.
    let rep = -1, configRep = -1;
    if (policy.kind === 'as_is') {
      rep = arrivals.owner[lead]!;
      if (rep >= 0 && policy.unavailable !== null && policy.unavailable[rep] === 1) {
        const routed = routeLead(policy, state!, segment, arrivals.value[lead]!);
        rep = -1;
        if (routed !== NO_REP) {
          configRep = routed >> 1;
          rep = policy.toWorld[configRep]!;
          if (counted) totals.fallback++;
        }
      }
    } else if (policy.kind === 'rules') {
      const routed = routeLead(policy, state!, segment, arrivals.value[lead]!);
      if (routed !== NO_REP) {
        configRep = routed >> 1;
        rep = policy.toWorld[configRep]!;
        if (counted && firstTime && (routed & 1) === 1 && policy.compiled!.rules.length > 0) totals.fallback++;
      }
    } else {
      const compiled = policy.compiled!;
      let rule = policy.segmentRule[segment]!;
      if (rule === PER_LEAD) rule = firstRule(compiled, leadWithValue(policy, segment, arrivals.value[lead]!));
      const slots = policy.slots![rule]!;
      rep = slots.length ? slots[slotCounter++ % slots.length]! : -1;
      if (counted && rep >= 0 && rule === compiled.rules.length && rule > 0) totals.fallback++;
    }

    const ownValue = arrivals.value[lead]!;
    const value = ownValue === ownValue ? ownValue : valuePerWon[segment]!;
    if (counted && firstTime) {
      totals.leads++;
      if (highValue[segment]) {
        totals.highValue++;
        if (rep >= 0 && junior[rep]) totals.highValueToJuniors++;
      }
    }
    if (rep < 0) {
      if (counted) totals.unassigned++;
      if (counted) totals.slaBreaches++;
      continue;
    }
    if (counted && firstTime) totals.repLeads[rep]! += 1;

    // When the rep gets to it: after the leads already in their queue, in working time, outside absences.
    const cal = calendars[rep]!;
    let worked: number;
    if (arriving) {
      const at = calendarOf[rep]! * count + lead;
      worked = workedAtArrival[at]!;
      if (worked !== worked) worked = workedAtArrival[at] = workedUntil(cal, now);
    } else worked = workedUntil(cal, now);
    firstTouch(world, scratch, rep, cal, Math.max(repFree[rep]!, worked), latency);
    const { start, at: touchAt } = scratch.touch;
    if (routesLater && touchAt - now > reclaimAfterHours && attempts[lead]! < maxReclaims) {
      attempts[lead]! += 1;
      if (counted && attempts[lead] === 1) totals.reclaimed++;
      reclaims.push(now + reclaimAfterHours, lead, configRep);
      continue;
    }
    attempts[lead] = Math.max(attempts[lead]!, 1);
    if (touchAt === Infinity) {
      if (counted) totals.slaBreaches++;
      continue;
    }
    repFree[rep] = start + service[rep]!;
    if (state && configRep >= 0) closes.push(configRep, touchAt + cycleHours);

    if (!counted) continue;
    const hours = touchAt - arrivals.time[lead]!;
    // decayMultiplier (src/estimate/decay.ts), written out: this line runs for every lead of every policy.
    const multiplier = floor + (1 - floor) * Math.exp(-(hours > 0 ? hours : 0) / tauHours);
    const chance = Math.min(1, (p[segment * R + rep]! * multiplier) / reference);
    totals.touched++;
    totals.decaySum += multiplier;
    totals.touchHistogram[Math.min(TOUCH_BINS - 1, Math.floor(hours / TOUCH_BIN_HOURS))]! += 1;
    if (hours > slaHours) totals.slaBreaches++;
    totals.repValue[rep]! += chance * value;
    if (arrivals.u[lead]! < chance) {
      totals.won++;
      totals.revenue += value;
      totals.repWon[rep]! += 1;
    }
  }
}

/** The hours over which a run's closes fall: its arrivals, then a sales cycle (a bucket width for `CloseQueues`). */
export function closeSpan(arrivals: Arrivals, cycleHours: number): number {
  return (arrivals.count > 0 ? arrivals.time[arrivals.count - 1]! : 0) + cycleHours;
}

/**
 * Routes one lead of `segment` by the policy's rules, as `route` would: 2 × the config rep index,
 * plus 1 when the fallback decided; NO_REP when nobody got it. The segment's rule is known in
 * advance unless a condition reads the lead's value; rules that dedupe go through `route` itself.
 */
export function routeLead(policy: PreparedPolicy, state: RouterState, segment: number, value: number): number {
  const compiled = policy.compiled!;
  if (policy.dedupes) {
    const decision = route(compiled, leadWithValue(policy, segment, value), state).decision;
    return decision.kind === 'assigned' ? 2 * decision.repIndex + (decision.fallbackBecause === null ? 0 : 1) : NO_REP;
  }
  let rule = policy.segmentRule[segment]!;
  if (rule === PER_LEAD) {
    const lead = leadWithValue(policy, segment, value);
    rule = isRejected(compiled, lead) ? REJECTED : firstRule(compiled, lead);
  }
  return rule === REJECTED ? NO_REP : routeToRep(compiled, rule, state);
}

/** The segment's lead object with this lead's value (NaN: none) written in. */
export function leadWithValue(policy: PreparedPolicy, segment: number, value: number): PreparedPolicy['leads'][number] {
  const lead = policy.leads[segment]!;
  lead['value'] = Number.isNaN(value) ? null : value;
  return lead;
}

/**
 * When the rep gets to a lead once their queue frees at `start`: `latency` working hours later,
 * moved past any absence the moment falls in; never while away all horizon. Leaves the start it
 * settled on and the moment in `scratch.touch` (no object per lead: this runs for every lead).
 */
export function firstTouch(world: SimulationWorld, scratch: RunScratch, rep: number, cal: WeekCalendar, start: number, latency: number): void {
  let touchAt = momentAfterWorked(cal, start + latency);
  if (scratch.away[rep]) touchAt = Infinity;
  else if (scratch.hasAbsences[rep]) {
    const absences = world.reps[rep]!.absences;
    for (let k = 0; k < absences.length; k++) {
      const [from, to] = absences[k]!;
      if (touchAt >= from && touchAt < to) {
        start = workedUntil(cal, to);
        touchAt = momentAfterWorked(cal, start + latency);
        k = -1;
      }
    }
  }
  scratch.touch.start = start;
  scratch.touch.at = touchAt;
}

/** Zeroes `totals` for the next run, keeping its arrays: a replication runs every policy, 200 times. */
export function resetTotals(totals: RunTotals): RunTotals {
  totals.leads = totals.won = totals.revenue = totals.touched = totals.decaySum = totals.slaBreaches = 0;
  totals.reclaimed = totals.unassigned = totals.fallback = totals.highValue = totals.highValueToJuniors = 0;
  totals.repLeads.fill(0);
  totals.repValue.fill(0);
  totals.repWon.fill(0);
  totals.touchHistogram.fill(0);
  return totals;
}

export function emptyTotals(reps: number): RunTotals {
  return {
    leads: 0, won: 0, revenue: 0, touched: 0, decaySum: 0, slaBreaches: 0, reclaimed: 0, unassigned: 0, fallback: 0, highValue: 0, highValueToJuniors: 0,
    repLeads: new Float64Array(reps), repValue: new Float64Array(reps), repWon: new Float64Array(reps),
    touchHistogram: new Uint32Array(TOUCH_BINS),
  };
}
