/** Text for an XML attribute or element: the five special characters escaped, and control characters refused. */
export function xmlText(text: string): string {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw new Error(`text ${JSON.stringify(text)} holds a control character XML 1.0 cannot carry`);
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;')
    // A raw newline in an attribute is normalised to a space by every XML parser: keep it as a reference.
    .replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}
