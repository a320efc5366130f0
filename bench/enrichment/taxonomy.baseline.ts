import { mediaTopics, normaliseQcode } from '@copydesk/enrichment';

const WORD = /[\p{L}]{3,}/gu;
const STOP = new Set([
  'and',
  'the',
  'for',
  'with',
  'from',
  'that',
  'this',
  'are',
  'all',
  'any',
  'other',
  'such',
  'which',
  'their',
  'its',
  'into',
  'about',
  'including',
  'not',
  'has',
  'have',
  'but',
  'also',
  'used',
  'who',
  'what',
  'between',
  'over',
  'more',
  'those',
  'these',
  'them',
  'than',
]);

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w));
}

/**
 * The "taxonomy text alone" baseline: each class is the TF-IDF vector of the labels and definitions of its IPTC
 * concept and every concept beneath it; an article goes to the class with the highest cosine similarity.
 */
export function taxonomyBaseline(classes: string[]): (text: string) => string {
  const topics = mediaTopics().filter((t) => !t.retired);
  const docs = classes.map((c) => {
    const q = normaliseQcode(c);
    return topics
      .filter((t) => t.qcode === q || t.ancestors.includes(q))
      .map((t) => `${t.label} ${t.definition}`)
      .join(' ');
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(words(d))) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string): number => Math.log((docs.length + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const vector = (text: string): Map<string, number> => {
    const tf = new Map<string, number>();
    for (const w of words(text)) if (df.has(w)) tf.set(w, (tf.get(w) ?? 0) + 1);
    let norm = 0;
    for (const [w, n] of tf) {
      const v = (1 + Math.log(n)) * idf(w);
      tf.set(w, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, v] of tf) tf.set(w, v / norm);
    return tf;
  };
  const classVectors = docs.map(vector);
  return (text: string) => {
    const v = vector(text);
    let best = 0;
    let bestScore = -1;
    classVectors.forEach((cv, i) => {
      let score = 0;
      for (const [w, x] of v) score += x * (cv.get(w) ?? 0);
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    return classes[best];
  };
}
