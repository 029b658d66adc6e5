/**
 * Vietnamese text is data: compare it after normalising to NFC, ignoring case, surrounding spaces and runs
 * of inner whitespace (including non-breaking spaces), and treating the dashes people type (-, –, —) alike.
 */
export function normalizeKey(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // Collapse whitespace before spacing the dashes: linear, however long a run of spaces is.
      .replace(/[\s\u00a0\u200b]+/g, ' ')
      .replace(/ ?- ?/g, ' - ')
      .trim()
      .toLocaleLowerCase('vi')
  );
}

export function sameText(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

/** Trim and NFC-normalise a value for display or storage, keeping its case. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Excel treats sheet names as equal regardless of case; Vietnamese names also arrive in NFC or NFD. Two names
 * with the same key are the same sheet.
 */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').toUpperCase();
}

/** Excel's rule: sheet names are equal regardless of case (and, for Vietnamese, of NFC/NFD form). */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}
