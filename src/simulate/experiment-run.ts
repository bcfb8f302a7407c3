import { candidateWeek, closeLead, createRouterState, firstRule, isCandidateSlot, NO_REP, SLOTS, startPeriod, type RouterState } from '../route';
import type { Arrivals } from './arrivals';
import { HOURS_PER_WEEK, workedUntil } from './calendar';
import { CloseQueues } from './close-queues';
import { PER_LEAD, type PreparedPolicy } from './policy';
import { Random } from './random';
import { closeSpan, firstTouch, leadWithValue, routeLead, type RunScratch } from './run-policy';
import type { SimulationWorld } from './world';

/**
 * A rollout experiment as one run of the simulator (DESIGN §3.4): every arriving lead belongs to
 * the control or the candidate arm and is routed by that arm's policy (each arm keeps its own
 * router state: caps, rotation, open loads), but both arms share the world's reps, their queues
 * and their working time. A candidate lead queues behind the control's leads and the other way
 * round, so whatever the two policies do to each other's waiting times (interference) is in the
 * outcomes, as it would be in the field.
 *
 * The engine is `runPolicy`'s, step for step, less the metrics the readout does not read: it
 * records per lead whether it was won. A lead nobody takes, or nobody touches, is not won.
 */
export type Unit = 'lead' | 'slot' | 'week';

/** Salesforce's slot formula: MOD(AutoNumber, 100); the split itself is src/route/arm-split.ts's, shared with the router and the exports. */
export { candidateWeek, SLOTS };
/** Draws of the experiment's own randomness (salt, slot and week offsets); apart from the simulator's streams. */
const ARM_STREAM = 0x41524d;

export interface ArmSplit {
  unit: Unit;
  /** The candidate's share of the leads (lead, slot) or of the weeks (week). */
  share: number;
}

/**
 * Each arrival's arm (1 candidate, 0 control) under the split, for one replication:
 * - lead: a stable hash of the lead's id, as `armOf` (src/experiment/arm.ts) computes it; a
 *   simulated lead's id is its index, salted per replication;
 * - slot: Salesforce's AutoNumber mod 100, counted in arrival order from a random start; the
 *   candidate holds the first share × 100 slots;
 * - week: whole weeks, the candidate's spread evenly (alternating at ½), from a random phase.
 */
export function assignArms(arrivals: Arrivals, split: ArmSplit, seed: number, replication: number, out: Uint8Array, bucketOf: (id: string, salt: string) => number, buckets: number): void {
  const random = new Random(seed, replication, ARM_STREAM);
  const n = arrivals.count;
  if (split.unit === 'lead') {
    const below = Math.round(split.share * buckets);
    const salt = `sim-${seed}-${replication}`;
    for (let i = 0; i < n; i++) out[i] = bucketOf(String(i), salt) < below ? 1 : 0;
  } else if (split.unit === 'slot') {
    const start = random.int(SLOTS);
    for (let i = 0; i < n; i++) out[i] = isCandidateSlot((start + i) % SLOTS, split.share) ? 1 : 0;
  } else {
    const phase = random.int(1 << 16);
    for (let i = 0; i < n; i++) out[i] = candidateWeek(Math.floor(arrivals.time[i]! / HOURS_PER_WEEK) + phase, split.share) ? 1 : 0;
  }
}

export interface ExperimentScratch {
  run: RunScratch;
  closes: [CloseQueues, CloseQueues];
}

export function createExperimentScratch(run: RunScratch): ExperimentScratch {
  return { run, closes: [run.closes, new CloseQueues()] };
}

/**
 * Runs the two arms' policies together through one replication's arrivals. `arm[i]` is lead i's
 * arm; `won[i]` is set to 1 when lead i is won, 0 otherwise.
 */
