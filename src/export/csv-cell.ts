/**
 * One cell of a CSV file people open in Excel, WPS or Numbers (the build sheet, the assignments
 * file): RFC 4180 quoting (a comma, quote or line break quotes the field, quotes doubled), and a
 * leading apostrophe on text a spreadsheet would run as a formula (=, +, -, @ first), so a rep or
 * rule named "=HYPERLINK(…)" stays text. Plain numbers, negative ones included, stay numbers.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
