// Invisible characters that only break matching: zero-width space, word joiner, BOM, soft hyphen.
// ZWJ/ZWNJ (U+200D/U+200C) stay: Persian, Indic scripts and emoji sequences need them.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
// C0/C1 controls other than tab and line breaks: never text, often mojibake.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;
const HORIZONTAL_SPACE = /[\t\p{Zs}]+/gu;
// A lone no-break space is typography (French « », 10 000); inside longer runs it is only space.
const NO_BREAK_SPACES = new Set(['\u00A0', '\u202F', '\u2007']);

/**
 * Canonical plain text: Unicode NFC; line breaks unified to `\n`; runs of spaces and tabs collapsed to one space
 * (a lone no-break space is kept); lines trimmed; more than one blank line collapsed to one; invisible and
 * control characters removed. Typographic quotes, dashes and ellipses are kept as written.
 */
export function normalizeText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAK, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(HORIZONTAL_SPACE, (run) => (run.length === 1 && NO_BREAK_SPACES.has(run) ? run : ' ')).trim());
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
