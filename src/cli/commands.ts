import { parseArgs } from 'node:util';
import type { Database } from '../data/database';
import { UsageError } from './cli-error';
import { estimateCommand } from './estimate';
import { EXPERIMENT_USAGE, experimentCommand } from './experiment';
import { EXPORT_USAGE, exportCommand } from './export';
import { initCommand } from './init';
import { inspect } from './inspect';
import { optimizeCommand } from './optimize';
import { readoutCommand } from './readout';
import { routeCommand } from './route';
import { simulateCommand } from './simulate';

/** One `allot` command: its usage lines for --help, and what it prints on stdout. */
export interface Command {
  name: string;
  usage: string;
  run(db: Database, args: string[]): Promise<string>;
}

/** Every command, in the order --help lists them. A new command is one entry here and a file of its own. */
export const COMMANDS: Command[] = [
  {
    name: 'inspect',
    usage: `inspect <file> [<file> …] [--map m.json] [--roster roster.csv] [--save-map out.json] [--json]
    Load a lead export (CSV, Excel .xlsx, Parquet; UTF-8 or GBK), map it, check it, and report.
    Further files are joined onto the first (e.g. pipeline + teams + accounts).`,
    run(db, args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { map: { type: 'string' }, roster: { type: 'string' }, 'save-map': { type: 'string' }, json: { type: 'boolean', default: false } },
      });
      return inspect(db, { files: positionals, map: values.map, roster: values.roster, saveMap: values['save-map'], json: values.json! });
    },
  },
  {
    name: 'init',
    usage: `init <file> [<file> …] --out scenario.json [--map m.json] [--force] [--json]
    Propose a scenario for a lead export, as the workbench does: segment fields ranked by how much
    they separate conversion between reps, eligibility from a column the reps hold as skills, the
    horizon from the history, the roster inferred from the owners. allot simulate runs it as it is.`,
    run(db, args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { out: { type: 'string' }, map: { type: 'string' }, force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
      });
      if (!values.out) throw new UsageError('init needs --out <scenario.json>.');
      return initCommand(db, { files: positionals, out: values.out, map: values.map, force: values.force!, json: values.json! });
    },
  },
  {
    name: 'estimate',
    usage: `estimate --scenario s.json [--backtest] [--json]
    Conversion by segment × rep with 90% intervals, rep effects, demand per segment, response-time
    decay; --backtest fits on the first 75% of the dates and checks the forecast of the rest.`,
    run(db, args) {
      const { values } = parseArgs({ args, options: { scenario: { type: 'string' }, backtest: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
      if (!values.scenario) throw new UsageError('estimate needs --scenario <file.json>.');
      return estimateCommand(db, { scenario: values.scenario, json: values.json!, backtest: values.backtest! });
    },
  },
  {
    name: 'optimize',
    usage: `optimize --scenario s.json --out rules.json [--lp model.lp] [--json]
    Estimate, solve the assignment LP, and write the optimal rules; --lp writes the model in CPLEX
    LP format. Infeasible constraints: exit 2 with the conflicting ones named.`,
    run: optimizeCommand,
  },
  {
    name: 'simulate',
    usage: `simulate --scenario s.json [--rules a.json …] [--replications N] [--seed K] [--threads T] [--json]
    Build the scenario's policies (the optimized one included) and any rule files given, and compare
    them in simulation: conversions, revenue, first touch, SLA, fairness, with 90% intervals and
    paired differences against the baseline; replications spread over T worker threads.`,
    run: simulateCommand,
  },
  {
    name: 'readout',
    usage: `readout --scenario s.json <export since the rollout> [<joined table> …]
        (--arm-column C | --share P --salt S | --rules rules.json [--slot-column Allot_Slot__c])
        [--control as_is] [--candidate optimized] [--window 30] [--json]
    Read out a rollout: the candidate's effect over the control in conversions per lead, adjusted
    for the segment mix, with a 90% interval; leads younger than the window are left out and
    counted, never read as lost; Compare's forecast for the same two policies is set beside it.
    --rules takes the split from the rollout's rule file (allot experiment --out): lead ids hashed,
    the slot column (a slot split), or the creation weeks (a week split).`,
    run: readoutCommand,
  },
  {
    name: 'experiment',
    usage: EXPERIMENT_USAGE,
    run: experimentCommand,
  },
  {
    name: 'route',
    usage: `route --rules rules.json --leads <file> [--out assignments.csv] [--json]
    Run the router over a file of leads, in file order; write one decision per lead and summarise.
    With an experiment in the rules, each lead's arm is decided first (an arm column in the
    assignments); a control kept as the current process counts its leads as left_to_current.`,
    run: routeCommand,
  },
  {
    name: 'export',
    usage: EXPORT_USAGE,
    run: exportCommand,
  },
];