export function runTwoArms(world: SimulationWorld, policies: readonly [PreparedPolicy, PreparedPolicy], arm: Uint8Array, arrivals: Arrivals, p: Float64Array, scratch: ExperimentScratch, won: Uint8Array): void {
  const R = world.reps.length;
  const { reclaimAfterHours, maxReclaims, cycleHours } = world.horizon;
  const latency = world.horizon.touchLatencyHours;
  const { floor, tauHours, reference } = world.decay;
  const { calendars, service, repFree, reclaims } = scratch.run;
  const closes = scratch.closes;
  repFree.fill(0);
  closes.forEach((queue) => queue.reset(arrivals.count, closeSpan(arrivals, cycleHours)));
  reclaims.clear();
  const count = arrivals.count;
  if (scratch.run.attempts.length < count) scratch.run.attempts = new Uint8Array(count);
  const attempts = scratch.run.attempts;
  attempts.fill(0, 0, count);
  won.fill(0, 0, count);

  const states: Array<RouterState | null> = policies.map((policy) => (policy.compiled ? createRouterState(policy.compiled) : null));
  const periods = [-1, -1];
  const slotCounters = [0, 0];

  let next = 0;
  for (;;) {
    const arrivalTime = next < count ? arrivals.time[next]! : Infinity;
    const reclaimTime = reclaims.peekTime();
    if (arrivalTime === Infinity && reclaimTime === Infinity) break;
    const arriving = !(reclaimTime < arrivalTime);
    let lead: number, now: number;
    if (!arriving) {
      lead = reclaims.peekPayload();
      now = reclaimTime;
      const state = states[arm[lead]!];
      if (state) closeLead(state, reclaims.peekExtra());
      reclaims.pop();
    } else {
      lead = next++;
      now = arrivalTime;
    }
    // Both routers see time pass: leads close and weeks turn for each arm's own state.
    for (let k = 0; k < 2; k++) {
      const state = states[k];
      if (!state) continue;
      const due = closes[k]!.takeDue(now);
      for (let d = 0; d < due; d++) closeLead(state, closes[k]!.due[d]!);
      const week = Math.floor(now / HOURS_PER_WEEK);
      if (week !== periods[k]) {
        startPeriod(state, week);
        periods[k] = week;
      }
    }
    const k = arm[lead]!;
    const policy = policies[k]!, state = states[k]!;
    const segment = arrivals.segment[lead]!;

    let rep = -1, configRep = -1;
    if (policy.kind === 'as_is') {
      rep = arrivals.owner[lead]!;
      if (rep >= 0 && policy.unavailable !== null && policy.unavailable[rep] === 1) {
        const routed = routeLead(policy, state, segment, arrivals.value[lead]!);
        rep = -1;
        if (routed !== NO_REP) {
          configRep = routed >> 1;
          rep = policy.toWorld[configRep]!;
        }
      }
    } else if (policy.kind === 'rules') {
      const routed = routeLead(policy, state, segment, arrivals.value[lead]!);
      if (routed !== NO_REP) {
        configRep = routed >> 1;
        rep = policy.toWorld[configRep]!;
      }
    } else {
      let rule = policy.segmentRule[segment]!;
      if (rule === PER_LEAD) rule = firstRule(policy.compiled!, leadWithValue(policy, segment, arrivals.value[lead]!));
      const slots = policy.slots![rule]!;
      rep = slots.length ? slots[slotCounters[k]!++ % slots.length]! : -1;
    }
    if (rep < 0) continue;

    const cal = calendars[rep]!;
    firstTouch(world, scratch.run, rep, cal, Math.max(repFree[rep]!, workedUntil(cal, now)), latency);
    const { start, at: touchAt } = scratch.run.touch;
    if (policy.kind === 'rules' && touchAt - now > reclaimAfterHours && attempts[lead]! < maxReclaims) {
      attempts[lead]! += 1;
      reclaims.push(now + reclaimAfterHours, lead, configRep);
      continue;
    }
    attempts[lead] = Math.max(attempts[lead]!, 1);
    if (touchAt === Infinity) continue;
    repFree[rep] = start + service[rep]!;
    if (state && configRep >= 0) closes[k]!.push(configRep, touchAt + cycleHours);

    const hours = touchAt - arrivals.time[lead]!;
    const multiplier = floor + (1 - floor) * Math.exp(-(hours > 0 ? hours : 0) / tauHours);
    const chance = Math.min(1, (p[segment * R + rep]! * multiplier) / reference);
    if (arrivals.u[lead]! < chance) won[lead] = 1;
  }
}

export { drawRates } from './replicate';
