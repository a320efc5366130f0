import { STOPWORDS } from '../text/stopwords.data';
import type { Sentence } from '../text/text.tokenizer';

/** Document frequencies for weighting words by rarity (from the topic model's training corpus). */
export interface DocumentFrequencies {
  documentFrequency: Record<string, number>;
  documentCount: number;
}

const BREAK_CHARS = new Set([...',;:.!?()"“”—–']);
const WORD = /[\p{L}][\p{L}\p{M}\p{N}'’\-]*|\d[\d.,]*/gu;
// Reporting verbs and generic news words say nothing about what an article is about.
const GENERIC = new Set([
  'said',
  'says',
  'told',
  'added',
  'according',
  'people',
  'year',
  'years',
  'time',
  'new',
  'also',
  'just',
  'like',
  'including',
  'percent',
  'per',
  'cent',
  'lot',
  'way',
  'thing',
  'things',
  'number',
  'part',
  'set',
  'made',
  'make',
  'going',
  'get',
  'got',
  'know',
  'think',
  'want',
  'come',
  'came',
  'look',
  'good',
  'great',
  'well',
  'really',
  'still',
  'even',
  'much',
  'many',
  'last',
  'week',
  'month',
  'day',
  'today',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

const indexes = new WeakMap<DocumentFrequencies, Map<string, number>>();

function frequencyIndex(df: DocumentFrequencies): Map<string, number> {
  let index = indexes.get(df);
  if (!index) indexes.set(df, (index = new Map(Object.entries(df.documentFrequency))));
  return index;
}

/**
 * Key phrases: runs of one to three content words, scored by frequency times rarity (idf from the training
 * corpus), multi-word phrases favoured when they recur. Lower-cased; a word already inside a chosen phrase is not
 * repeated on its own. `exclude` drops words (e.g. people's names, which `entities` already reports).
 */
export function extractKeywords(
  sentences: Sentence[],
  df: DocumentFrequencies,
  max = 10,
  exclude: ReadonlySet<string> = new Set(),
  /** The article language's function words (English by default). */
  stopwords: ReadonlySet<string> = STOPWORDS,
): string[] {
  const { runs, wordCounts } = contentRuns(
    sentences,
    (w) => w.length < 3 || stopwords.has(w) || GENERIC.has(w) || exclude.has(w) || /^\d/.test(w),
  );
  return choosePhrases(scorePhrases(phraseCounts(runs, wordCounts), df), max);
}

// Runs of content words between punctuation and skipped words, and how often each word occurs.
function contentRuns(sentences: Sentence[], skip: (word: string) => boolean): { runs: string[][]; wordCounts: Map<string, number> } {
  const runs: string[][] = [];
  const wordCounts = new Map<string, number>();
  for (const s of sentences) {
    let run: string[] = [];
    WORD.lastIndex = 0;
    let lastEnd = 0;
    for (let m = WORD.exec(s.text); m; m = WORD.exec(s.text)) {
      // Punctuation between words breaks a phrase.
      if (
        run.length && m.index - lastEnd > 1
          ? /[,;:.!?()"“”—–]/.test(s.text.slice(lastEnd, m.index))
          : run.length > 0 && BREAK_CHARS.has(s.text[lastEnd])
      ) {
        runs.push(run);
        run = [];
      }
      lastEnd = m.index + m[0].length;
      let w = m[0].toLowerCase();
      if (w.includes("'") || w.includes('’')) w = w.replace(/['’]s$/, '').replace(/’/g, "'");
      if (skip(w)) {
        if (run.length) runs.push(run);
        run = [];
        continue;
      }
      wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
      run.push(w);
    }
    if (run.length) runs.push(run);
  }
  return { runs, wordCounts };
}

// A phrase must recur, so only words that recur can form one: this keeps the n-gram count small.
function phraseCounts(runs: string[][], wordCounts: Map<string, number>): Map<string, number> {
  const counts = new Map<string, number>(wordCounts);
  for (const run of runs) {
    for (let n = 2; n <= 3; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const words = run.slice(i, i + n);
        if (words.some((w) => (wordCounts.get(w) ?? 0) < 2)) continue;
        const phrase = words.join(' ');
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function scorePhrases(counts: Map<string, number>, df: DocumentFrequencies): [string, number][] {
  const frequencies = frequencyIndex(df);
  const idfs = new Map<string, number>();
  const idf = (w: string): number => {
    let v = idfs.get(w);
    if (v === undefined) idfs.set(w, (v = Math.log((df.documentCount + 1) / ((frequencies.get(w) ?? 0) + 1)) + 1));
    return v;
  };
  const scored: [string, number][] = [];
  for (const [phrase, count] of counts) {
    const words = phrase.split(' ');
    if (words.length > 1 && count < 2) continue;
    const weight = words.reduce((a, w) => a + idf(w), 0) / words.length;
    scored.push([phrase, (1 + Math.log(count)) * weight * (words.length > 1 ? 1.3 : 1)]);
  }
  return scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function choosePhrases(scored: [string, number][], max: number): string[] {
  const chosen: string[] = [];
  for (const [phrase] of scored) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => c.split(' ').includes(phrase) || phrase.split(' ').every((w) => c.split(' ').includes(w)))) continue;
    // A longer phrase absorbs the single words it contains.
    for (let i = chosen.length - 1; i >= 0; i--) if (phrase.split(' ').includes(chosen[i])) chosen.splice(i, 1);
    chosen.push(phrase);
  }
  return chosen.slice(0, max);
}
