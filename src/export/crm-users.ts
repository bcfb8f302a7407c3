import type { RuleConfig, RuleRep } from '../model/rules';
import { exportablePool } from './pool';
import { ExportError, type ExportParams, type Limitation } from './target';

/** How many reps an error or a note names before it says how many more there are. */
const LISTED = 10;

/** The rep's CRM user, or null when the rules name none (absent or blank). */
export function crmUserOf(rep: RuleRep): string | null {
  return rep.crmUser?.trim() || null;
}

/**
 * The reps the exported rules hand leads to: in some rule's or the fallback's pool, active, not
 * absent, with a weight above zero (exportablePool's members). Inactive and absent reps are left
 * out of the exported rules, so they need no CRM user yet. In config order.
 */
export function repsReceivingLeads(config: RuleConfig): RuleRep[] {
  const named = new Set<string>();
  for (const assign of [...config.rules.map((r) => r.assign), config.fallback]) {
    if (assign.method === 'manual_review') continue;
    for (const member of exportablePool(config, assign, '', [])) named.add(member.rep.id);
  }
  return config.reps.filter((rep) => named.has(rep.id));
}

export function repsWithoutCrmUser(config: RuleConfig): RuleRep[] {
  return repsReceivingLeads(config).filter((rep) => crmUserOf(rep) === null);
}

/**
 * The reps as one line of an error or note: `r01 王芳, r02 李伟` and, past ten, how many more,
 * as params (so a translation words the "more" itself) and as the English text.
 */
export function listReps(reps: readonly RuleRep[]): { params: ExportParams; text: string } {
  const shown = reps.slice(0, LISTED).map(idAndName).join(', ');
  const more = reps.length - LISTED;
  return more > 0 ? { params: { count: reps.length, reps: shown, more }, text: `${shown} and ${more} more` } : { params: { count: reps.length, reps: shown }, text: shown };
}

const HOW_TO_FIX = 'add a crm_user column to the roster or set them on the Team step';

/**
 * For targets that assign to CRM users (Salesforce users, HubSpot owners, Frappe and Odoo users):
 * a rep without one is refused, all of them named at once, rather than written as a display name
 * or a rep id the CRM does not know. Returns the user of each rep the rules hand leads to.
 */
export function requireCrmUsers(config: RuleConfig): (rep: RuleRep) => string {
  const missing = repsWithoutCrmUser(config);
  if (missing.length > 0) {
    const { params, text } = listReps(missing);
    const have = missing.length === 1 ? 'active rep has' : 'active reps have';
    throw new ExportError(`${missing.length} ${have} no CRM user (username or email): ${text}; ${HOW_TO_FIX}`, 'reps', 'crm_users_missing', params);
  }
  return (rep) => {
    const user = crmUserOf(rep);
    if (user === null) throw new Error(`rep ${rep.id} receives no leads in these rules, so it has no CRM user to name`);
    return user;
  };
}

/** For targets a person sets up by hand (the build sheet): which reps still need a CRM user. */
export function crmUserLimitation(config: RuleConfig): Limitation | null {
  const missing = repsWithoutCrmUser(config);
  if (missing.length === 0) return null;
  const { params, text } = listReps(missing);
  return {
    at: 'reps',
    code: 'crm_users_missing',
    params,
    what: `the CRM users of ${missing.length} active rep${missing.length === 1 ? '' : 's'} (${text})`,
    approximation: `named by rep name and id on the sheet; find each one's CRM user (username or email) before setting up the rules, or ${HOW_TO_FIX}`,
  };
}

/** `r01 王芳`; an inferred roster's rep, whose id is the owner's name, once: not `Anna Snelling Anna Snelling`. */
export function idAndName(rep: Pick<RuleRep, 'id' | 'name'>): string {
  const name = rep.name.replace(/\s+/g, ' ').trim();
  return name && name !== rep.id ? `${rep.id} ${name}` : rep.id;
}
