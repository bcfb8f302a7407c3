import { createRouterState, routerStateToJson } from '../route';
import { REFERENCE_ROUTER_MODULE } from './generated/reference-router.generated';
import { markdownText } from './human-text';
import { jsonFile, limitationsMarkdown } from './limitations-note';
import type { RuleConfig } from '../model/rules';
import type { Exporter, Limitation } from './target';

/**
 * For teams that route through a webhook of their own: the very router the simulator runs
 * (src/route, bundled by `npm run build:router`), the rules, and the state it keeps between leads.
 * Nothing is approximated, an experiment's split included (the router decides the arm itself), so
 * the only limitation is a keepCurrent control: those leads are handed back, not assigned.
 */
export const exportReferenceRouter: Exporter = (config) => {
  const state = routerStateToJson(createRouterState(config));
  const control = config.experiment?.control;
  const limitations: Limitation[] = control && 'keepCurrent' in control
    ? [{ at: 'experiment.control', code: 'router_keep_current', params: { control: control.name }, what: `the control "${control.name}" is the current process`, approximation: 'the router decides those leads "left_to_current" and assigns nobody: your webhook must hand them to the current process' }]
    : [];
  return {
    target: 'reference-router',
    files: [
      { path: 'allot-router.mjs', content: REFERENCE_ROUTER_MODULE, mediaType: 'text/javascript' },
      { path: 'rules.json', content: jsonFile(config), mediaType: 'application/json' },
      { path: 'state.example.json', content: jsonFile(state), mediaType: 'application/json' },
      { path: 'README.md', content: readme(config.name, experimentSection(config), limitations), mediaType: 'text/markdown' },
    ],
    limitations,
  };
};

/** How the router splits an experiment's leads, for the webhook's author. */
function experimentSection(config: RuleConfig): string {
  const e = config.experiment;
  if (!e) return '';
  const how = {
    lead: `by a stable hash of the lead's \`${e.idField ?? 'lead_id'}\` (FNV-1a over \`"${e.salt}:" + id\`, mod 10000; below ${Math.round(e.candidateShare * 10_000)} is the candidate): the same lead always gets the same arm, so retries are safe and the readout recomputes it from the lead id`,
    slot: `by the lead's slot: the number of leads routed before it (\`routed\` in the state) mod 100, below ${Math.round(e.candidateShare * 100)} is the candidate; keep the state, or the count starts over`,
    week: `by the week of the lead's \`${e.createdField ?? 'created_at'}\` (YYYY-MM-DD…), weeks counted from Monday ${e.weekStart}; a lead without a readable date goes to the control`,
  }[e.unit];
  const control = 'keepCurrent' in e.control
    ? `the control ("${markdownText(e.control.name)}") is your current process: its leads come back as \`kind: "left_to_current"\`, assigned to nobody`
    : `the control ("${markdownText(e.control.name)}") is routed by \`experiment.control\`'s rules over the same reps, caps and loads`;
  return `\n## The experiment${e.name ? `: ${markdownText(e.name)}` : ''}\n\nEvery lead is first given an arm, ${how}. The candidate's leads are routed by the top-level rules; ${control}. Each decision says its \`arm\`; store it with the lead for the readout.\n`;
}

function readme(name: string, experiment: string, limitations: Limitation[]): string {
  return `# Allot reference router: ${markdownText(name)}

\`allot-router.mjs\` is the router Allot simulates, as one ES module with no dependencies
(Node 18+, Deno, Bun, browsers, edge functions). \`rules.json\` holds the rules (allot.rules/v2,
already validated by Allot); \`state.example.json\` is the state before the first lead.
${experiment}
\`\`\`js
import { readFileSync, writeFileSync } from 'node:fs';
import { route, routerStateFromJson, routerStateToJson, startPeriod, explainDecision } from './allot-router.mjs';

const rules = JSON.parse(readFileSync('rules.json', 'utf8'));
const state = routerStateFromJson(rules, JSON.parse(readFileSync('state.json', 'utf8')));
const { decision } = route(rules, { lead_id: 'L-1001', region: 'East', product: 'Pro' }, state);
console.log(decision.kind, decision.rep ?? decision.queue, decision.crmUser ?? '', explainDecision(decision));
writeFileSync('state.json', JSON.stringify(routerStateToJson(state)));
\`\`\`

Route one lead at a time, and save the state after each (or hold it in memory and save it often):
it carries the rotation positions, so a router that forgets it starts every rotation over.
Call \`startPeriod(state, '2025-W02')\` when a new week begins (weekly caps restart), \`closeLead(state, repId)\`
when a rep's lead is closed (open-lead limits), and \`setRepAway(state, repId, true)\` for absences.

## The state (\`allot.router-state/v2\`)

| key | holds |
|---|---|
| \`format\` | \`"allot.router-state/v2"\` (a saved \`v1\` state still loads) |
| \`period\` | the capacity period (week) the counts belong to |
| \`routed\` | leads routed so far; names leads without a \`lead_id\` (\`#n\`) |
| \`reps.<rep id>\` | \`assignedInPeriod\` (checked against capacityPerWeek), \`open\` (against maxOpen), \`away\` |
| \`pools.<rule id or fallback>\` | \`cursor\` (where the round robin continues) and \`current.<rep id>\` (the smooth weighted rotation's running values) |
| \`controlPools.<rule id or fallback>\` | the same for an experiment's control rules (only with a control policy) |
| \`seen.<field>\` | for each dedupe field: normalised value → the first lead that had it |

The state is keyed by names, so a state saved under one version of the rules loads under an edited
one: reps and rules it does not know start fresh, and names no longer in the rules are dropped.

${limitationsMarkdown(limitations)}`;
}
