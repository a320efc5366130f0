import { existsSync, readFileSync } from 'node:fs';
import { enrichmentAsset } from '../assets/package-root.util';

/** Shipped list of words news copy writes in lower case, built by `npm run train:topics`. */
export const COMMON_WORDS_FILE = 'models/common-words.json';

const WORD = /[\p{L}][\p{L}'’\-]*/gu;

/**
 * Words a corpus writes in lower case at least as often as capitalised (outside sentence starts): ordinary words,
 * which a capitalised run should not be mistaken for a name because of ("Starry Night", "Fan Vote").
 */
export function buildCommonWords(texts: string[], minLowerCase = 3): string[] {
  const lower = new Map<string, number>();
  const upper = new Map<string, number>();
  for (const text of texts) {
    WORD.lastIndex = 0;
    let previousEnd = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const word = m[0];
      const gap = text.slice(previousEnd, m.index);
      previousEnd = m.index + word.length;
      const key = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
      if (word[0] !== word[0].toUpperCase()) lower.set(key, (lower.get(key) ?? 0) + 1);
      else if (!/[.!?:"“]\s*$/.test(gap) && previousEnd > word.length + 1) upper.set(key, (upper.get(key) ?? 0) + 1);
    }
  }
  return [...lower]
    .filter(([w, n]) => n >= minLowerCase && n >= (upper.get(w) ?? 0) && w.length > 1)
    .map(([w]) => w)
    .sort();
}

let cached: Set<string> | undefined;

/** The shipped common-word list (empty when the file has not been built yet). */
export function shippedCommonWords(): Set<string> {
  if (cached) return cached;
  const path = enrichmentAsset(COMMON_WORDS_FILE);
  cached = new Set(existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { words: string[] }).words : []);
  return cached;
}
