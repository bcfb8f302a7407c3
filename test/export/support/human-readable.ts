import { DOMParser } from '@xmldom/xmldom';

/*
 * Readers for the parts of an export a person reads, as a renderer or a spreadsheet would take
 * them: what in a Markdown text would act as markup or a link, what an XML file holds as elements
 * and comments, and each text back as the reader shows it, to check nothing was dropped.
 */

/** A character kept by a backslash escape: CommonMark's escapable ASCII punctuation. */
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const HOLE = '\u0000';

/**
 * Everything in `md` a CommonMark / GFM renderer would turn into more than text: HTML tags and
 * autolinks, links, images and footnotes, bare URLs and emails GitHub links on its own, and table
 * rows with more columns than their header. Code spans and fences are the exporter's own text and
 * are left out, once it is checked that no text from the rules (`marker`) lands in one.
 */
export function liveMarkdown(md: string, marker: RegExp): string[] {
  const problems: string[] = [];
  let text = md.replace(ESCAPED, HOLE);
  text = text.replace(/^```[\s\S]*?^```/gm, (block) => (marker.test(block) ? (problems.push(`rules text in a code block: ${block}`), '') : ''));
  text = text.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (span) => (marker.test(span) ? (problems.push(`rules text in a code span: ${span}`), '') : ''));
  const live: Array<[string, RegExp]> = [
    ['HTML or autolink', /<[A-Za-z/!?]/],
    ['link, image or footnote', /\[/],
    ['bare URL', /\b(?:https?|ftp):\/\/|\bwww\.|\b(?:mailto|xmpp):/i],
    ['email or @mention', /[\w.+-]@[\w-]/],
    ['@mention', /(?:^|\s)@\w/],
    ['code span', /`/],
    ['HTML entity from the text', /&(?!(?:lt|gt|amp);)[#\w]+;/],
  ];
  text.split('\n').forEach((line, i) => {
    for (const [what, pattern] of live) if (pattern.test(line)) problems.push(`line ${i + 1}: ${what}: ${line}`);
  });
  const rows = text.split('\n').filter((l) => l.startsWith('|'));
  const columns = (row: string) => row.split('|').length;
  for (const row of rows) if (columns(row) !== columns(rows[0]!)) problems.push(`table row with ${columns(row) - 2} columns, header ${columns(rows[0]!) - 2}: ${row}`);
  return problems;
}

/** The text a Markdown renderer shows for `md`'s inline escapes and entities. */
export function markdownShown(md: string): string {
  return md.replace(ESCAPED, '$1').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

export interface XmlReading {
  /** Element names in document order. */
  elements: string[];
  /** The comments' text as written (a zero-width space keeps the hyphens of a `--` apart). */
  comments: string[];
  /** Every element's text content. */
  texts: string[];
}

/** Parses a whole XML document; a file that is not well-formed throws with the parser's complaint. */
export function readXml(xml: string): XmlReading {
  const doc = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`); } }).parseFromString(xml, 'text/xml');
  const reading: XmlReading = { elements: [], comments: [], texts: [] };
  const walk = (node: { nodeType: number; nodeName: string; nodeValue: string | null; childNodes: ArrayLike<unknown> }) => {
    if (node.nodeType === 1) reading.elements.push(node.nodeName);
    if (node.nodeType === 8) reading.comments.push(node.nodeValue ?? '');
    if (node.nodeType === 3 && node.nodeValue!.trim() !== '') reading.texts.push(node.nodeValue!);
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as typeof node);
  };
  walk(doc as unknown as Parameters<typeof walk>[0]);
  return reading;
}

/** What a person sees in a one-line context: line breaks become spaces. */
export function onOneLine(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ');
}
