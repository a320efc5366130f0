/** A sentence of an article body with its character offsets in that body. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (block separated by line breaks) the sentence sits in. */
  paragraph: number;
  index: number;
}

/** A paragraph (a block between line breaks) with its offset in the body. */
export interface Paragraph {
  text: string;
  start: number;
  index: number;
}

// Abbreviations whose full stop does not end a sentence: titles and name parts are followed by a name.
const NON_TERMINAL_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'supt',
  'det',
  'insp',
  'fr',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'v',
  'etc',
  'e.g',
  'i.e',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'approx',
  'ave',
  'blvd',
  'rd',
  'dept',
  'univ',
  'est',
  'fig',
  'op',
  'vol',
  'pp',
]);

/** Splits a body into paragraphs: blocks separated by one or more line breaks. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim()) paragraphs.push({ text: m[0], start: m.index, index: paragraphs.length });
  }
  return paragraphs;
}

// A candidate end: terminal punctuation, then any closing quotes or brackets, then whitespace. German and French
// marks too: „…“ closes with “, »…« and «…» either way round ("erleichtert. „Das …“ Laut …" is three sentences).
const BOUNDARY = /[.!?…]+["'”’“‘«»)\]]*(?=\s+["'“‘„‚«»(\[]?[\p{Lu}\p{N}])/gu;

/** Splits a body into sentences, keeping offsets; abbreviations and initials do not end a sentence. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of splitParagraphs(text)) {
    let from = 0;
    const body = paragraph.text;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
      if (m[0][0] === '.' && !endsSentence(body, m.index)) continue;
      const end = m.index + m[0].length;
      pushSentence(sentences, body, from, end, paragraph);
      from = end;
    }
    pushSentence(sentences, body, from, body.length, paragraph);
  }
  return sentences;
}

function pushSentence(out: Sentence[], body: string, from: number, to: number, paragraph: Paragraph): void {
  const raw = body.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  const start = paragraph.start + from + lead;
  out.push({ text, start, end: start + text.length, paragraph: paragraph.index, index: out.length });
}

function endsSentence(body: string, dotIndex: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!before) return true;
  const word = before[1];
  // A single capital is an initial ("Mark T. Esper"); dotted acronyms ("U.S.") may end a sentence, but rarely do
  // before a capitalised word in news copy, so both are kept inside the sentence.
  if (/^\p{Lu}$/u.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return !NON_TERMINAL_ABBREVIATIONS.has(word.toLowerCase());
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu;

/** Word tokens of a text, in their original case. */
export function wordTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Number of words, counted the way reading-time estimates count them. */
export function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** Lower-cased word tokens with possessive endings removed: the unit topic and keyword statistics count. */
export function normalisedWords(text: string): string[] {
  const out: string[] = [];
  for (const token of wordTokens(text.toLowerCase())) {
    out.push(token.replace(/['’]s$/u, '').replace(/['’]$/u, ''));
  }
  return out;
}
