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

/**
 * Characters that show nothing: soft hyphen, zero-width space/joiners, bidi marks and embeddings, word joiner
 * and the invisible operators, variation selectors, BOM, Hangul fillers. A name pasted from a web page or an
 * e-mail carries them unseen.
 */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;

/** Cyrillic and Greek letters that look like Latin ones, each over the letter it imitates (NFKD folds fullwidth). */
const LOOKALIKE_FROM = 'АВЕКМНОРСТХУІЈЅԀҮҺԚԜӀаеорсухіјѕԁһԛԝӏүɑΑΒΕΖΗΙΚΜΝΟΡΤΥΧονιακρτυχ';
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
export function identityKey(text: string): string {
  return normalizeKey(foldLookalikes(text));
}
