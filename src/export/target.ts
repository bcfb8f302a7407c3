import type { RuleConfig } from '../model/rules';

/**
 * What every exporter (DESIGN §4) returns: the files to write, and what the target cannot express.
 * Exporters are pure: RuleConfig in, file texts out. Writing them to disk is the CLI's job and
 * offering them for download the UI's, so both show exactly the same bytes.
 */
export interface ExportedFile {
  /** Relative path inside the output folder, with `/` separators (e.g. `force-app/main/default/…`). */
  path: string;
  content: string;
  /** MIME type for a browser download. */
  mediaType: string;
}

/**
 * Something in the RuleConfig the target cannot say as it is. `approximation` says what the
 * exported files do instead; a rule the target cannot express at all is an ExportError, not a
 * limitation, because a silently wrong file is worse than none.
 */
export interface Limitation {
  /** The rule id, `fallback`, `prescreen` or `reps[i]` it concerns; null when it is about the whole config. */
  at: string | null;
  what: string;
  approximation: string;
}

export interface ExportResult {
  target: ExportTargetName;
  files: ExportedFile[];
  limitations: Limitation[];
}

export const EXPORT_TARGETS = ['json', 'salesforce', 'hubspot', 'frappe', 'odoo', 'build-sheet', 'reference-router'] as const;
export type ExportTargetName = (typeof EXPORT_TARGETS)[number];

/** Per-target options; each exporter reads only its own. */
export interface ExportOptions {
  /** The UI/build-sheet language. */
  language?: 'en' | 'zh';
  /** Salesforce: assign to this queue's developer name instead of users. */
  salesforceQueue?: string;
  /** Frappe: `v15` (Round Robin / Load Balancing) or `v16` (Weighted Distribution). */
  frappeVersion?: 'v15' | 'v16';
}

export type Exporter = (config: RuleConfig, options: ExportOptions) => ExportResult;

/** A RuleConfig the target cannot express at all; names the rule (JSON path) and the reason. */
export class ExportError extends Error {
  constructor(message: string, readonly path: string) {
    super(`${path}: ${message}`);
    this.name = 'ExportError';
  }
}
