import type { Database } from '../../data/database';
import type { SourceFile } from '../../data/read-table';
import { readRoster } from '../../data/roster';
import { createPipeline, type Pipeline } from '../../pipeline';
import { DataSession, type LoadedData } from '../../pipeline/data-session';
import type { BatchRunner } from '../../simulate/compare';
import { readRolloutRows } from '../../data/rollout-leads';
import { effectForecast } from '../../experiment/forecast';
import { simulateDesignInSlices } from '../../experiment/design';
import { armsOf, readingArmColumn, readoutReport } from '../../experiment/readout-report';
import { monitorOfPolicy } from '../../experiment/monitor-report';
import { scenarioError } from '../../model/scenario-errors';
import { specOf } from '../../pipeline/pipeline';
import { packEstimates } from './packed-estimates';
import type { EngineHandlers } from './protocol';

export interface EngineState {
  /** Opens the worker's database, once, when the first load asks for it. */
  openDatabase: () => Promise<Database>;
  /** Where the comparisons' replications run (Web Workers in the browser). */
  runner?: BatchRunner;
  /** A file a scenario names that this face can read (the sample's roster); null otherwise. */
  readFile?: (path: string, data: LoadedData) => Promise<SourceFile | null>;
}

/**
 * The engine behind each request kind: the loaded leads (a DataSession on the worker's own
 * database) and the pipeline over them, made anew on every load or re-map so that no artifact of
 * other data is ever served. Runs in the engine worker, and in Node in the tests.
 */
export function createEngineHandlers(state: EngineState): EngineHandlers {
  const session = new DataSession(state.openDatabase);
  let pipeline: Pipeline | null = null;
  const loaded = (data: LoadedData): LoadedData => {
    pipeline = createPipeline(
      { read: (task) => session.read(task), attributes: data.result.attributes, name: data.files[0] ?? 'leads', ...(state.readFile ? { readFile: (path) => state.readFile!(path, data) } : {}) },
      { ...(state.runner ? { runner: state.runner } : {}) },
    );
    return data;
  };
  const current = (): Pipeline => {
    if (pipeline) return pipeline;
    // Nothing loaded yet: the session's read says so as a ScenarioError (no_data) the steps show.
    return createPipeline({ read: (task) => session.read(task), attributes: [] });
  };
  return {
    load: async ({ files, isSample, input }, { progress }) => loaded(await session.load(files, progress, { ...(isSample ? { isSample } : {}), ...(input ? { input } : {}) })),
    loadSample: async ({ url, name }, { progress }) => loaded(await session.loadSample(url, name, progress)),
    remap: async ({ input }, { progress }) => loaded(await session.remap(input, progress)),
    useAsLeadTable: async ({ index }, { progress }) => loaded(await session.useAsLeadTable(index, progress)),
    roster: ({ scenario }, { signal }) => current().roster(scenario, signal),
    readRoster: async ({ file }) => {
      const source = file instanceof Blob ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : file;
      return (await session.read((db) => readRoster(db, source))).reps;
    },
    readiness: ({ scenario }, { signal }) => current().readiness(scenario, signal),
    proposal: ({ scenario }, { signal }) => current().proposal(scenario, signal),
    estimates: async ({ scenario }, { signal }) => packEstimates(await current().estimates(scenario, signal)),
    backtest: ({ scenario }, { signal }) => current().backtest(scenario, signal),
    policy: ({ scenario, name }, { signal }) => current().policy(scenario, name, signal),
    plan: ({ scenario }, { signal }) => current().plan(scenario, signal),
    floorCost: ({ scenario }, { signal }) => current().floorCost(scenario, signal),
    frontier: ({ scenario }, { signal }) => current().frontier(scenario, signal),
    compare: ({ scenario, replications }, { signal, progress }) => current().comparison(scenario, { replications, signal, onProgress: progress }),
    readout: async ({ scenario, files, arms, control, candidate, windowDays }, { signal, progress }) => {
      // The forecast and the history first; then the rollout's export is read aside of them.
      const comparison = await current().comparison(scenario, { signal, onProgress: progress });
      const forecast = effectForecast(comparison, control, candidate);
      const estimates = await current().estimates(scenario, signal);
      const history = await current().history(scenario, signal);
      const input = session.current?.input ?? {};
      const { column: armColumn, mapping: withArm } = readingArmColumn(arms, input);
      return session.readAside(files, withArm, async (db, leads) => {
        if (armColumn !== null && !leads.columns.includes(armColumn)) {
          throw scenarioError('not_a_column', { setting: 'readout.arms', field: armColumn, columns: leads.columns.join(', ') }, `"${armColumn}" is not a column of ${files[0]!.name} (columns: ${leads.columns.join(', ')}).`, { column: armColumn });
        }
        const rows = await readRolloutRows(db, specOf(scenario), armColumn);
        const report = readoutReport(rows, { control, candidate, arms, windowDays, forecast });
        const monitor = monitorOfPolicy(rows, {
          policy: candidate, arms: armsOf(rows, { control, candidate, arms }), comparison, estimates, history, windowDays,
          slaHours: scenario.simulation.slaHours, volumeMultiplier: scenario.simulation.volumeMultiplier,
        });
        return { ...report, monitor };
      }, progress);
    },
    appendLeads: async ({ files }, { progress }) => {
      const appended = await session.append(files, progress);
      loaded(appended.data);
      return appended;
    },
    design: async ({ scenario, design, replications }, { signal, progress }) => {
      const prepared = await current().prepared(scenario, { signal, onProgress: progress });
      // In slices, so that changing the design's inputs cancels the run it replaces.
      return simulateDesignInSlices(prepared, design, {
        replications, seed: scenario.simulation.seed, signal,
        onProgress: (done, total) => progress({ stage: 'designing', done, total }),
      });
    },
  };
}
