import iconv from 'iconv-lite';
import { csvLine } from './csv';
import type { LeadRow } from './leads';
import type { RepRow } from './team';
import { LEAD_COLUMNS, LEAD_COLUMNS_ZH, ZH } from './vocabulary';

/**
 * Leads as a Chinese CRM exports them through Excel: Chinese headers and categories, the owner by
 * name, dates as `2026/1/8 14:14`, amounts with thousands separators (`"12,500"`), CRLF line
 * ends, GBK bytes.
 */

/** `2026-01-08 14:14:00` → `2026/1/8 14:14` */
export function zhTimestamp(iso: string | null): string | null {
  if (iso === null) return null;
  const y = iso.slice(0, 4);
  const mo = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const h = Number(iso.slice(11, 13));
  return `${y}/${mo}/${d} ${h}:${iso.slice(14, 16)}`;
}

/** 12500 → `12,500` */
export function thousands(n: number | null): string | null {
  if (n === null) return null;
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function leadsCsvZh(leads: readonly LeadRow[], reps: readonly RepRow[]): string {
  const nameOf = new Map(reps.map((r) => [r.rep_id, r.name]));
  const header = csvLine(
    LEAD_COLUMNS.map((c) => LEAD_COLUMNS_ZH[c]),
    '\r\n',
  );
  const rows = leads.map((l) =>
    csvLine(
      [
        l.lead_id,
        zhTimestamp(l.created_at),
        nameOf.get(l.owner) ?? l.owner,
        ZH.region[l.region],
        ZH.industry[l.industry],
        ZH.product[l.product],
        ZH.source[l.source],
        ZH.companySize[l.company_size],
        l.email,
        l.phone,
        thousands(l.value),
        zhTimestamp(l.first_touch_at),
        ZH.outcome[l.outcome],
        zhTimestamp(l.closed_at),
        thousands(l.won_value),
      ],
      '\r\n',
    ),
  );
  return header + rows.join('');
}

/** GBK bytes; fails loudly rather than writing `?` for a character GBK lacks. */
export function encodeGbk(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'gbk');
  const back = iconv.decode(bytes, 'gbk');
  if (back !== text) {
    let at = 0;
    while (at < text.length && text[at] === back[at]) at++;
    throw new Error(`character ${JSON.stringify(text.slice(at, at + 1))} at offset ${at} has no GBK encoding`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
