import type { Tier } from './team';
import type { CompanySize, Industry, Product, Region, Source } from './vocabulary';

/**
 * The parameters of the sample world other than conversion (arrivals, ownership, response,
 * closing, value). They are plain data so truth.json can carry them as they are.
 */

export const ARRIVALS = {
  description:
    'weekly count ~ Poisson(leadsPerWeek × trend × day weights of the week / a normal week); ' +
    'trend rises linearly from 0.9 to 1.1 over the period; holidays keep 25% of a normal day; ' +
    'each lead gets a day by day weight, an hour by hour weight, a uniform minute',
  /** Monday .. Sunday. */
  weekdayWeights: [1.15, 1.15, 1.1, 1.05, 1.0, 0.35, 0.2],
  /** 00:00 .. 23:00. */
  hourWeights: [
    0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.2, 2.2, 2.6, 2.4, 1.4, 1.6, 2.4, 2.5, 2.3, 2.0, 1.5, 1.0, 0.8,
    0.6, 0.4, 0.2,
  ],
  holidayFactor: 0.25,
  trendFrom: 0.9,
  trendTo: 1.1,
} as const;

export const MIX = {
  region: { East: 0.42, North: 0.31, South: 0.27 } satisfies Record<Region, number>,
  productByRegion: {
    East: { Starter: 0.45, Pro: 0.35, Enterprise: 0.2 },
    North: { Starter: 0.5, Pro: 0.32, Enterprise: 0.18 },
    South: { Starter: 0.55, Pro: 0.3, Enterprise: 0.15 },
  } satisfies Record<Region, Record<Product, number>>,
  industryByRegion: {
    East: { Manufacturing: 0.28, Internet: 0.26, Finance: 0.18, Retail: 0.16, Education: 0.12 },
    North: { Manufacturing: 0.3, Internet: 0.18, Finance: 0.16, Retail: 0.14, Education: 0.22 },
    South: { Manufacturing: 0.36, Internet: 0.22, Finance: 0.1, Retail: 0.24, Education: 0.08 },
  } satisfies Record<Region, Record<Industry, number>>,
  source: { Website: 0.32, Ads: 0.27, Referral: 0.14, 'Trade show': 0.12, Outbound: 0.15 } satisfies Record<Source, number>,
  companySizeByProduct: {
    Starter: { '1-49': 0.55, '50-199': 0.3, '200-999': 0.12, '1000+': 0.03 },
    Pro: { '1-49': 0.2, '50-199': 0.45, '200-999': 0.28, '1000+': 0.07 },
    Enterprise: { '1-49': 0.03, '50-199': 0.17, '200-999': 0.45, '1000+': 0.35 },
  } satisfies Record<Product, Record<CompanySize, number>>,
  note: 'industry, source and company size carry no planted conversion effect (size moves value only)',
};

export const OWNERSHIP = {
  description:
    'the "as is" policy: round robin over the active reps of the lead\'s region (territory); a ' +
    'share of leads (crossRegionShare) overflow to a round robin over all active reps',
};

export const RESPONSE = {
  description:
    'working minutes to first touch ~ lognormal(median by tier × busy factor, sigma); counted only ' +
    'in working hours (Mon–Fri 9–19, Sat 10–16, no holidays); load = leads assigned, decayed with a ' +
    '7-day time constant; busy factor = exp(busySlope × min(2, max(0, load / capacity − 1))); ' +
    'never touched with probability neverBase + neverPerLoad × max(0, load / capacity − 1) (at most ' +
    'neverMax), or when the rep has left before the touch would happen; for runs above ' +
    'capacityReferenceLeadsPerWeek the capacity in this ratio is scaled by leadsPerWeek / ' +
    'capacityReferenceLeadsPerWeek, so benchmark volumes keep the sample\'s response times',
  medianWorkMinutes: { junior: 45, mid: 75, senior: 110 } satisfies Record<Tier, number>,
  sigma: 1.25,
  busySlope: { junior: 0.3, mid: 0.5, senior: 1.0 } satisfies Record<Tier, number>,
  loadTimeConstantDays: 7,
  capacityReferenceLeadsPerWeek: 125,
  neverBase: 0.02,
  neverPerLoad: 0.05,
  neverMax: 0.3,
};

export const CLOSING = {
  description:
    'days from first touch to close ~ lognormal(median by product and outcome, sigma); the deal ' +
    'closes on that day (or the next working day) at a uniform 0–9 working hours into it, never ' +
    'sooner than one working hour after the touch; a lead whose close falls after the end of the ' +
    'period is Open; untouched leads are closed Lost by a nightly job (02:00) untouchedLostAfterDays ' +
    'after the day they were created',
  medianDays: {
    Won: { Starter: 9, Pro: 18, Enterprise: 35 },
    Lost: { Starter: 12, Pro: 21, Enterprise: 40 },
  } satisfies Record<'Won' | 'Lost', Record<Product, number>>,
  sigma: 0.6,
  untouchedLostAfterDays: 30,
};

export const VALUE = {
  description:
    'value ~ lognormal(median by product × size multiplier, sigma), rounded to 100 (at least 1,000); ' +
    'won_value = value × exp(normal(wonMean, wonSd)) rounded to 100',
  medianByProduct: { Starter: 9000, Pro: 36000, Enterprise: 150000 } satisfies Record<Product, number>,
  sizeMultiplier: { '1-49': 0.7, '50-199': 1, '200-999': 1.6, '1000+': 2.6 } satisfies Record<CompanySize, number>,
  sigma: 0.45,
  wonMean: -0.05,
  wonSd: 0.12,
  currency: 'CNY',
};
