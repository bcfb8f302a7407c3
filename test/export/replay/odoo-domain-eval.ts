/**
 * Evaluates an Odoo domain literal (as the Odoo exporter writes it) on a record, with Odoo's SQL
 * semantics: `=` False is NULL; `!=` and `not in` also match NULL; `<`, `in`, `like` never do;
 * `like` is a case-sensitive substring. The literal is parsed by a tiny reader of Python lists,
 * tuples, strings, numbers and False; anything else throws.
 */
type Literal = string | number | boolean | Literal[];

export function parsePythonLiteral(text: string): Literal {
  let i = 0;
  const skip = () => { while (/\s/.test(text[i] ?? '')) i++; };
  const value = (): Literal => {
    skip();
    const c = text[i];
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      i++;
      const items: Literal[] = [];
      for (;;) {
        skip();
        if (text[i] === close) { i++; return items; }
        items.push(value());
        skip();
        if (text[i] === ',') i++;
        else if (text[i] !== close) throw new Error(`expected , or ${close} at ${i}`);
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i))!;
      i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    const m = /^(False|True|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!m) throw new Error(`unexpected ${text.slice(i, i + 10)} at ${i}`);
    i += m[0].length;
    return m[0] === 'False' ? false : m[0] === 'True' ? true : Number(m[0]);
  };
  const result = value();
  skip();
  if (i !== text.length) throw new Error(`trailing text at ${i}`);
  return result;
}

export function compileDomain(literal: string): (record: Record<string, unknown>) => boolean {
  const terms = parsePythonLiteral(literal);
  if (!Array.isArray(terms)) throw new Error('a domain is a list');
  return (record) => {
    let k = 0;
    const next = (): boolean => {
      const term = terms[k++];
      if (term === '&') { const a = next(); const b = next(); return a && b; }
      if (term === '|') { const a = next(); const b = next(); return a || b; }
      if (term === '!') return !next();
      if (!Array.isArray(term) || term.length !== 3) throw new Error(`bad term ${JSON.stringify(term)}`);
      return leaf(term as [string | number, string, Literal], record);
    };
    const result = next();
    if (k !== terms.length) throw new Error('domain has terms left over');
    return result;
  };
}

function leaf([field, op, value]: [string | number, string, Literal], record: Record<string, unknown>): boolean {
  if (field === 1 && op === '=' && value === 1) return true;
  const raw = record[field as string];
  const v = raw === undefined || raw === null ? null : (raw as string | number);
  switch (op) {
    case '=': return value === false ? v === null : v !== null && v === value;
    case '!=': return v === null || v !== value;
    case 'in': return v !== null && (value as Literal[]).includes(v);
    case 'not in': return v === null || !(value as Literal[]).includes(v);
    case '<': return v !== null && v < (value as string | number);
    case '<=': return v !== null && v <= (value as string | number);
    case '>': return v !== null && v > (value as string | number);
    case '>=': return v !== null && v >= (value as string | number);
    case 'like': return v !== null && String(v).includes(value as string);
    default: throw new Error(`operator ${op} is not one the exporter writes`);
  }
}
