import { DOMParser } from '@xmldom/xmldom';

/**
 * The exported formula fields, evaluated from their text as Salesforce would (the subset Allot
 * writes: numbers, "texts", field names, + − × ÷, < >, IF, MOD, FLOOR, VALUE, DATE, DATEVALUE),
 * so the replay tests run the formula that is deployed rather than our own mirror of it. Dates
 * are days since 1970-01-01 and date-times fractional days (GMT), as Salesforce's arithmetic on
 * them is in days.
 */
export function formulaOf(fieldMetaXml: string): string {
  const doc = new DOMParser().parseFromString(fieldMetaXml, 'text/xml');
  const formula = doc.getElementsByTagName('formula')[0];
  if (!formula) throw new Error('no <formula> in this field');
  return formula.textContent!;
}

type Value = number | string;

export function evaluateFormula(formula: string, fields: Readonly<Record<string, Value>>): number {
  return Number(evaluateFormulaValue(formula, fields));
}

export function evaluateFormulaValue(formula: string, fields: Readonly<Record<string, Value>>): Value {
  const tokens = formula.match(/\s*(\d+(?:\.\d+)?|"[^"]*"|[A-Za-z_][A-Za-z0-9_]*|[-+*/<>(),])/g)!.map((t) => t.trim());
  if (tokens.join('') !== formula.replace(/\s+/g, '')) throw new Error(`cannot read the formula ${formula}`);
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (expected !== undefined && token !== expected) throw new Error(`expected ${expected}, got ${token}`);
    return token!;
  };
  const num = (v: Value) => (typeof v === 'number' ? v : Number(v));
  const comparison = (): Value => {
    const left = additive();
    if (peek() !== '<' && peek() !== '>') return left;
    const op = take();
    const right = num(additive());
    return (op === '<' ? num(left) < right : num(left) > right) ? 1 : 0;
  };
  const additive = (): Value => {
    let value = term();
    while (peek() === '+' || peek() === '-') value = take() === '+' ? num(value) + num(term()) : num(value) - num(term());
    return value;
  };
  const term = (): Value => {
    let value = factor();
    while (peek() === '*' || peek() === '/') value = take() === '*' ? num(value) * num(factor()) : num(value) / num(factor());
    return value;
  };
  const factor = (): Value => {
    const token = take();
    if (token === '(') {
      const value = comparison();
      take(')');
      return value;
    }
    if (/^\d/.test(token)) return Number(token);
    if (token.startsWith('"')) return token.slice(1, -1);
    if (peek() !== '(') {
      if (!(token in fields)) throw new Error(`unknown field ${token}`);
      return fields[token]!;
    }
    take('(');
    const args: Value[] = [comparison()];
    while (peek() === ',') {
      take();
      args.push(comparison());
    }
    take(')');
    const [a, b, c] = args;
    switch (token) {
      case 'IF': return num(a!) !== 0 ? b! : c!;
      case 'MOD': return num(a!) - num(b!) * Math.floor(num(a!) / num(b!));
      case 'FLOOR': return Math.floor(num(a!));
      case 'VALUE': return Number(a);
      case 'DATEVALUE': return Math.floor(num(a!));
      case 'DATE': return Date.UTC(num(a!), num(b!) - 1, num(c!)) / 86_400_000;
      default: throw new Error(`function ${token} is not in the subset`);
    }
  };
  const value = comparison();
  if (at !== tokens.length) throw new Error(`left over: ${tokens.slice(at).join(' ')}`);
  return value;
}
