import { markdownText } from './human-text';
import type { Limitation } from './target';

/**
 * The limitations as a Markdown section, written next to every export so the CRM admin reads them.
 * Their sentences carry rep names, rule ids and values, so each is written as text (markdownText).
 */
export function limitationsMarkdown(limitations: readonly Limitation[]): string {
  if (limitations.length === 0) return '## What this target cannot express\n\nNothing: the files say everything the rules say.\n';
  const lines = limitations.map((l) => `- ${l.at === null ? '' : `**${markdownText(l.at)}**: `}${markdownText(l.what)}. *Instead:* ${markdownText(l.approximation)}.`);
  return `## What this target cannot express\n\n${lines.join('\n')}\n`;
}

/** A JSON text the way every exported JSON file is written: two-space indent, final newline. */
export function jsonFile(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
