import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleRouter, GENERATED_ROUTER_FILE, renderGeneratedRouter } from '../../src/export/build-router';

describe('the committed reference router', () => {
  it('is the bundle of src/route as it is now (run "npm run build:router" after changing src/route)', async () => {
    expect(readFileSync(GENERATED_ROUTER_FILE, 'utf8')).toBe(renderGeneratedRouter(await bundleRouter()));
  });

  it('imports nothing: one self-contained module', async () => {
    const bundle = await bundleRouter();
    expect(bundle).not.toMatch(/^\s*import\s/m);
    expect(bundle).not.toMatch(/\brequire\(/);
    expect(bundle).toMatch(/export \{[^}]*\broute\b[^}]*\}/);
  });
});
