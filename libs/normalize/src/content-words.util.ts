// Scripts written without spaces between words: each character is a word of its own, which is enough for
// hashing and shingling (Intl.Segmenter would find real words, but its dictionaries change with ICU versions,
// and stored hashes must not).
const UNSPACED =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}';
const WORD = new RegExp(`[${UNSPACED}]|(?:(?![${UNSPACED}])[\\p{L}\\p{M}\\p{N}])+`, 'gu');

/**
 * The words of a text as compared for content changes and duplicates: NFKC (so ligatures, full-width forms and
 * compatibility characters match their plain forms), lower-cased, split on anything that is not a letter, mark
 * or digit. Punctuation, spacing, quote style and markup leave the result unchanged; a changed, added or
 * removed word does not. Accents are kept: in many languages they tell words apart.
 */
export function contentWords(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}
