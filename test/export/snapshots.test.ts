import { describe, expect, it } from 'vitest';
import { EXPORTERS, exportRules, type ExportOptions, type ExportTargetName } from '../../src/export';
import { sampleExperiment } from './replay/experiment-fixture';
import { sampleRules } from './replay/shares';

/** Per target, the options each snapshot is taken with (the build sheet in both languages). */
const VARIANTS: Array<[ExportTargetName, string, ExportOptions]> = [
  ['json', '', {}],
  ['hubspot', '', {}],
  ['frappe', '', { frappeVersion: 'v16' }],
  ['odoo', '', {}],
  ['build-sheet', 'en/', { language: 'en' }],
  ['build-sheet', 'zh/', { language: 'zh' }],
  ['reference-router', '', {}],
];

describe('file snapshots of every target for the sample scenario (test/export/fixtures/sample.rules.json)', () => {
  it('covers every exporter in the registry except Salesforce (snapshotted by its own tests)', () => {
    expect(new Set(VARIANTS.map(([t]) => t))).toEqual(new Set(Object.keys(EXPORTERS).filter((t) => t !== 'salesforce')));
  });

  it.each(VARIANTS)('%s %s', async (target, variant, options) => {
    const result = exportRules(sampleRules(), target, options);
    for (const file of result.files) {
      // Normalised: line endings to \n and the BOM shown, so a diff reads; the bundle is checked by its own staleness test.
      const content = file.path === 'allot-router.mjs' ? `(the bundle of src/route: ${file.content.split('\n').length} lines)\n` : file.content.replace(/\r\n/g, '\n').replace(/^\uFEFF/, '<BOM>');
      await expect(content).toMatchFileSnapshot(`__snapshots__/${target}/${variant}${file.path}${file.path.endsWith('.mjs') ? '.txt' : ''}`);
    }
  });
});

/** The targets that export an experiment (Frappe and Odoo refuse it; Salesforce is snapshotted by its own tests). */
const EXPERIMENT_VARIANTS: Array<[ExportTargetName, string, ExportOptions]> = [
  ['json', '', {}],
  ['hubspot', '', {}],
  ['build-sheet', 'en/', { language: 'en' }],
  ['build-sheet', 'zh/', { language: 'zh' }],
  ['reference-router', '', {}],
];

describe('file snapshots of an experiment: the sample against a round robin, 40% of the leads by hash', () => {
  it.each(EXPERIMENT_VARIANTS)('%s %s', async (target, variant, options) => {
    const config = sampleExperiment({ name: 'Optimized vs round robin', unit: 'lead', candidateShare: 0.4, salt: 'allot-sample' });
    for (const file of exportRules(config, target, options).files) {
      if (file.path === 'allot-router.mjs' || file.path.endsWith('.schema.json')) continue; // the same bytes as above
      const content = file.content.replace(/\r\n/g, '\n').replace(/^\uFEFF/, '<BOM>');
      await expect(content).toMatchFileSnapshot(`__snapshots__/experiment/${target}/${variant}${file.path}`);
    }
  });
});
