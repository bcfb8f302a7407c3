/** `npx tsx bench/optimize/crossover.ts`: both solvers on growing models, to place HIGHS_ABOVE_COLUMNS. */
import { buildModel } from '../../src/optimize/model';
import { normalizeProblem } from '../../src/optimize/problem';
import { jsLp, loadHighs } from '../../src/optimize/solvers';
import { randomInstance } from './instance';

const highs = await loadHighs();
const sizes = (process.argv[2] ?? "5x3,10x4,20x5,30x6,40x8,50x10").split(",").map((z) => z.split("x").map(Number) as [number, number]);
for (const [S, R] of sizes) {
  const model = buildModel(normalizeProblem(randomInstance(S, R)).normalized!);
  const time = (solve: () => { ms: number; status: string; objective: number }) => {
    const runs = [solve(), solve(), solve()];
    return { ms: runs.map((r) => r.ms).sort((a, b) => a - b)[1]!, status: runs[0]!.status, objective: runs[0]!.objective };
  };
  const h = time(() => highs.solve(model));
  const j = time(() => jsLp.solve(model));
  console.log(`${S}x${R}: ${model.colNames.length} cols, ${model.rows.length} rows; jsLP ${j.ms.toFixed(1)} ms (${j.status}), HiGHS ${h.ms.toFixed(1)} ms (${h.status}); obj ${j.objective.toFixed(4)} vs ${h.objective.toFixed(4)}`);
}
