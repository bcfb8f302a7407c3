import { zipSync, strToU8 } from 'fflate';
import { exportRules, ExportError, type ExportErrorCode, type ExportOptions, type ExportParams, type ExportResult, type ExportTargetName, type ExportedFile } from '../../export';
import type { RuleConfig } from '../../model/rules';

/**
 * What the Export step shows for one (policy, target, options): the files, or the rule the target
 * refuses (its English message, and the code and params the Chinese text is made from).
 */
export type ExportView =
  | { kind: 'files'; result: ExportResult }
  | { kind: 'refused'; path: string; message: string; code: ExportErrorCode; params: ExportParams };

/**
 * Runs the target's exporter (the same function `allot export` calls, so the preview shows the
 * very bytes the CLI writes). An ExportError becomes a value naming the rule; any other error is
 * a bug and is thrown.
 */
export function exportView(config: RuleConfig, target: ExportTargetName, options: ExportOptions): ExportView {
  try {
    return { kind: 'files', result: exportRules(config, target, options) };
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return { kind: 'refused', path: error.path, message: error.message, code: error.code, params: error.params };
  }
}

/** The file's own name, without the folders of its path (`force-app/…/Lead.assignmentRules-meta.xml` → `Lead.assignmentRules-meta.xml`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Every file at its path inside one zip, so a Salesforce source tree unpacks as `sf project deploy` expects it. */
export function zipFiles(files: readonly ExportedFile[]): Blob {
  const bytes = zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.content)])), { level: 6 });
  // fflate allocates a plain ArrayBuffer; its typings only say ArrayBufferLike.
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/** `allot-salesforce-optimized.zip`: says which target and which policy the download holds. */
export function bundleName(target: ExportTargetName, policy: string): string {
  return `allot-${target}-${policy.replace(/_/g, '-')}.zip`;
}

export function rulesFileName(policy: string): string {
  return `allot-rules-${policy.replace(/_/g, '-')}.json`;
}

/** The byte length of the file as it is downloaded (UTF-8), for the file list. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
