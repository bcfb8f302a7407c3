import type { ExportedFile } from '../target';
import { ExportError } from '../target';
import { SALESFORCE_SLOTS } from './slots';
import { el, group, metadataDocument } from './xml';

/** The AutoNumber every new lead takes (global: Salesforce has one sequence per field, not per rule). */
export const SEQUENCE_FIELD = 'Allot_Seq__c';
/** The formula field `MOD(VALUE(sequence), 100)` that the rule entries split on. */
export const SLOT_FIELD = 'Allot_Slot__c';
/** An experiment's per-arm rotation slot (./experiment.ts); defined here, beside the other reserved names, so neither file imports the other's. */
export const ARM_SLOT_FIELD = 'Allot_Arm_Slot__c';
/** A week experiment's arm, a text formula on CreatedDate ("candidate" / "control"). */
export const WEEK_ARM_FIELD = 'Allot_Arm__c';

export const FIELDS_FOLDER = 'force-app/main/default/objects/Lead/fields';

/**
 * Lead fields that Salesforce has as standard fields, by the names lead files give them (English
 * names compared without case, spaces or underscores; the usual Chinese CRM headers). Anything
 * else becomes a custom field the admin must create or map.
 */
const STANDARD_LEAD_FIELDS = new Map<string, string>(Object.entries({
  industry: 'Industry', 行业: 'Industry', 所属行业: 'Industry',
  leadsource: 'LeadSource', source: 'LeadSource', 线索来源: 'LeadSource', 来源: 'LeadSource',
  company: 'Company', 公司: 'Company', 公司名称: 'Company',
  country: 'Country', 国家: 'Country',
  state: 'State', province: 'State', 省份: 'State', 省: 'State',
  city: 'City', 城市: 'City',
  postalcode: 'PostalCode', zip: 'PostalCode', 邮编: 'PostalCode',
  email: 'Email', 邮箱: 'Email', 电子邮件: 'Email',
  phone: 'Phone', 电话: 'Phone', mobilephone: 'MobilePhone', mobile: 'MobilePhone', 手机: 'MobilePhone',
  annualrevenue: 'AnnualRevenue', 年收入: 'AnnualRevenue',
  numberofemployees: 'NumberOfEmployees', employees: 'NumberOfEmployees', 员工数: 'NumberOfEmployees',
  title: 'Title', 职位: 'Title',
  rating: 'Rating', 评级: 'Rating',
  status: 'Status', 线索状态: 'Status',
  website: 'Website', 网站: 'Website',
}));

const API_NAME_MAX = 40;

export type FieldMapping =
  | { kind: 'standard'; field: string; apiName: string }
  | { kind: 'custom'; field: string; apiName: string; asGiven: boolean };

/**
 * The Salesforce field a lead field is compared on: a standard Lead field where the name says so,
 * the name itself where it already is a custom field's API name (`Region__c`), else
 * `<Sanitised>__c`: ASCII letters and digits kept, other characters as `u<hex>` (所属区域 →
 * `u6240u5c5eu533au57df__c`) so that distinct names stay distinct.
 */
export function salesforceField(field: string): FieldMapping {
  // A Map: a field is data, and one called `constructor` is not Object's.
  const standard = STANDARD_LEAD_FIELDS.get(field.toLowerCase().replace(/[\s_-]/g, ''));
  if (standard !== undefined) return { kind: 'standard', field, apiName: standard };
  if (/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*__c$/.test(field) && field.length - 3 <= API_NAME_MAX) return { kind: 'custom', field, apiName: field, asGiven: true };
  return { kind: 'custom', field, apiName: `${developerName(field)}__c`, asGiven: false };
}

