import { ExportError } from './target';

/**
 * Text for an XML attribute or element: the five special characters escaped, and control
 * characters refused with an ExportError naming `where` (a wrong file is worse than none).
 */
export function xmlText(text: string, where = 'a name or value'): string {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) {
    throw new ExportError(`text ${JSON.stringify(text)} holds a control character XML 1.0 cannot carry`, where, 'control_character', { text: JSON.stringify(text) });
  }
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')
    // A raw newline in an attribute is normalised to a space by every XML parser: keep it as a reference.
    .replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}
