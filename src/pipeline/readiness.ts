import type { EstimationInputs } from '../model/estimation-inputs';
import { readinessMessage, type Readiness } from '../model/readiness';

/** A backtest holds out the last quarter of the weeks: with fewer than this many there is too little on either side. */
export const BACKTEST_MIN_WEEKS = 8;

/** What these estimation inputs (the whole history under the scenario's segments) support. */
export function readinessOf(inputs: EstimationInputs): Readiness {
  const decided = inputs.outcomes.reduce((n, o) => n + o.decided, 0);
  const owned = inputs.outcomes.reduce((n, o) => n + (o.rep === null ? 0 : o.decided), 0);
  const wonWithValue = inputs.outcomes.reduce((n, o) => n + o.wonWithValue, 0);
  const dated = inputs.leads - inputs.withoutCreatedAt;
  const weeks = dated > 0 ? inputs.weeks.length : 0;
  const estimates = decided > 0 && owned > 0;
  const demand = weeks > 0;

  return [
    {
      capability: 'estimates',
      ready: estimates,
      message: estimates
        ? readinessMessage('estimates_ready', { decided, reps: inputs.owners.length }, `Conversion by rep × segment: ${decided} decided leads of ${inputs.owners.length} owners.`)
        : decided === 0
          ? readinessMessage('estimates_no_decided', {}, 'No decided (won or lost) lead: conversion cannot be learned. Map the outcome column, or declare which of its values mean won and lost.')
          : readinessMessage('estimates_no_owner', {}, 'No decided lead has an owner: who converts what cannot be learned. Map the owner column.'),
    },
    {
      capability: 'demand',
      ready: demand,
      message: demand
        ? readinessMessage('demand_ready', { weeks }, `Demand and arrivals: ${weeks} weeks of creation dates.`)
        : readinessMessage('demand_no_dates', {}, 'No creation dates: leads per week, the optimized plan and the simulation need them. Map the created-at column.'),
    },
    {
      capability: 'decay',
      ready: true,
      message: inputs.withFirstTouch > 0
        ? readinessMessage('decay_fitted', { touched: inputs.withFirstTouch }, `Response-time decay: fitted from ${inputs.withFirstTouch} first-touch times (or the preset when too few).`)
        : readinessMessage('decay_preset', {}, 'No first-touch times: the response-time decay is the documented preset; edit it on the Model step.'),
    },
    {
      capability: 'revenue',
      ready: wonWithValue > 0,
      message: wonWithValue > 0
        ? readinessMessage('revenue_ready', { wonWithValue }, `Revenue: ${wonWithValue} won leads with an amount.`)
        : readinessMessage('revenue_no_values', {}, 'No won lead has an amount: revenue cannot be the objective. Map the amount column to maximise revenue.'),
    },
    {
      capability: 'backtest',
      ready: weeks >= BACKTEST_MIN_WEEKS && estimates,
      message: weeks >= BACKTEST_MIN_WEEKS && estimates
        ? readinessMessage('backtest_ready', { weeks }, `Backtest: the last quarter of ${weeks} weeks is held out.`)
        : readinessMessage('backtest_short', { weeks }, `Backtest: ${weeks} weeks of dated, decided history; it needs at least ${BACKTEST_MIN_WEEKS} to hold the last quarter out.`),
    },
    {
      capability: 'simulation',
      ready: estimates && demand,
      message: estimates && demand
        ? readinessMessage('simulation_ready', {}, 'Simulation: ready.')
        : !estimates && !demand
          ? readinessMessage('simulation_needs_both', {}, 'Simulation needs conversion estimates and demand, which this data cannot give (see above).')
          : !estimates
            ? readinessMessage('simulation_needs_estimates', {}, 'Simulation needs conversion estimates, which this data cannot give (see above).')
            : readinessMessage('simulation_needs_demand', {}, 'Simulation needs demand (leads per week), which this data cannot give (see above).'),
    },
  ];
}
