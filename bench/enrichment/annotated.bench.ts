import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichArticle, jsonLdArticleTypes, mediaTopicTopLevel, type Enrichment } from '@copydesk/enrichment';
import { extractArticle } from '@copydesk/extraction';
import { compromiseAlone } from './compromise.baseline';
import { f1, matchNames, namesMatch } from './name-match.util';
import { readJsonLines, sharedPath } from './shared-data.util';
import { benchPart, type BenchPart } from './split.util';

interface Annotated {
  id: string;
  url: string;
  title?: string;
  body?: string;
  contentType: string;
  topics?: string[];
  people: string[];
  organisations: string[];
  places: string[];
  quotes: { text: string; speaker: string }[];
}

type Kind = 'people' | 'organisations' | 'places';
type Prf = { precision: number; recall: number; f1: number };

/** Figures on one part of a hand-labelled set. */
export interface AnnotatedScore {
  articles: number;
  entities: Record<Kind, Prf>;
  quotes: { gold: number; found: number; rightSpeaker: number; rate: number; predicted: number };
  contentType: { correct: number; accuracy: number; confusions: string[] };
  /** German set only: the first topic's top level is one of the labelled topics. */
  topics?: { correct: number; accuracy: number };
}

/** What to score: which labelled set, which part, with which inputs and by which system. */
export interface AnnotatedOptions {
  language: 'en' | 'de';
  part: BenchPart;
  /** Give the enricher the page's JSON-LD type (English only; off by default: many pushes carry none). */
  jsonLd?: boolean;
  /** Body, title, section and byline from @copydesk/extraction on the page instead of the gold body (English). */
  extracted?: boolean;
  /** compromise 14 alone (entities only), the baseline. */
  system?: 'copydesk' | 'compromise';
  verbose?: boolean;
}

