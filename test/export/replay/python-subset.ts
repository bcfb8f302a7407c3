/**
 * A tiny interpreter for the Python subset the Frappe exporter writes in `assign_condition`
 * (names, str/number literals, tuples, True/None, == != < <= > >= chained, in / not in,
 * is None / is not None, and / or, str(x) and .strip()), with Python's semantics where they
 * differ from JavaScript's: ordering None or mixed types raises, == across types is False.
 * Anything outside the subset throws, so an exporter change that writes new syntax fails the tests.
 */
export type PyValue = string | number | boolean | null | PyValue[];
type Node = (names: Record<string, unknown>) => PyValue;

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([\p{L}_][\p{L}\p{N}_]*)|(==|!=|<=|>=|<|>|\(|\)|,|\.))/uy;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) {
      if (source.slice(start).trim() === '') break;
      throw new Error(`unexpected text at ${start}: ${source.slice(start, start + 20)}`);
    }
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  return tokens;
}

export function compilePython(source: string): (names: Record<string, unknown>) => boolean {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const t = tokens[i++];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new Error(`expected ${expected ?? 'a token'}, got ${t} in ${source}`);
    return t;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek() === 'or') {
      take();
      const [a, b] = [left, andExpr()];
      left = (n) => truthy(a(n)) || truthy(b(n));
    }
    return left;
  };
  const andExpr = (): Node => {
    let left = comparison();
    while (peek() === 'and') {
      take();
      const [a, b] = [left, comparison()];
      left = (n) => truthy(a(n)) && truthy(b(n));
    }
    return left;
  };
  const comparison = (): Node => {
    const operands = [primary()];
    const ops: string[] = [];
    for (;;) {
      const t = peek();
      if (t === 'not') { take(); take('in'); ops.push('not in'); }
      else if (t === 'is') { take(); if (peek() === 'not') { take(); ops.push('is not'); } else ops.push('is'); }
      else if (t !== undefined && ['==', '!=', '<', '<=', '>', '>=', 'in'].includes(t)) ops.push(take());
      else break;
      operands.push(primary());
    }
    if (ops.length === 0) return operands[0]!;
    return (n) => {
      const values = operands.map((o) => o(n));
      return ops.every((op, k) => compare(op, values[k]!, values[k + 1]!));
    };
  };
  const primary = (): Node => {
    const t = take();
    let node: Node;
    if (t === '(') {
      const items = [orExpr()];
      let tuple = false;
      while (peek() === ',') {
        take();
        tuple = true;
        if (peek() === ')') break;
        items.push(orExpr());
      }
      take(')');
      node = tuple ? (n) => items.map((x) => x(n)) : items[0]!;
    } else if (t.startsWith('"')) {
      const value = JSON.parse(t) as string;
      node = () => value;
    } else if (/^-?\d/.test(t)) {
      const value = Number(t);
      node = () => value;
    } else if (t === 'True' || t === 'False' || t === 'None') {
      const value = t === 'None' ? null : t === 'True';
      node = () => value;
    } else if (t === 'str' && peek() === '(') {
      take('(');
      const inner = orExpr();
      take(')');
      node = (n) => pyStr(inner(n));
    } else {
      node = (n) => (n[t] ?? null) as PyValue;
    }
    while (peek() === '.') {
      take();
      take('strip');
      take('(');
      take(')');
      const inner = node;
      node = (n) => {
        const v = inner(n);
        if (typeof v !== 'string') throw new TypeError('strip() of a non-str');
        return v.replace(/^\s+|\s+$/g, '');
      };
    }
    return node;
  };
  const root = orExpr();
  if (i !== tokens.length) throw new Error(`unparsed tail ${tokens.slice(i).join(' ')} in ${source}`);
  return (names) => truthy(root(names));
}

function truthy(v: PyValue): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== false && v !== 0 && v !== '';
}

function pyStr(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

function equal(a: PyValue, b: PyValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return typeof a === typeof b && a === b;
}

function compare(op: string, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case '==': return equal(a, b);
    case '!=': return !equal(a, b);
    case 'is': return a === b;
    case 'is not': return a !== b;
    case 'in':
    case 'not in': {
      let member: boolean;
      if (Array.isArray(b)) member = b.some((x) => equal(a, x));
      else if (typeof b === 'string' && typeof a === 'string') member = b.includes(a);
      else throw new TypeError(`'in' needs a tuple or a str, got ${JSON.stringify(b)}`);
      return op === 'in' ? member : !member;
    }
    default: {
      const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
      if (!comparable) throw new TypeError(`'${op}' not supported between ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
      const sign = a < b ? -1 : a > b ? 1 : 0;
      return op === '<' ? sign < 0 : op === '<=' ? sign <= 0 : op === '>' ? sign > 0 : sign >= 0;
    }
  }
}
