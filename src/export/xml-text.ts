import { ExportError } from './target';

const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * Text for an XML attribute or element: the five special characters escaped, and control
 * characters refused with an ExportError naming `where` (a wrong file is worse than none).
 */
export function xmlText(text: string, where = 'a name or value'): string {
  if (CONTROL_CHARACTER.test(text)) {
    throw new ExportError(`text ${JSON.stringify(text)} holds a control character XML 1.0 cannot carry`, where, 'control_character', { text: JSON.stringify(text) });
  }
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')
    // A raw newline in an attribute is normalised to a space by every XML parser: keep it as a reference.
    .replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}

/**
 * An XML comment a person reads (a read-me, a note beside an element). Its text is shown as it is,
 * since nothing inside a comment is markup; what it must not hold is `--`, which would end it
 * early: a zero-width space between the hyphens keeps the text readable and the comment closed. (A
 * final `-` is safe: a space or newline always follows the text.) Text from the rules comes in
 * through oneLine (human-text.ts), so it cannot make lines of its own.
 */
export function xmlComment(text: string, inline = false): string {
  if (CONTROL_CHARACTER.test(text)) {
    // The read-me is long: the line holding the character is what the user can find and fix.
    const line = text.split('\n').find((l) => CONTROL_CHARACTER.test(l))!;
    throw new ExportError('holds a control character XML 1.0 cannot carry', 'the read-me comment', 'control_character', { text: JSON.stringify(line) });
  }
  const safe = text.replace(/-(?=-)/g, '-\u200b');
  return inline ? `<!-- ${safe} -->` : `<!--\n${safe}\n-->`;
}
