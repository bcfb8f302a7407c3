import { oneLine } from '../human-text';
import { xmlComment, xmlText } from '../xml-text';
import { ExportError } from '../target';

/**
 * A tiny writer for Salesforce metadata files. Elements are written in the order given, so each
 * builder lists its children in the order of the XSD's xsd:sequence (that order is the schema's,
 * not ours: a deploy rejects a file whose elements are out of it).
 */
export type XmlNode = { name: string; text: string } | { name: string; children: XmlNode[] } | { comment: string };

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';
const INDENT = '    ';

export const el = (name: string, text: string | number | boolean): XmlNode => ({ name, text: String(text) });
/** A comment among the elements: schemas and deploys ignore it, a person reading the file does not. One line. */
export const note = (comment: string): XmlNode => ({ comment: oneLine(comment) });
export const group = (name: string, children: Array<XmlNode | null | undefined>): XmlNode => ({
  name,
  children: children.filter((c): c is XmlNode => c != null),
});

/** Renders a metadata document: declaration, an optional leading comment, the root in the metadata namespace. */
export function metadataDocument(root: XmlNode, comment?: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (comment !== undefined) lines.push(xmlComment(comment));
  renderNode(root, 0, lines, ` xmlns="${METADATA_NAMESPACE}"`);
  return lines.join('\n') + '\n';
}

function renderNode(node: XmlNode, depth: number, lines: string[], attributes = ''): void {
  const pad = INDENT.repeat(depth);
  if ('comment' in node) {
    lines.push(`${pad}${xmlComment(node.comment, true)}`);
    return;
  }
  if ('text' in node) {
    lines.push(node.text === '' ? `${pad}<${node.name}${attributes}/>` : `${pad}<${node.name}${attributes}>${escapeText(node.text, node.name)}</${node.name}>`);
    return;
  }
  lines.push(`${pad}<${node.name}${attributes}>`);
  for (const child of node.children) renderNode(child, depth + 1, lines);
  lines.push(`${pad}</${node.name}>`);
}

function escapeText(text: string, element: string): string {
  try {
    return xmlText(text);
  } catch (error) {
    throw new ExportError((error as Error).message, `<${element}>`, 'control_character', { text: JSON.stringify(text) });
  }
}
