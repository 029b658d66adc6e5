/**
 * OOXML's escapes for characters XML 1.0 cannot hold: "_xHHHH_" (and a literal "_xHHHH_" protected as
 * "_x005F_xHHHH_"), written into cell text and table column names, and read back out of cell text.
 */

/** Characters XML 1.0 cannot hold, which OOXML writes as _xHHHH_. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Control characters, which table column names hold escaped (a line break is _x000A_). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/** OOXML's escaping: `pattern`'s characters as _xHHHH_, and a literal "_xHHHH_" protected as _x005F_xHHHH_. */
function escapeOoxml(value: string, pattern: RegExp): string {
  return value
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(pattern, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Cell text as OOXML stores it (ExcelJS does not escape "_xHHHH_"). */
export function escapeCellText(value: string): string {
  return escapeOoxml(value, XML_FORBIDDEN);
}

/** A table column name as OOXML stores it: every control character escaped. */
export function escapeColumnName(value: string): string {
  return escapeOoxml(value, CONTROL_CHARACTERS);
}

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x…_" as _x005F_x…_); ExcelJS leaves
 * them encoded, Excel shows them decoded.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
