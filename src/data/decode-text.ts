import type { SourceSummary } from '../model/quality';

export type TextEncodingName = Extract<SourceSummary['encoding'], 'utf-8' | 'utf-8-bom' | 'gb18030'>;

export interface DecodedBytes {
  encoding: TextEncodingName;
  /** UTF-8 bytes without a BOM, ready for DuckDB's CSV reader (which reads UTF-8 only). */
  utf8: Uint8Array;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Finds the encoding of a text export and hands back UTF-8. Excel and Chinese CRMs write GBK;
 * GB18030 is its superset, so decoding as GB18030 reads both. A strict UTF-8 decode that fails
 * is the detector: text that is valid UTF-8 is almost never meant as GBK.
 */
export function decodeToUtf8(bytes: Uint8Array): DecodedBytes {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return { encoding: 'utf-8-bom', utf8: bytes.subarray(3) };
  if (isUtf8(bytes)) return { encoding: 'utf-8', utf8: bytes };
  const text = new TextDecoder('gb18030').decode(bytes);
  return { encoding: 'gb18030', utf8: new TextEncoder().encode(text) };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A file whose first bytes hold NUL or many control characters is not a text export. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return head.length > 0 && control / head.length > 0.05;
}

/** Zip files start with PK\x03\x04: an .xlsx is one. Parquet files start and end with PAR1. */
export function sniffContainer(bytes: Uint8Array): 'xlsx' | 'parquet' | 'text' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const par1 = [0x50, 0x41, 0x52, 0x31];
  if (par1.every((b, i) => bytes[i] === b)) return 'parquet';
  return 'text';
}
