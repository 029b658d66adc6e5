import { REPORT_WORDS } from '../i18n/vi';

/** Text normalizeKey's replacements change: a dash, whitespace other than one space, a zero-width space. */
const NEEDS_KEY_SPACING = /[-\u2010-\u2015\u2212\u200b]|[^\S ]| {2}/;
/** Text cleanText's replacement changes: whitespace other than one space. */
const NEEDS_SPACING = /[^\S ]| {2}/;

/**
 * A pure function of a text, remembering what it gave for the last texts (at most `limit` of them: the memo
 * starts afresh when full). For a key worth remembering: taskKey's (normalizeKey and three replaces) of a
 * task's text is taken by the results check and again by the rollover's results sheet, and a lookup of the
 * same string is cheaper. (normalizeKey itself is not remembered: it is quick once a single space is left
 * alone, and for a text seen once, as most are in a check, the memo costs more than it saves.)
 */
export function rememberedText(fn: (text: string) => string, limit = 1 << 15): (text: string) => string {
  let memo = new Map<string, string>();
  return (text) => {
    let out = memo.get(text);
    if (out === undefined) {
      out = fn(text);
      if (memo.size >= limit) memo = new Map();
      memo.set(text, out);
    }
    return out;
  };
}

/**
 * Vietnamese text is data: compare it after normalising to NFC, ignoring case, surrounding spaces and runs
 * of inner whitespace (including non-breaking spaces), and treating the dashes people type (-, –, —) alike.
 */
export function normalizeKey(text: string): string {
  const nfc = text.normalize('NFC');
  // Most cells hold single spaces and no dash: nothing for the replacements to change (20,000 rows at the limits).
  // toLowerCase, not toLocaleLowerCase('vi'): Unicode has no Vietnamese casing rules, so the two agree on every
  // string (a property test holds it), and the first is 2-3 times faster.
  if (!NEEDS_KEY_SPACING.test(nfc)) return nfc.trim().toLowerCase();
  return (
    nfc
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // Collapse whitespace before spacing the dashes: linear, however long a run of spaces is. Each run of
      // whitespace (zero-width spaces too) becomes one space; a run that is one space already is left alone
      // (not replaced by itself: a task's text has dozens).
      .replace(/[\s\u200b]{2,}|[^\S ]|\u200b/g, ' ')
      .replace(/ ?- ?/g, ' - ')
      .trim()
      .toLowerCase()
  );
}

export function sameText(a: string, b: string): boolean {
  return normalizeKey(a) === normalizeKey(b);
}

/** Trim and NFC-normalise a value for display or storage, keeping its case. */
export function cleanText(text: string): string {
  const nfc = text.normalize('NFC');
  return (NEEDS_SPACING.test(nfc) ? nfc.replace(/[\s\u00a0]+/g, ' ') : nfc).trim();
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

/**
 * Characters that show nothing: soft hyphen, zero-width space/joiners, bidi marks and embeddings, word joiner
 * and the invisible operators, variation selectors, BOM, Hangul fillers (Unicode's default-ignorable code
 * points). A name pasted from a web page or an e-mail carries them unseen.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Cyrillic and Greek letters that look like Latin ones, each over the letter it imitates (NFKD folds fullwidth). */
const LOOKALIKE_FROM =
  '\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405\u0500\u04ae\u04ba\u051a\u051c\u04c0\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u051b\u051d\u04cf\u04af\u0251\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf\u03bd\u03b9\u03b1\u03ba\u03c1\u03c4\u03c5\u03c7';
const LOOKALIKE_TO = 'ABEKMHOPCTXYIJSDYHQWIaeopcyxijsdhqwlyaABEZHIKMNOPTYXoviakptux';
const LOOKALIKE_RE = new RegExp(`[${LOOKALIKE_FROM}]`, 'gu');
const lookalike = (ch: string): string => LOOKALIKE_TO[LOOKALIKE_FROM.indexOf(ch)] ?? ch;

/**
 * A name as people see it: compatibility forms folded (fullwidth "ＵＢＮＤ" → "UBND"), invisible and bidi
 * characters removed, Cyrillic and Greek look-alikes turned into the Latin letters they imitate, NFC, spaces
 * collapsed. Case is kept. Two names that look the same on the page give the same text.
 */
export function foldLookalikes(text: string): string {
  return text
    .normalize('NFKD')
    .replace(INVISIBLE, '')
    .replace(LOOKALIKE_RE, lookalike)
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The key of a name that identifies something (a commune): normalizeKey after foldLookalikes. */
function identityKey(text: string): string {
  return normalizeKey(foldLookalikes(text));
}

const UNIT_KIND = REPORT_WORDS.unitKind;

/** "nhơn mỹ" or "NHƠN MỸ" → "Nhơn Mỹ"; a name in mixed case ("Ia H'Drai") is kept as typed. */
function titleCase(name: string): string {
  const lower = name.toLocaleLowerCase('vi');
  if (name !== lower && name !== name.toLocaleUpperCase('vi')) return name;
  return lower.replace(
    /(^|[\s(-])(\p{L})/gu,
    (_, before: string, ch: string) => before + ch.toLocaleUpperCase('vi'),
  );
}

/**
 * A unit name as the consolidation shows it, one form for every way it was typed: look-alike and invisible
 * characters folded (foldLookalikes), "Ủy ban nhân dân" / "UBND" written "UBND", the kind of unit in lower case
 * and a name typed all in one case in title case: "Ủy ban nhân dân XÃ nhơn mỹ" → "UBND xã Nhơn Mỹ".
 */
export function displayUnitName(unit: string): string {
  const folded = foldLookalikes(unit);
  const committee = REPORT_WORDS.peoplesCommitteeUnit.exec(folded);
  if (!committee) return folded;
  const own = committee[1];
  const kind = UNIT_KIND.exec(own);
  const named = kind ? `${kind[1].toLocaleLowerCase('vi')} ${titleCase(kind[2])}` : own;
  return `${REPORT_WORDS.peoplesCommitteeShort} ${named}`;
}

/**
 * Which unit a name is: its displayed form (displayUnitName) compared as text is (normalizeKey): case, spacing,
 * Unicode form, invisible characters, look-alike letters and the spelling of "UBND" / "Ủy ban nhân dân" aside.
 */
export function unitKey(unit: string): string {
  return identityKey(displayUnitName(unit));
}

/** The kind of unit a name is: "UBND xã …" a commune, "UBND phường …" a ward, anything else another kind. */
export function unitKindOf(unit: string): 'commune' | 'ward' | 'other' {
  const committee = REPORT_WORDS.peoplesCommitteeUnit.exec(foldLookalikes(unit));
  const kind = committee ? UNIT_KIND.exec(committee[1])?.[1].toLocaleLowerCase('vi') : undefined;
  if (kind === REPORT_WORDS.communeKind) return 'commune';
  return kind === REPORT_WORDS.wardKind ? 'ward' : 'other';
}
