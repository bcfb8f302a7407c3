import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDependencies, describeViolation, folderOf, platformCalls, readSources, scanAll, type DependencyRule } from './dependency-map';

/** The engine (DESIGN §1), the pipeline that takes (data, scenario) to every artifact included. */
const ENGINE = ['estimate', 'optimize', 'route', 'simulate', 'export', 'data', 'model', 'pipeline', 'experiment'];
/** The faces that drive the engine. notebooks/ drives it too, from outside src. */
const FACES = ['ui', 'cli'];

/**
 * The map. A file may always import its own folder. `never`: src folders it must not import;
 * `only`: the only other src folders it may import; `typesOnly`: imports leaving the folder must
 * be erased at build time; `packages: false`: no npm package (node: included).
 */
const RULES: DependencyRule[] = [
  { rule: 'the engine never imports a face', from: ENGINE, never: FACES },
  { rule: 'src/model imports no other src folder (npm packages such as zod are fine)', from: ['model'], only: [] },
  {
    rule: 'src/route imports only the RuleConfig types of src/model, as types, and no package (it ships alone as the reference router)',
    from: ['route'], only: ['model'], typesOnly: true, packages: false,
  },
];

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the map matches the code', () => {
  const sources = readSources(ROOT, 'src');
  const imports = scanAll(sources);

  it('every import under src/ keeps to the map', () => {
    expect(checkDependencies(imports, RULES).map(describeViolation)).toEqual([]);
  });

  it('every src folder is on the map, so no new folder escapes the rules', () => {
    const folders = new Set([...sources.keys()].map(folderOf).filter((f): f is string => f !== null));
    expect([...folders].filter((f) => !ENGINE.includes(f) && !FACES.includes(f))).toEqual([]);
  });

  it('the scanner sees the imports the rules are about: static, re-exports, dynamic and worker URLs', () => {
    const kinds = new Set([...imports.values()].flatMap((refs) => refs.map((i) => i.kind)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['dynamic', 're-export', 'static', 'worker-url']));
  });

  it('the router runtime reaches for no clock, randomness or host object', () => {
    const route = [...sources].filter(([file]) => folderOf(file) === 'route');
    expect(route.length).toBeGreaterThan(3);
    expect(route.flatMap(([file, text]) => platformCalls(file, text))).toEqual([]);
  });
});

describe('the checker fails each rule it is given', () => {
  const files = new Map(Object.entries({
    'src/estimate/a.ts': `import { percent } from '../ui/format';\nimport { z } from 'zod';\nexport * from '../cli';\n`,
    'src/data/adapters/b.ts': `const worker = new URL('../../cli/worker.ts', import.meta.url);\n`,
    'src/simulate/c.ts': `export async function run() {\n  return import('../cli/main');\n}\n`,
    'src/export/d.ts': `export {\n  texts,\n} from '../ui/i18n/en';\n`,
    'src/export/e.ts': `// import { a } from '../ui/a';\nconst snippet = "import { b } from '../ui/b';";\nimport type { Rep } from '../model/roster';\n`,
    'src/pipeline/f.ts': `import type { Scene } from '../ui/state/scenario-store';\n`,
    'src/model/g.ts': `import { z } from 'zod';\nimport type { SegmentSpec } from '../data/estimation-inputs';\nimport { RULES_SCHEMA_ID } from './rules';\n`,
    'src/route/h.ts': [
      `import type { RuleConfig } from '../model/rules';`,
      `import { compileRules } from './compile';`,
      `import { RULES_SCHEMA_ID } from '../model/rules';`,
      `import type { Estimates } from '../estimate/estimate';`,
      `import { something } from 'some-package';`,
      `export type { Lead } from './conditions';`,
      `type Loose = typeof import('../optimize/index');`,
    ].join('\n'),
    'src/ui/i.ts': `import { estimate } from '../estimate/estimate';\nimport { createNativeDatabase } from '../data/adapters/native-node';\n`,
    'src/cli/j.ts': `import { compare } from '../simulate/compare';\nimport('../ui/format');\n`,
  }));
  const [engine, model, route] = RULES.map((r) => r.rule);
  const found = checkDependencies(scanAll(files), RULES).map(({ file, line, specifier, rule }) => [file, line, specifier, rule]);

  it('the engine importing a face, however it imports it: static, a folder index, worker URL, dynamic, re-export, type-only', () => {
    expect(found.filter((v) => v[3] === engine)).toEqual([
      ['src/estimate/a.ts', 1, '../ui/format', engine],
      ['src/estimate/a.ts', 3, '../cli', engine],
      ['src/data/adapters/b.ts', 1, '../../cli/worker.ts', engine],
      ['src/simulate/c.ts', 2, '../cli/main', engine],
      ['src/export/d.ts', 1, '../ui/i18n/en', engine],
      ['src/pipeline/f.ts', 1, '../ui/state/scenario-store', engine],
    ]);
  });

  it('src/model importing another src folder, even for a type', () => {
    expect(found.filter((v) => v[3] === model)).toEqual([['src/model/g.ts', 2, '../data/estimation-inputs', model]]);
  });

  it('src/route importing the model at run time, another folder or a package', () => {
    expect(found.filter((v) => v[3] === route)).toEqual([
      ['src/route/h.ts', 3, '../model/rules', route],
      ['src/route/h.ts', 4, '../estimate/estimate', route],
      ['src/route/h.ts', 5, 'some-package', route],
      ['src/route/h.ts', 7, '../optimize/index', route],
    ]);
  });

  it('nothing else: comments, code in strings, faces importing the engine, a folder importing itself', () => {
    expect(found).toHaveLength(11);
  });

  it('a clock in the router', () => {
    expect(platformCalls('src/route/x.ts', 'const a = 1;\nconst now = Date.now();\n')).toEqual([{ file: 'src/route/x.ts', line: 2, call: 'Date.now' }]);
  });
});
