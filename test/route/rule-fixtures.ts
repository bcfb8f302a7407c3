import { parseRuleConfig, type RuleConfig, type RuleConfigInput, type RuleRep } from '../../src/model/rules';

/** A rep with room to spare unless the test says otherwise. */
export function rep(id: string, extra: Partial<RuleRep> = {}): RuleRep {
  return { id, name: `Rep ${id}`, crmUser: `${id}@example.com`, capacityPerWeek: 1000, active: true, ...extra };
}

/** A valid config from its parts (validated, so a broken fixture fails loudly, not a test later). */
export function rulesOf(parts: Partial<RuleConfigInput> & Pick<RuleConfigInput, 'reps'>): RuleConfig {
  const parsed = parseRuleConfig({
    schema: 'allot.rules/v1',
    name: 'test rules',
    rules: [],
    fallback: { method: 'round_robin', pool: parts.reps.map((r) => ({ rep: r.id })) },
    ...parts,
  });
  if (!parsed.ok) throw new Error(`bad fixture: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.config;
}
