/**
 * The text key as the full chain of replacements spells it (NFC, dashes, spaces, " - ", trim, lower case):
 * what `normalizeKey` (src/domain/text.ts) must give, whatever shortcuts it takes, and a linear key for test
 * code that must stay cheap on hostile text.
 */
export function referenceKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .replace(/ ?- ?/g, ' - ')
    .trim()
    .toLocaleLowerCase('vi');
}
