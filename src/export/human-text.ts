/**
 * Text from the rules (rep names and ids, rule ids, field names, values, queues, the config name)
 * inside the parts of an export a person reads: the Markdown read-mes and build sheet, comments in
 * XML, Frappe's assignment description. Whatever the text holds, it shows as the same text and
 * never acts as markup, a link, an image or a line of its own. Every writer of such text goes
 * through here; CSV cells go through csvCell (csv-cell.ts), XML values through xmlText (xml-text.ts).
 */

/** Line breaks a renderer or an editor would start a new line at (CRLF, CR, LF, NEL, U+2028, U+2029). */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Other C0 controls and DEL: not text a person can read, and not allowed in XML 1.0. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The text on one line: a line break becomes a space (a name cannot start a line of its own in a
 * read-me, where it could pass for an instruction), a tab a space, and any other control character
 * its visible Unicode picture (U+0007 → ␇), so nothing is dropped.
 */
export function oneLine(text: string): string {
  return text
    .replace(LINE_BREAK, ' ')
    .replaceAll('\t', ' ')
    .replace(CONTROL, (c) => String.fromCodePoint(c === '\u007f' ? 0x2421 : 0x2400 + c.codePointAt(0)!));
}

/**
 * Inline Markdown (CommonMark and GitHub's GFM) that renders as exactly `text`, on one line:
 * - `&`, `<`, `>` as entities: no HTML tag, comment or `<http://…>` autolink can open;
 * - backslash before `\`, `` ` ``, `*`, `_`, `~`, `$`, `#`, `[`, `]` and `|`: no code span,
 *   emphasis, strikethrough, math, issue reference, link, image, footnote or table column can open
 *   (`![x](…)` and `[x](…)` need an unescaped `[`);
 * - GFM's bare autolinks and @mentions broken by an escape, invisible once rendered: `http\://`,
 *   `www\.`, `a\@b`.
 */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_~$#[\]|]/g, (c) => `\\${c}`)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)|\b(mailto|xmpp):/gi, (_, scheme: string | undefined, bare: string | undefined) => `${scheme ?? bare}\\:`)
    .replace(/\b(www)\./gi, '$1\\.')
    .replaceAll('@', '\\@');
}

/**
 * Text that a CRM renders as a template and then as HTML: Frappe puts an assignment rule's
 * description through Jinja (frappe.render_template) into the ToDo it creates, shown as HTML.
 * `&`, `<` and `>` become entities (quotes need none outside an attribute, and Frappe's form shows
 * the field as typed), and so do the braces, so no `{{ … }}` or `{% … %}` is run.
 */
export function templateHtmlText(text: string): string {
  return oneLine(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;');
}
