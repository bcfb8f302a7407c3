/**
 * Python literals for conditions that Frappe and Odoo evaluate. A JSON string literal is a valid
 * Python 3 str literal with the same value (same escapes: \" \\ \n \uXXXX; other text as is), and
 * a JSON number a valid Python number.
 */
export function pythonString(text: string): string {
  return JSON.stringify(text);
}

export function pythonScalar(value: string | number): string {
  return typeof value === 'string' ? pythonString(value) : JSON.stringify(value);
}

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

/** A field named bare in a Python expression must be an identifier (Unicode letters are fine) and not a keyword. */
export function isPythonIdentifier(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !PYTHON_KEYWORDS.has(name);
}
