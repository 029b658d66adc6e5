/**
 * Which strings Excel would not keep as typed when they arrive through Range.values: it parses them as a
 * user's typing. Such cells get the text number format ("@") before the value is written, so "- Tổ chức…",
 * "=SUM" or "001" stay exactly the text the spec holds.
 */

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';

const PARSED_AS_INPUT: readonly RegExp[] = [
  /^\s*[=+\-@]/, // formula (or a signed number), also after spaces of any kind
  /^'/, // Excel drops a leading apostrophe (its own "this is text" prefix)
  /^\s*[+-]?[$€£¥₫]?\s*\(?[$€£¥₫]?\s*(\d[\d,.\s]*|\.\d+)(e[+-]?\d+)?\s*\)?\s*[%₫đ]?\s*$/i, // numbers, currency, percent
  /^\s*\d{1,4}\s*[/\-.]\s*\d{1,4}(\s*[/\-.]\s*\d{1,4})?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/, // dates: 5/6, 1/2025, 2025-06-05
  /^\s*\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([ap]m?)?\s*$/i, // times
  new RegExp(`^\\s*\\d{1,2}[\\s\\-/]*(${MONTHS})[a-z]*([\\s\\-/,]*\\d{1,4})?\\s*$`, 'i'), // 5-Jan, 5 January 2025
  new RegExp(`^\\s*(${MONTHS})[a-z]*[\\s\\-/]*\\d{1,4}([\\s\\-/,]*\\d{1,4})?\\s*$`, 'i'), // Jan 5, Jan-2025
  /^\s*(true|false)\s*$/i,
  /^\s*#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|getting_data|spill!|calc!|field!|blocked!|connect!|busy!|unknown!)\s*$/i,
  /^\s*\d+\s+\d+\/\d+\s*$/, // fractions "1 1/2"
];

/** True when Excel would turn this string into something else (formula, number, date, boolean, error). */
export function needsTextFormat(s: string): boolean {
  return s !== '' && PARSED_AS_INPUT.some((re) => re.test(s));
}
