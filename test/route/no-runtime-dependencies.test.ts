import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTE = path.resolve(import.meta.dirname, '../../src/route');

/** src/route is shipped as the dependency-free reference router: only type imports may leave the folder. */
describe('the router runtime depends on nothing', () => {
  const files = readdirSync(ROUTE).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports only its own folder at run time, and no platform API', (file) => {
    const source = readFileSync(path.join(ROUTE, file), 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({ typeOnly: !!m[1], from: m[2]! }));
    for (const { typeOnly, from } of imports) {
      if (!typeOnly) expect(from, `${file} imports ${from} at run time`).toMatch(/^\.\/[\w-]+$/);
    }
    expect(source).not.toMatch(/\b(Math\.random|Date\.now|new Date|performance\.now|process\.|window\.|document\.|require\()/);
  });
});
