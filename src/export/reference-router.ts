import { createRouterState, routerStateToJson } from '../route';
import { REFERENCE_ROUTER_MODULE } from './generated/reference-router.generated';
import { markdownText } from './human-text';
import { jsonFile, limitationsMarkdown } from './limitations-note';
import type { Exporter } from './target';

/**
 * For teams that route through a webhook of their own: the very router the simulator runs
 * (src/route, bundled by `npm run build:router`), the rules, and the state it keeps between leads.
 * Nothing is approximated, so there are no limitations.
 */
export const exportReferenceRouter: Exporter = (config) => {
  const state = routerStateToJson(createRouterState(config));
  return {
    target: 'reference-router',
    files: [
      { path: 'allot-router.mjs', content: REFERENCE_ROUTER_MODULE, mediaType: 'text/javascript' },
      { path: 'rules.json', content: jsonFile(config), mediaType: 'application/json' },
      { path: 'state.example.json', content: jsonFile(state), mediaType: 'application/json' },
      { path: 'README.md', content: readme(config.name), mediaType: 'text/markdown' },
    ],
    limitations: [],
  };
};

function readme(name: string): string {
  return `# Allot reference router: ${markdownText(name)}

\`allot-router.mjs\` is the router Allot simulates, as one ES module with no dependencies
(Node 18+, Deno, Bun, browsers, edge functions). \`rules.json\` holds the rules (allot.rules/v1,
already validated by Allot); \`state.example.json\` is the state before the first lead.

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

## The state (\`allot.router-state/v1\`)

| key | holds |
|---|---|
| \`format\` | \`"allot.router-state/v1"\` |
| \`period\` | the capacity period (week) the counts belong to |
| \`routed\` | leads routed so far; names leads without a \`lead_id\` (\`#n\`) |
| \`reps.<rep id>\` | \`assignedInPeriod\` (checked against capacityPerWeek), \`open\` (against maxOpen), \`away\` |
| \`pools.<rule id or fallback>\` | \`cursor\` (where the round robin continues) and \`current.<rep id>\` (the smooth weighted rotation's running values) |
| \`seen.<field>\` | for each dedupe field: normalised value → the first lead that had it |

The state is keyed by names, so a state saved under one version of the rules loads under an edited
one: reps and rules it does not know start fresh, and names no longer in the rules are dropped.

${limitationsMarkdown([])}`;
}
