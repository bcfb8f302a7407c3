/**
 * `npx tsx bench/optimize/solve-one.ts S R solver reps`: one solver on one generated size, best of
 * `reps`, as a JSON line on stdout. A separate process so that a solver that cycles can be killed.
 */
import { checkSolution } from '../../src/optimize/check';
import { buildModel } from '../../src/optimize/model';
import { normalizeProblem } from '../../src/optimize/problem';
import { jsLp, loadHighs } from '../../src/optimize/solvers';
import { randomInstance } from './instance';

const [S, R, name, reps] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4], Number(process.argv[5] ?? 3)];
const solver = name === 'highs' ? await loadHighs() : jsLp;
const started = performance.now();
const model = buildModel(normalizeProblem(randomInstance(S, R)).normalized!);
const buildMs = performance.now() - started;
let best = Infinity, status = '', objective = NaN, violations = 0;
for (let i = 0; i < reps; i++) {
  const solution = solver.solve(model);
  best = Math.min(best, solution.ms);
  ({ status, objective } = solution);
  violations = checkSolution(model, solution.x).length;
}
console.log(JSON.stringify({ S, R, solver: name, columns: model.colNames.length, rows: model.rows.length, buildMs, ms: best, status, objective, violations }));
