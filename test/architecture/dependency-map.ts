import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import scanner and rule checker behind test/architecture/dependencies.test.ts. The scanner
 * uses TypeScript's own parser rather than regular expressions, so an import written in a comment
 * or inside a generated code string (the exporters write Python and JavaScript) is not taken for
 * one, and a multi-line import list is read whole.
 */

/** One import of a source file; `specifier` as written, `line` 1-based. */
export interface ImportRef {
  specifier: string;
  line: number;
  kind: 'static' | 're-export' | 'dynamic' | 'worker-url' | 'type-query';
  /** Erased at build time: `import type`, `export type`, all-`type` specifier lists, `typeof import('…')`. */
  typeOnly: boolean;
}

/** Where an import leads: a folder of src (its first path segment), an npm package, or a file outside src. */
export type ImportTarget = { kind: 'src'; folder: string } | { kind: 'package'; name: string } | { kind: 'outside'; path: string };

/**
 * A row of the map. A file in one of `from` may import its own folder freely; any other target
 * is checked against `never` (src folders it must not import), `only` (when given, the only src
 * folders it may import; a file outside src counts as not allowed), `typesOnly` (imports leaving
 * the folder must be erased at build time) and `packages` (false: no npm package, node: included).
 */
export interface DependencyRule {
  rule: string;
  from: readonly string[];
  never?: readonly string[];
  only?: readonly string[];
  typesOnly?: boolean;
  packages?: boolean;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

/** Every import of one file's source, in source order. */
export function scanImports(fileName: string, source: string): ImportRef[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ImportRef[] = [];
  const add = (node: ts.Node, specifier: ts.Expression | undefined, kind: ImportRef['kind'], typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    found.push({ specifier: specifier.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, kind, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, 'static', importIsTypeOnly(node.importClause));
    else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, 're-export', exportIsTypeOnly(node));
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, 'type-query', true);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'dynamic', false);
    else if (ts.isNewExpression(node) && isWorkerUrl(node)) add(node, node.arguments![0], 'worker-url', false);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function importIsTypeOnly(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './side-effect'` runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function exportIsTypeOnly(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const named = node.exportClause;
  return !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** `new URL('./x.worker.ts', import.meta.url)`: how Vite and Node name a worker's module. */
function isWorkerUrl(node: ts.NewExpression): boolean {
  const [first, second] = node.arguments ?? [];
  return ts.isIdentifier(node.expression) && node.expression.text === 'URL' && !!first && ts.isStringLiteralLike(first) && !!second && second.getText() === 'import.meta.url';
}

/** `fromFile` and the result are paths relative to the repository root, with forward slashes. */
export function resolveImport(fromFile: string, specifier: string): ImportTarget {
  const bare = specifier.replace(/\?.*$/, '');
  if (!bare.startsWith('.') && !bare.startsWith('/')) {
    const parts = bare.split('/');
    return { kind: 'package', name: bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
  }
  const resolved = bare.startsWith('/') ? bare.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), bare));
  const [top, folder, ...rest] = resolved.split('/');
  // `../route` is the folder's index; `src/x.ts` would be a file beside the folders, in none of them.
  const inFolder = top === 'src' && !!folder && (rest.length > 0 || !folder.includes('.'));
  return inFolder ? { kind: 'src', folder } : { kind: 'outside', path: resolved };
}

/** The src folder a file belongs to (`src/data/adapters/x.ts` → `data`), or null for a file directly in src. */
export function folderOf(file: string): string | null {
  const [top, folder, ...rest] = file.split('/');
  return top === 'src' && folder && rest.length > 0 ? folder : null;
}

/** The imports of every file (path → source), scanned once for all the checks. */
export function scanAll(files: ReadonlyMap<string, string>): Map<string, ImportRef[]> {
  return new Map([...files].map(([file, source]) => [file, scanImports(file, source)]));
}

/** Every import of `imports` (path → its imports) that breaks a rule, one violation per import and rule. */
export function checkDependencies(imports: ReadonlyMap<string, readonly ImportRef[]>, rules: readonly DependencyRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const [file, refs] of imports) {
    const folder = folderOf(file);
    const mine = rules.filter((r) => folder !== null && r.from.includes(folder));
    if (mine.length === 0) continue;
    for (const ref of refs) {
      const target = resolveImport(file, ref.specifier);
      if (target.kind === 'src' && target.folder === folder) continue;
      for (const rule of mine.filter((r) => breaks(r, ref, target))) {
        violations.push({ file, line: ref.line, specifier: ref.specifier, rule: rule.rule });
      }
    }
  }
  return violations;
}

function breaks(rule: DependencyRule, ref: ImportRef, target: ImportTarget): boolean {
  if (target.kind === 'package') return rule.packages === false;
  if (rule.typesOnly && !ref.typeOnly) return true;
  if (target.kind === 'outside') return rule.only !== undefined;
  return !!rule.never?.includes(target.folder) || (rule.only !== undefined && !rule.only.includes(target.folder));
}

/** `file:line imports 'specifier' — rule`: what a failing test prints. */
export function describeViolation(v: Violation): string {
  return `${v.file}:${v.line} imports '${v.specifier}' — ${v.rule}`;
}

/**
 * Calls the router must not make: clocks, randomness and host objects would make a routing
 * decision differ between the simulator, the browser and the CRM that runs the exported router.
 */
const PLATFORM_API = /\b(Math\.random|Date\.now|new Date|performance\.now|process\.|window\.|document\.|require\()/g;

export function platformCalls(file: string, source: string): Array<{ file: string; line: number; call: string }> {
  return [...source.matchAll(PLATFORM_API)].map((m) => ({ file, line: source.slice(0, m.index).split('\n').length, call: m[1]! }));
}

/** Every source file under `dir` (repository-relative paths, forward slashes) with its text. */
export function readSources(root: string, dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|mts|js|mjs)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}
