import { STOPWORDS } from '../text/stopwords.data';
import { normalisedWords } from '../text/text.tokenizer';

/** Content words of a text, in order: lower-cased, no function words, no numbers, no single letters. */
export function contentWords(text: string): string[] {
  return contentWordsOf(normalisedWords(text));
}

/** Same as contentWords, on words already normalised with `normalisedWords`. */
export function contentWordsOf(words: string[]): string[] {
  return words.filter((w) => w.length > 1 && !STOPWORDS.has(w) && !/^[\d'’\-]+$/.test(w));
}

/**
 * Term frequencies the topic model reads: content words plus adjacent content-word pairs
 * ("interest rates", "prime minister"), which separate classes better than either word alone.
 */
export function topicFeatures(text: string): Map<string, number> {
  return topicFeaturesOf(normalisedWords(text));
}

/** Same as topicFeatures, on words already normalised with `normalisedWords`. */
export function topicFeaturesOf(normalised: string[]): Map<string, number> {
  const words = contentWordsOf(normalised);
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    counts.set(words[i], (counts.get(words[i]) ?? 0) + 1);
    if (i > 0) {
      const pair = `${words[i - 1]} ${words[i]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  }
  return counts;
}
