/**
 * Case- and accent-insensitive form of a text, for matching: NFKD, combining marks dropped, lower-cased.
 * "Zürich", "ZURICH" and "zurich" all become "zurich"; "ﬁ" becomes "fi".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

// Letters and digits; everything else (spaces, punctuation, apostrophes) separates words, as in PostgreSQL's parser.
const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a text, in order: `"Don't panic!"` → `['don', 't', 'panic']`. */
export function searchWords(text: string): string[] {
  return foldForSearch(text).match(WORD) ?? [];
}
