import { contentWords } from './content-words.util';

/** Shingle size for near-duplicate detection: 3 consecutive words. */
export const SHINGLE_SIZE = 3;

/**
 * Overlapping runs of {@link SHINGLE_SIZE} words of {@link contentWords}, joined by spaces. A text shorter than
 * that is one shingle of all its words; an empty text has none.
 */
export function wordShingles(text: string): string[] {
  const words = contentWords(text);
  if (words.length === 0) return [];
  if (words.length < SHINGLE_SIZE) return [words.join(' ')];
  const shingles: string[] = [];
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) shingles.push(words.slice(i, i + SHINGLE_SIZE).join(' '));
  return shingles;
}
