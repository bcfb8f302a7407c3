import { jsonFile } from '../limitations-note';
import type { ExportedFile } from '../target';
import { el, group, metadataDocument } from './xml';

/** The API version of the schema the files are checked against (../shared/schemas/salesforce-metadata-v47.xsd). */
export const API_VERSION = '47.0';

/**
 * `sf project deploy start --manifest manifest/package.xml`, run in the exported folder, reads the
 * manifest there (the Salesforce CLI's own project layout puts it in manifest/) and the source
 * under the package directory that sfdx-project.json names; without sfdx-project.json the CLI
 * refuses to run, so it is exported too.
 */
export const MANIFEST_PATH = 'manifest/package.xml';
export const PROJECT_PATH = 'sfdx-project.json';

/** Package's sequence: types (PackageTypeMembers: members…, name), then version. Types and members sorted, as the CLI writes them. */
export function packageXml(members: ReadonlyMap<string, readonly string[]>): ExportedFile {
  const types = [...members.keys()].sort().map((name) => group('types', [...[...members.get(name)!].sort().map((m) => el('members', m)), el('name', name)]));
  return { path: MANIFEST_PATH, content: metadataDocument(group('Package', [...types, el('version', API_VERSION)])), mediaType: 'application/xml' };
}

export function sfdxProject(): ExportedFile {
  const project = { packageDirectories: [{ path: 'force-app', default: true }], name: 'allot-lead-assignment', namespace: '', sourceApiVersion: API_VERSION };
  return { path: PROJECT_PATH, content: jsonFile(project), mediaType: 'application/json' };
}
