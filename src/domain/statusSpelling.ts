/**
 * Statuses as officers type them: the one table of spellings (its words in i18n's STATUS_SPELLINGS) that says
 * which list value a typed status means, for the check's message and the automatic fix; and how a typed word
 * differs from the list's where the two look alike (a non-breaking space, a zero-width character, another
 * Unicode form), so a message names the difference instead of showing two identical-looking words.
 *
 * The sheet's formula does not use this table: it accepts the list's values only (sheetRules.readStatusCell).
 * A typed "Đã hoàn thành" is "Lỗi dữ liệu" in every view until the officer confirms the fix.
 */
import { SPELLING_DIFFERENCE, STATUS_SPELLINGS } from '../i18n/vi';
import type { TaskStatus } from './deadline';
import type { GridCell } from './grid';

/** Spaces other than the ASCII one (Excel's TRIM keeps them): no-break, en/em, thin, ideographic… */
const OTHER_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
/** Tabs and line breaks. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/u;
/** Characters that show nothing: zero-width spaces and joiners, direction marks, soft hyphen, BOM… */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/gu;
/** Punctuation around a typed status that does not change its meaning ("Hoàn thành.", "(Xong)"). */
const EDGE_PUNCTUATION = /[\s.,;:!?…'"“”‘’()[\]*•·-]/u;

/** The longest text looked up: every spelling of the table is far shorter. */
const MAX_STATUS_LENGTH = 100;

/** `text` without the punctuation at either end (a loop: a regex anchored at the end is quadratic). */
function trimPunctuation(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && EDGE_PUNCTUATION.test(chars[start])) start++;
  while (end > start && EDGE_PUNCTUATION.test(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/**
 * The key a typed status is looked up by: no diacritics ("đ" as "d"), lower case, invisible characters, spaces
 * and punctuation at either end dropped ("Hoàn thành" with a zero-width space, "hoanthanh" and "Hoàn thành." are one key). Linear in the
 * text's length.
 */
export function statusKey(text: string): string {
  const bare = text
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0110\u0111]/gu, 'd') // d with stroke has no decomposition: its base letter is d
    .toLowerCase();
  return trimPunctuation(bare).replace(/\s+/gu, '');
}

const MEANING = ((): Map<string, TaskStatus> => {
  const out = new Map<string, TaskStatus>();
  for (const k of Object.keys(STATUS_SPELLINGS) as TaskStatus[])
    for (const spelling of STATUS_SPELLINGS[k]) {
      const key = statusKey(spelling);
      const before = out.get(key);
      if (before !== undefined && before !== k)
        throw new Error(`two meanings for the status spelling ${key}`);
      out.set(key, k);
    }
  return out;
})();

/** The list value a typed status means ("hoan thanh" → done, "Đang làm" → inProgress); null when unsure. */
export function statusMeant(v: GridCell): TaskStatus | null {
  if (typeof v !== 'string' || v.length > MAX_STATUS_LENGTH) return null;
  return MEANING.get(statusKey(v)) ?? null;
}

export type SpellingDifference = keyof typeof SPELLING_DIFFERENCE;

/** The text as a reader sees it: invisible characters gone, whitespace runs one space, trimmed, NFC. */
function visibleText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().normalize('NFC');
}

export interface SpellingComparison {
  /** A reader sees the same word (case aside: "hoàn thành" looks like "Hoàn thành" here too). */
  looksAlike: boolean;
  /** How the typed text differs from the label, in the order a reader should look for it. */
  differences: SpellingDifference[];
}

/** How `typed` differs from `label` (the list's spelling). */
export function compareSpelling(typed: string, label: string): SpellingComparison {
  const differences: SpellingDifference[] = [];
  if (OTHER_SPACES.test(typed)) differences.push('nbsp');
  if (BREAKS.test(typed)) differences.push('breaks');
  if (typed.replace(INVISIBLE, '') !== typed) differences.push('invisible');
  const visible = typed.replace(INVISIBLE, '');
  if (visible !== visible.normalize('NFC')) differences.push('composition');
  if (/^ | $| {2}/u.test(typed)) differences.push('spaces');
  const seen = visibleText(typed);
  const looksAlike = seen.toLowerCase() === label.toLowerCase();
  if (looksAlike && seen !== label) differences.push('case');
  return { looksAlike, differences };
}

/** The differences in words, as a message lists them. */
export function differenceWords(differences: readonly SpellingDifference[]): string {
  return differences.map((d) => SPELLING_DIFFERENCE[d]).join(', ');
}

/**
 * How a cell spelt unlike the list's value (which a formula compares regardless of case) differs from it, for a
 * message: whether a reader sees the same word, and the differences that matter, in words (case left out, as
 * the formula ignores it, unless nothing else differs).
 */
function unseenDifference(raw: string, canonical: string): { looksAlike: boolean; words: string } {
  const { looksAlike, differences } = compareSpelling(raw, canonical);
  const unseen = differences.filter((d) => d !== 'case');
  return { looksAlike, words: differenceWords(unseen.length > 0 ? unseen : differences) };
}

type SpellingWords = (
  sheet: string,
  cell: string,
  value: string,
  canonical: string,
  differences: string,
  looksAlike: boolean,
) => string;

/** A "spelt otherwise" message that names the difference, and never shows two words that look alike. */
export function spellingMessage(
  words: SpellingWords,
  sheet: string,
  cell: string,
  shown: string,
  raw: string,
  canonical: string,
): string {
  const { looksAlike, words: differences } = unseenDifference(raw, canonical);
  return words(sheet, cell, shown, canonical, differences, looksAlike);
}
