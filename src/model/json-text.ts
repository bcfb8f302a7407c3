/**
 * JSON a person wrote, read with the place of a syntax error as an editor shows it (line and
 * column) instead of JavaScript's character offset. A leading byte-order mark is allowed.
 */
export type JsonText = { ok: true; value: unknown } | { ok: false; line: number | null; column: number | null; message: string };

export function parseJsonText(text: string): JsonText {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const raw = (error as Error).message;
    const offset = /at position (\d+)/.exec(raw);
    const message = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
    if (!offset) return { ok: false, line: body.trim() === '' ? 1 : null, column: null, message: body.trim() === '' ? 'the file is empty' : message };
    const before = body.slice(0, Number(offset[1]));
    const lines = before.split('\n');
    return { ok: false, line: lines.length, column: lines.at(-1)!.length + 1, message };
  }
}

/** "line 3, column 7: Unexpected number" — the one wording of a JSON syntax error. */
export function jsonSyntaxText(error: Extract<JsonText, { ok: false }>): string {
  return error.line === null ? error.message : `line ${error.line}${error.column === null ? '' : `, column ${error.column}`}: ${error.message}`;
}
