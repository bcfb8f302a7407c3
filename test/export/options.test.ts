import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error';
import { EXPORT_USAGE, parseExportArgs } from '../../src/cli/export';
import { EXPORT_TARGETS, type ExportOptions, type ExportTargetName } from '../../src/export';
import { EXPORT_OPTIONS, EXPORT_OPTION_DEFAULTS, EXPORT_OPTION_NAMES, allowedValues, enumValues, isValidOptionValue, optionsFor, type ExportOptionName } from '../../src/export/options';
import { workbenchOptions } from '../../src/ui/export/option-controls';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXPORT_DIR = path.join(ROOT, 'src/export');
const BASE_ARGS = ['--rules', 'rules.json', '--target', 'json', '--out', 'out'];

interface OptionRead {
  file: string;
  name: string;
}

/**
 * Every `options.<name>` an exporter reads, found by the type checker (the expression's type is
 * ExportOptions), so a local array that happens to be called `options` is not taken for one.
 */
function optionReads(): OptionRead[] {
  const files = readdirSync(EXPORT_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.startsWith('generated') && f !== 'options.ts')
    .map((f) => path.join(EXPORT_DIR, f));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const isOptions = (node: ts.Node) => checker.typeToString(checker.getTypeAtLocation(node)) === 'ExportOptions';
  const reads: OptionRead[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && isOptions(node.expression)) reads.push({ file, name: node.name.text });
      if (ts.isElementAccessExpression(node) && isOptions(node.expression)) reads.push({ file, name: ts.isStringLiteral(node.argumentExpression) ? node.argumentExpression.text : '<computed>' });
      if (ts.isObjectBindingPattern(node) && isOptions(node)) for (const element of node.elements) reads.push({ file, name: (element.propertyName ?? element.name).getText(source) });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return reads;
}

/** The target a file of src/export belongs to: `salesforce/…`, `frappe-condition.ts` → frappe; null for shared helpers. */
function targetOf(file: string): ExportTargetName | null {
  const first = path.relative(EXPORT_DIR, file).split(path.sep)[0]!.replace(/\.ts$/, '');
  return EXPORT_TARGETS.find((t) => first === t || first.startsWith(`${t}-`)) ?? null;
}

