/**
 * Mapping files (`--map`): a mistake is refused in one line naming the mapping file and the JSON
 * path (a misspelt key with the key meant), or, for JSON that does not parse, the line and column.
 */
import { both, meant, type Case } from './run';
import { json, leadsCsv } from './fixtures';

const LEADS = leadsCsv(12);
function mapping(name: string, content: unknown, line: RegExp): Case {
  return {
    name: `mapping: ${name}`,
    files: { 'leads.csv': LEADS, 'm.json': typeof content === 'string' ? content : json(content) },
    argv: ['inspect', 'leads.csv', '--map', 'm.json', '--json'],
    expect: { refuse: line },
  };
}


export const MAPPING_CASES: Case[] = [
  mapping('a misspelt top-level key (attributs)', { attributs: ['region'] }, both(/m\.json/, /\battributs\b/, meant('attributes'))),
  mapping('a misspelt field (fields.leadid)', { fields: { leadid: 'lead_id' } }, both(/m\.json/, /fields\.leadid/, meant('lead_id'))),
  mapping('a misspelt outcome list (outcomeValues.win)', { outcomeValues: { win: ['Won'] } }, both(/m\.json/, /outcomeValues\.win\b/, meant('won'))),
  mapping('a misspelt table key (tables[0].joinon)', { tables: [{ path: 'leads.csv', joinon: { left: 'a', right: 'b' } }] }, both(/m\.json/, /tables\[0\]\.joinon/, meant('joinOn'))),
  mapping('a __proto__ key', '{"__proto__": {"fields": {"owner": "nope"}}, "dateOrder": "auto"}\n', both(/m\.json/, /__proto__/, /\bunknown\b/)),
  mapping('a field mapped to a column the file lacks', { fields: { owner: 'Seller' } }, both(/m\.json/, /fields\.owner/, /"Seller"/)),
  mapping('attributes naming a column the file lacks', { attributes: ['region', 'regoin'] }, both(/m\.json/, /attributes\[1\]/, /"regoin"/)),
  mapping('contactColumns naming a column the file lacks', { contactColumns: ['email'] }, both(/m\.json/, /contactColumns\[0\]/, /"email"/)),
  mapping('fields as text instead of an object', { fields: 'lead_id' }, both(/m\.json/, /\bfields\b/, /\b(object|expected)\b/)),
  mapping('attributes as text instead of a list', { attributes: 'region' }, both(/m\.json/, /\battributes\b/, /\b(array|list|expected)\b/)),
  mapping('an outcome list as text instead of a list', { outcomeValues: { won: 'Won' } }, both(/m\.json/, /outcomeValues\.won\b/, /\b(array|list|expected)\b/)),
  mapping('an unknown dateOrder', { dateOrder: 'sideways' }, both(/m\.json/, /\bdateOrder\b/, /"?sideways"?|auto/)),
  mapping('a mapping that is a list', [{ fields: {} }], both(/m\.json/, /\(root\)|\broot\b|\bobject\b/)),
  mapping('invalid JSON (a trailing comma) names line and column', '{\n  "fields": {\n    "owner": "owner",\n  }\n}\n', both(/m\.json/, /line 4\b/, /col(umn)? 3\b/)),
  mapping('invalid JSON (cut off) names line and column', '{\n  "fields": {\n    "owner": "ow', both(/m\.json/, /line 3\b/, /col(umn)? \d+/)),
  mapping('an empty mapping file', '', both(/m\.json/, /\b(empty|no JSON|not valid JSON)\b/)),
  {
    name: 'mapping: tables naming a file that does not exist (no lead file given)',
    files: { 'm.json': json({ tables: [{ path: 'gone.csv' }] }) },
    argv: ['inspect', '--map', 'm.json', '--json'],
    expect: { refuse: both(/gone\.csv/, /\b(no such file|not found|does not exist)\b/) },
  },
];
