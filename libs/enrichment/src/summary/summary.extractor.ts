import { STOPWORDS } from '../text/stopwords.data';
import { normalisedWords, type Sentence } from '../text/text.tokenizer';

/**
 * An extractive summary: the two or three sentences that best cover the article's frequent content words, with
 * a preference for the lead (news puts the essentials first), returned in article order.
 */
export function summarise(sentences: Sentence[], title = '', stopwords: ReadonlySet<string> = STOPWORDS): string[] {
  const candidates = sentences.filter((s) => {
    const words = s.text.split(/\s+/).length;
    // Headings, captions and datelines are too short; run-on lists too long; questions rarely summarise.
    return words >= 8 && words <= 70 && !/^[\p{Lu}\d\s\W]+$/u.test(s.text) && !s.text.endsWith('?');
  });
  if (candidates.length === 0) return sentences.slice(0, 2).map((s) => s.text);
  const frequency = new Map<string, number>();
  const wordsOf = new Map(candidates.map((s) => [s, contentWords(s.text, stopwords)]));
  for (const words of wordsOf.values()) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  for (const w of contentWords(title, stopwords)) frequency.set(w, (frequency.get(w) ?? 0) + 2);
  const max = Math.max(1, ...frequency.values());
  const want = candidates.length >= 8 ? 3 : 2;
  const scored = candidates.map((s, i) => {
    const words = [...new Set(wordsOf.get(s))];
    const coverage = words.reduce((a, w) => a + (frequency.get(w) ?? 0) / max, 0) / Math.sqrt(Math.max(4, words.length));
    const position = 1 / (1 + i * 0.35);
    const quoted = (s.text.match(/[“"]/g) ?? []).length > 0 ? 0.7 : 1;
    return { s, score: (coverage + position) * quoted };
  });
  const chosen: Sentence[] = [];
  for (const { s } of scored.sort((a, b) => b.score - a.score)) {
    if (chosen.length >= want) break;
    // Skip near-duplicates of a chosen sentence (rewritten leads, captions).
    if (chosen.some((c) => overlap(c.text, s.text, stopwords) > 0.6)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.start - b.start).map((s) => s.text);
}

function contentWords(text: string, stopwords: ReadonlySet<string>): string[] {
  return normalisedWords(text).filter((w) => w.length > 2 && !stopwords.has(w));
}

function overlap(a: string, b: string, stopwords: ReadonlySet<string>): number {
  const wa = new Set(contentWords(a, stopwords));
  const wb = contentWords(b, stopwords);
  if (!wb.length) return 0;
  return wb.filter((w) => wa.has(w)).length / wb.length;
}
