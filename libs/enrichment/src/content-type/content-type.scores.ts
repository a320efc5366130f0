import { splitParagraphs } from '../text/text.tokenizer';
import type { ContentType, ContentTypeResult } from './content-type.types';

/** Adds a type's weight and the reason for it. */
export type AddCue = (type: ContentType, weight: number, why: string) => void;

/** Scores per type, news first: every other type needs evidence to beat it. */
export class ContentTypeScores {
  private readonly scores = new Map<ContentType, number>([['news', 1]]);
  private readonly evidence = new Map<ContentType, string[]>();

  readonly add: AddCue = (type, weight, why) => {
    this.scores.set(type, (this.scores.get(type) ?? 0) + weight);
    this.evidence.set(type, [...(this.evidence.get(type) ?? []), why]);
  };

  result(): ContentTypeResult {
    // A stable sort: on a tie the type scored first wins, so the order of the cues matters.
    const ranked = [...this.scores].sort((a, b) => b[1] - a[1]);
    const [best, bestScore] = ranked[0];
    const second = ranked[1]?.[1] ?? 0;
    const total = ranked.reduce((a, [, s]) => a + s, 0);
    const confidence = Math.min(0.99, 0.5 * (bestScore / total) + 0.5 * (1 - Math.exp(-(bestScore - second + 0.5))));
    const why = this.evidence.get(best) ?? [];
    if (best === 'news' && why.length === 0) why.push('no opinion, review, release, live or obituary markers');
    return { type: best, confidence: round(confidence), evidence: why };
  }
}

/** The body's measures the cues share. */
export interface TextMeasures {
  text: string;
  paragraphs: string[];
  words: number;
  /** The text with quotations blanked: the writer's own voice. */
  outside: string;
  quoteDensity: number;
  /** First person singular and plural per 100 words outside quotes (English pronouns). */
  firstPerson: number;
  firstPlural: number;
}

export function measureText(text: string): TextMeasures {
  const paragraphs = splitParagraphs(text).map((p) => p.text.trim());
  const words = Math.max(1, text.split(/\s+/).length);
  // Quoted words in any style: “…”, "…", „…“, «…», »…«.
  const outside = text.replace(/“[^”]*”|"[^"\n]*"|„[^“”"\n]*[“”"]|«[^»"\n]*[»"]|»[^«"\n]*[«"]/g, ' ');
  const quoted = words - outside.split(/\s+/).length;
  const quoteDensity = Math.max(0, quoted / words);
  const firstPerson = (outside.match(/\b(?:I|I'm|I’m|I've|I’ve|me|my|myself)\b/g) ?? []).length / (words / 100);
  const firstPlural = (outside.match(/\b(?:we|We|our|Our|us)\b/g) ?? []).length / (words / 100);
  return { text, paragraphs, words, outside, quoteDensity, firstPerson, firstPlural };
}

export function count(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