const normaliseQuote = (s: string): string =>
  s
    .replace(/[“”"‘’'„“»«‚‹›]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[,.]$/, '');
// Gold quote text is the first 80 characters of the quoted words: a prediction matches on a shared opening.
const sameQuote = (predicted: string, gold: string): boolean => {
  const p = normaliseQuote(predicted);
  const g = normaliseQuote(gold);
  return p.startsWith(g.slice(0, 40)) || g.startsWith(p.slice(0, 40));
};
const sameType = (a: string, b: string): boolean => a.toLowerCase().replace(/[^a-z]/g, '') === b.toLowerCase().replace(/[^a-z]/g, '');

function rowsOf(language: 'en' | 'de'): Annotated[] {
  return readJsonLines<Annotated>(sharedPath('nlp', language === 'en' ? 'annotated-dev.jsonl' : 'annotated-de-dev.jsonl'));
}

function enrichRow(row: Annotated, o: AnnotatedOptions): Enrichment {
  if (o.language === 'de') return enrichArticle({ title: row.title ?? '', bodyText: row.body ?? '', url: row.url });
  const dev = sharedPath('benchmarks', 'extraction', 'dev');
  const truth = JSON.parse(readFileSync(join(dev, `${row.id}.truth.json`), 'utf8')) as { articleBody: string };
  const html = o.jsonLd || o.extracted ? readFileSync(join(dev, `${row.id}.html`), 'utf8') : '';
  const page = o.extracted ? extractArticle(html, row.url) : undefined;
  return enrichArticle({
    title: page?.title ?? '',
    bodyText: page ? page.bodyText : truth.articleBody,
    bodyHtml: page?.bodyHtml,
    url: row.url,
    jsonLdType: o.jsonLd ? jsonLdArticleTypes(html) : undefined,
    section: page?.section ?? undefined,
    byline: page?.byline ?? undefined,
  });
}

/**
 * Entities, quote speakers, content type (and for German, topics) on one part of shared/nlp/annotated-dev.jsonl
 * (English; input: the gold body text of each page and its URL) or annotated-de-dev.jsonl (German; title, body, URL).
 */
export function benchAnnotated(o: AnnotatedOptions): AnnotatedScore {
  const rows = rowsOf(o.language).filter((r) => benchPart(r.id) === o.part);
  const counts: NameCounts = { people: [0, 0, 0], organisations: [0, 0, 0], places: [0, 0, 0] };
  const quotes: QuoteCounts = { gold: 0, found: 0, rightSpeaker: 0, predicted: 0 };
  const confusions: string[] = [];
  let correctType = 0;
  let correctTopic = 0;
  const log = (line: string): void => {
    // Errors are listed for the dev part only: the held-back part is measured, never read for tuning.
    if (o.verbose && o.part === 'dev') console.log(line);
  };
  for (const row of rows) {
    if (o.system === 'compromise') {
      const found = compromiseAlone(o.language === 'de' ? (row.body ?? '') : enrichInputText(row));
      for (const kind of KINDS) countNames(counts, kind, found[kind], row[kind]);
      quotes.gold += row.quotes.length;
      continue;
    }
    const e = enrichRow(row, o);
    for (const kind of KINDS) {
      const m = countNames(
        counts,
        kind,
        e.entities[kind].map((x) => x.name),
        row[kind],
      );
      if (m.fp.length || m.fn.length) log(`  ${row.id.slice(0, 12)} ${kind} FP ${JSON.stringify(m.fp)} FN ${JSON.stringify(m.fn)}`);
    }
    countQuotes(quotes, row, e, log);
    if (sameType(e.contentType.type, row.contentType)) correctType++;
    else confusions.push(`${row.id.slice(0, 12)} ${row.contentType} -> ${e.contentType.type} (${e.contentType.evidence.join('; ')})`);
    if (row.topics && firstTopicRight(row, e, log)) correctTopic++;
  }
  const score = (k: Kind): Prf => f1(counts[k][0], counts[k][1], counts[k][2]);
  return {
    articles: rows.length,
    entities: { people: score('people'), organisations: score('organisations'), places: score('places') },
    quotes: { ...quotes, rate: quotes.rightSpeaker / Math.max(1, quotes.gold) },
    contentType: { correct: correctType, accuracy: correctType / Math.max(1, rows.length), confusions: o.part === 'dev' ? confusions : [] },
    ...(o.language === 'de' ? { topics: { correct: correctTopic, accuracy: correctTopic / Math.max(1, rows.length) } } : {}),
  };
}

const KINDS = ['people', 'organisations', 'places'] as const;
/** Per kind: true positives, false positives, false negatives. */
type NameCounts = Record<Kind, number[]>;
interface QuoteCounts {
  gold: number;
  found: number;
  rightSpeaker: number;
  predicted: number;
}
type Enriched = ReturnType<typeof enrichRow>;

function countNames(counts: NameCounts, kind: Kind, found: string[], gold: string[]): ReturnType<typeof matchNames> {
  const m = matchNames(found, gold);
  counts[kind][0] += m.tp;
  counts[kind][1] += m.fp.length;
  counts[kind][2] += m.fn.length;
  return m;
}

function countQuotes(quotes: QuoteCounts, row: Annotated, e: Enriched, log: (line: string) => void): void {
  quotes.predicted += e.quotes.length;
  for (const gq of row.quotes) {
    quotes.gold++;
    const found = e.quotes.find((q) => sameQuote(q.text, gq.text));
    if (!found) {
      log(`  ${row.id.slice(0, 12)} quote missed: ${gq.text.slice(0, 50)}`);
      continue;
    }
    quotes.found++;
    if (found.speaker && namesMatch(found.speaker, gq.speaker)) quotes.rightSpeaker++;
    else
      log(`  ${row.id.slice(0, 12)} speaker ${JSON.stringify(found.speaker)} for ${JSON.stringify(gq.speaker)}: ${gq.text.slice(0, 40)}`);
  }
}

function firstTopicRight(row: Annotated, e: Enriched, log: (line: string) => void): boolean {
  const topics = row.topics ?? [];
  const first = e.topics[0] ? (mediaTopicTopLevel(e.topics[0].qcode)?.qcode ?? e.topics[0].qcode) : undefined;
  if (first && topics.includes(first)) return true;
  log(`  ${row.id.slice(0, 12)} topic ${first} (${e.topics[0]?.label}) for ${topics.join(',')}`);
  return false;
}

function enrichInputText(row: Annotated): string {
  const dev = sharedPath('benchmarks', 'extraction', 'dev');
  return (JSON.parse(readFileSync(join(dev, `${row.id}.truth.json`), 'utf8')) as { articleBody: string }).articleBody;
}