/** A Salesforce developer name for any text: letters, digits and single underscores, starting with a letter. */
export function developerName(field: string): string {
  let name = '';
  for (const char of field) {
    if (/[A-Za-z0-9]/.test(char)) name += char;
    else if (/[\p{L}\p{N}]/u.test(char)) name += `u${char.codePointAt(0)!.toString(16)}`;
    else name += '_';
  }
  name = name.replace(/_+/g, '_').replace(/^_|_$/g, '');
  if (!/^[A-Za-z]/.test(name)) name = `F${name === '' ? '' : '_'}${name}`;
  name = name[0]!.toUpperCase() + name.slice(1);
  if (name.length > API_NAME_MAX) name = `${name.slice(0, API_NAME_MAX - 7).replace(/_$/, '')}_${shortHash(field)}`;
  return name;
}

/** Six base-36 characters of FNV-1a: keeps two long names that share a prefix apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return hash.toString(36).padStart(6, '0').slice(-6);
}

/**
 * Maps every field the rules compare on, refusing two fields that land on one API name (Salesforce
 * names ignore case) or on the slot fields: either would make a rule test the wrong field.
 */
export function mapFields(fields: ReadonlyMap<string, string>): Map<string, FieldMapping> {
  const byApiName = new Map<string, string>([[SEQUENCE_FIELD.toLowerCase(), '(the AutoNumber slot sequence)'], [SLOT_FIELD.toLowerCase(), '(the slot formula)'], [ARM_SLOT_FIELD.toLowerCase(), '(the experiment\'s arm slot formula)'], [WEEK_ARM_FIELD.toLowerCase(), '(the experiment\'s week arm formula)']]);
  const mapped = new Map<string, FieldMapping>();
  for (const [field, path] of fields) {
    const mapping = salesforceField(field);
    const key = mapping.apiName.toLowerCase();
    const other = byApiName.get(key);
    if (other !== undefined && other !== field) {
      const reserved = other.startsWith('(');
      throw new ExportError(
        `lead field "${field}" and ${reserved ? other : `"${other}"`} would both be Lead.${mapping.apiName} in Salesforce; rename one in the lead file and the rules`,
        path,
        reserved ? 'salesforce_field_reserved' : 'salesforce_field_collision',
        reserved ? { field, apiName: mapping.apiName } : { field, other, apiName: mapping.apiName },
      );
    }
    byApiName.set(key, field);
    mapped.set(field, mapping);
  }
  return mapped;
}

/** The two custom fields that number the leads and turn the number into a slot. */
export function slotFieldFiles(slots = SALESFORCE_SLOTS): ExportedFile[] {
  const sequence = group('CustomField', [
    el('fullName', SEQUENCE_FIELD),
    el('description', 'Allot: numbers every new lead; the slot formula takes it modulo the slot count. One sequence for all leads.'),
    el('displayFormat', '{0}'),
    el('externalId', false),
    el('inlineHelpText', 'Set by Salesforce; the lead assignment rule splits leads on the slot derived from it.'),
    el('label', 'Allot Sequence'),
    el('startingNumber', 0),
    el('trackHistory', false),
    el('type', 'AutoNumber'),
  ]);
  const slot = group('CustomField', [
    el('fullName', SLOT_FIELD),
    el('description', `Allot: the lead's slot, 0 to ${slots - 1}; each rule entry takes a range of slots in proportion to the rep's weight.`),
    el('externalId', false),
    el('formula', `MOD(VALUE(${SEQUENCE_FIELD}), ${slots})`),
    el('formulaTreatBlanksAs', 'BlankAsZero'),
    el('inlineHelpText', 'Used by the lead assignment rule; do not edit.'),
    el('label', 'Allot Slot'),
    el('precision', 18),
    el('scale', 0),
    el('trackHistory', false),
    el('type', 'Number'),
  ]);
  return ([[SEQUENCE_FIELD, sequence], [SLOT_FIELD, slot]] as const).map(([name, root]) => ({
    path: `${FIELDS_FOLDER}/${name}.field-meta.xml`,
    content: metadataDocument(root),
    mediaType: 'application/xml',
  }));
}
