/**
 * `npx tsx bench/optimize/solve-one.ts S R solver reps`: one solver on one generated size, best of
 * `reps`, as a JSON line on stdout. A separate process so that a solver that cycles can be killed.
 */
import { checkSolution } from '../../src/optimize/check';
import { buildModel } from '../../src/optimize/model';
import { normalizeProblem } from '../../src/optimize/problem';
import { optimize } from '../../src/optimize/optimize';
import { jsLp, loadHighs } from '../../src/optimize/solvers';
import { randomInstance } from './instance';

const [S, R, name, reps] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4], Number(process.argv[5] ?? 3)];
if (name === 'auto') {
  // What a user waits for: the optimizer end to end (validate, build, pick the solver, solve, check), wall clock.
  let best = Infinity, status = '', objective = NaN, chosen = '';
  const problem = randomInstance(S, R);
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    const result = await optimize(problem, { solver: 'auto' });
    best = Math.min(best, performance.now() - started);
    status = result.status;
    if (result.status === 'optimal') ({ solver: chosen } = result), (objective = result.objective);
  }
  console.log(JSON.stringify({ S, R, solver: `auto → ${chosen}`, columns: 0, rows: 0, buildMs: 0, ms: best, status, objective, violations: 0 }));
  process.exit(0);
}
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
