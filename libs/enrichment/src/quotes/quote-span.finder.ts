import { splitParagraphs } from '../text/text.tokenizer';

/** A stretch of quoted words in a body: the text between one pair of quote marks. */
export interface QuoteSpan {
  text: string;
  /** Offsets of the quoted words (inside the marks). */
  start: number;
  end: number;
  /** Offsets of the marks themselves. */
  openAt: number;
  closeAt: number;
  paragraph: number;
  /** The quote runs on into the next paragraph (no closing mark before the paragraph ends). */
  continues: boolean;
  /** It is the whole paragraph (apart from punctuation and an attribution-free remainder). */
  standsAlone: boolean;
}

/** Quotation marks of a language: each opening mark with the marks that may close it. */
export type QuoteMarks = Readonly<Record<string, string>>;

/**
 * English (and the default): “…”, "…", «…», „…“. A “ closes only a German-style „ quote. Straight and curly marks
 * close each other: copy pasted from several editors mixes them ("A great day…!” Trump tweeted).
 */
export const ENGLISH_QUOTE_MARKS: QuoteMarks = { '“': '”"', '"': '"”', '«': '»"', '„': '“”"' };

/**
 * Finds quoted passages, straight or curly. A paragraph that opens a quote without closing it continues into the
 * next paragraph, which by convention opens with a quote mark again (multi-paragraph quotes).
 */
export function findQuoteSpans(text: string, marks: QuoteMarks = ENGLISH_QUOTE_MARKS): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const body = paragraph.text;
    let open = -1;
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (open < 0) {
        if (marks[ch] && (i === 0 || /[\s([{—–\-:,]/.test(body[i - 1]))) open = i;
        continue;
      }
      // “…’’: two right single marks stand for a right double one in some copy (typewriter habits, converted text).
      const doubled = ch === '’' && body[i + 1] === '’' && marks[body[open]].includes('”');
      const after = doubled ? i + 2 : i + 1;
      const closes = (doubled || marks[body[open]].includes(ch)) && (after >= body.length || /[\s.,;:!?)\]}—–\-]/.test(body[after]));
      if (closes && i > open + 1) {
        push(spans, paragraph.start, paragraph.index, body, open, i, false);
        open = -1;
        if (doubled) i++;
      }
    }
    if (open >= 0 && body.length - open > 3) push(spans, paragraph.start, paragraph.index, body, open, body.length, true);
  }
  return spans;
}

function push(spans: QuoteSpan[], base: number, paragraph: number, body: string, open: number, close: number, continues: boolean): void {
  const raw = body.slice(open + 1, close);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  const outside = (body.slice(0, open) + body.slice(close + 1)).replace(/[\s.,;:!?'"“”—–-]/g, '');
  spans.push({
    text,
    start: base + open + 1 + lead,
    end: base + open + 1 + lead + text.length,
    openAt: base + open,
    closeAt: base + close,
    paragraph,
    continues,
    standsAlone: outside.length === 0,
  });
}