describe('the export options are declared once', () => {
  const reads = optionReads();

  it('every option an exporter reads is declared, naming the target whose files read it', () => {
    // The scan must see the reads there are, or the checks below would pass on nothing.
    expect(new Set(reads.map((r) => r.name))).toEqual(new Set(['language', 'salesforceQueue', 'frappeVersion']));
    for (const read of reads) {
      const where = `${path.relative(ROOT, read.file)} reads options.${read.name}`;
      expect(EXPORT_OPTION_NAMES, where).toContain(read.name);
      const target = targetOf(read.file);
      expect(target, `${where}, but belongs to no target`).not.toBeNull();
      expect(EXPORT_OPTIONS[read.name as ExportOptionName].targets, where).toContain(target);
    }
  });

  it('every declared option is read by each target it names, so no control or flag does nothing', () => {
    for (const name of EXPORT_OPTION_NAMES)
      for (const target of EXPORT_OPTIONS[name].targets)
        expect(reads.some((r) => r.name === name && targetOf(r.file) === target), `${target} reads ${name}`).toBe(true);
  });

  it('ExportOptions is the declaration’s type', () => {
    expectTypeOf<ExportOptions>().toEqualTypeOf<{ language?: 'en' | 'zh'; salesforceQueue?: string; frappeVersion?: 'v16' | 'v15' }>();
    expect(optionsFor('frappe')).toEqual(['frappeVersion']);
    expect(optionsFor('salesforce')).toEqual(['salesforceQueue']);
    expect(optionsFor('json')).toEqual([]);
  });

  it('each default is a value its option accepts; a text option is unset by default and its example fits', () => {
    for (const name of EXPORT_OPTION_NAMES) {
      const spec = EXPORT_OPTIONS[name];
      if (spec.kind === 'enum') {
        expect(isValidOptionValue(name, spec.default), name).toBe(true);
        expect(EXPORT_OPTION_DEFAULTS[name], name).toBe(spec.default);
      } else {
        expect(spec.default, name).toBeUndefined();
        expect(name in EXPORT_OPTION_DEFAULTS, name).toBe(false);
        expect(isValidOptionValue(name, spec.example), `${name} example ${spec.example}`).toBe(true);
      }
    }
  });

  it('each option has its own kebab-case flag, and a label and help in English and in Chinese', () => {
    const flags = EXPORT_OPTION_NAMES.map((n) => EXPORT_OPTIONS[n].flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const name of EXPORT_OPTION_NAMES) {
      const spec = EXPORT_OPTIONS[name];
      expect(spec.flag, name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(spec.flag, name).toBe(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
      expect(spec.targets.length, name).toBeGreaterThan(0);
      for (const text of [spec.label, spec.help]) {
        expect(text.en, name).toMatch(/^[A-Z][^\u4e00-\u9fff]+$/);
        expect(text.zh, name).toMatch(/[\u4e00-\u9fff]/);
      }
      if (spec.kind === 'enum') for (const label of Object.values(spec.values) as Array<{ en: string; zh: string }>) expect(label.en && label.zh, name).toBeTruthy();
    }
  });

  it('the Salesforce queue takes an API name, as Salesforce does, up to 80 characters', () => {
    for (const ok of ['Inside_Sales', 'Q', 'A1_b2', 'Q'.repeat(80)]) expect(isValidOptionValue('salesforceQueue', ok), ok).toBe(true);
    for (const bad of ['', 'Inside Sales', '2nd_Line', '_Queue', 'Inside__Sales', 'Inside_', '华东审核', 'Q'.repeat(81)]) expect(isValidOptionValue('salesforceQueue', bad), bad).toBe(false);
  });
});

describe('allot export takes its option flags from the declaration', () => {
  it('no option flag: no option set, the exporters use the defaults', () => {
    expect(parseExportArgs(BASE_ARGS).options).toEqual({});
  });

  it('each flag sets its option, for every value it takes', () => {
    for (const name of EXPORT_OPTION_NAMES) {
      const spec = EXPORT_OPTIONS[name];
      const values = spec.kind === 'enum' ? enumValues(spec) : [spec.example];
      for (const value of values) expect(parseExportArgs([...BASE_ARGS, `--${spec.flag}`, value]).options, `--${spec.flag} ${value}`).toEqual({ [name]: value });
    }
    expect(parseExportArgs([...BASE_ARGS, '--salesforce-queue', 'Lead_Pool', '--frappe-version', 'v15']).options).toEqual({ salesforceQueue: 'Lead_Pool', frappeVersion: 'v15' });
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['--frappe-version', 'v14', /^--frappe-version must be v16 or v15 \(got "v14"\)\.$/],
    ['--language', 'fr', /^--language must be en or zh \(got "fr"\)\.$/],
    ['--salesforce-queue', '', /^--salesforce-queue must be a queue API name: a letter, then letters, digits and single underscores, .* at most 80 characters \(got ""\)\.$/],
    ['--salesforce-queue', 'Inside Sales', /^--salesforce-queue must be a queue API name: .* \(got "Inside Sales"\)\.$/],
    ['--salesforce-queue', 'Inside__Sales', /^--salesforce-queue must be .* \(got "Inside__Sales"\)\.$/],
  ];
  it.each(refusals)('%s %j is refused in one line naming the flag and what it takes', (flag, value, message) => {
    let thrown: unknown;
    try {
      parseExportArgs([...BASE_ARGS, flag, value]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('every option flag, with what it takes and its help, is in the export help', () => {
    const help = EXPORT_USAGE.replace(/\s+/g, ' ');
    for (const name of EXPORT_OPTION_NAMES) {
      const spec = EXPORT_OPTIONS[name];
      const synopsis = spec.kind === 'enum' ? `--${spec.flag} ${enumValues(spec).join('|')}` : `--${spec.flag} <${spec.valueName}>`;
      expect(help).toContain(`[${synopsis}]`);
      expect(help).toContain(`${synopsis} ${spec.targets.join(', ')}: ${spec.help.en}`);
      expect(help).toContain(spec.kind === 'enum' ? `Default: ${spec.default}.` : `Must be ${allowedValues(name)}`);
    }
  });
});

describe('the Export step exports with the declared options', () => {
  it('untouched, it uses the defaults, with the sheet in the workbench’s language', () => {
    expect(workbenchOptions({}, 'zh')).toEqual({ options: { language: 'zh', frappeVersion: 'v16' }, problems: [] });
    expect(workbenchOptions({}, 'en').options).toEqual({ language: 'en', frappeVersion: 'v16' });
  });

  it('a chosen value wins; a queue is trimmed, and an empty one assigns to reps', () => {
    expect(workbenchOptions({ language: 'en', frappeVersion: 'v15', salesforceQueue: ' Inside_Sales ' }, 'zh').options).toEqual({ language: 'en', frappeVersion: 'v15', salesforceQueue: 'Inside_Sales' });
    expect(workbenchOptions({ salesforceQueue: '  ' }, 'en')).toEqual({ options: { language: 'en', frappeVersion: 'v16' }, problems: [] });
  });

  it('a queue name that does not fit is a problem naming the option, and is not exported', () => {
    const { options, problems } = workbenchOptions({ salesforceQueue: 'Inside Sales' }, 'en');
    expect(options.salesforceQueue).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ name: 'salesforceQueue', value: 'Inside Sales' })]);
    expect(allowedValues('salesforceQueue', 'zh')).toBe(EXPORT_OPTIONS.salesforceQueue.allowed.zh);
  });
});
