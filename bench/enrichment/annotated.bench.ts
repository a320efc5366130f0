import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichArticle, jsonLdArticleTypes } from '@copydesk/enrichment';
import { extractArticle } from '@copydesk/extraction';
import { f1, matchNames, namesMatch } from './name-match.util';
import { readJsonLines, sharedPath } from './shared-data.util';

interface Annotated {
  id: string;
  url: string;
  contentType: string;
  people: string[];
  organisations: string[];
  places: string[];
  quotes: { text: string; speaker: string }[];
}

/** Figures on the hand-labelled articles. */
export interface AnnotatedScore {
  articles: number;
  entities: Record<'people' | 'organisations' | 'places', { precision: number; recall: number; f1: number }>;
  quotes: { gold: number; found: number; rightSpeaker: number; rate: number; predicted: number };
  contentType: { correct: number; accuracy: number; confusions: string[] };
}

const normaliseQuote = (s: string): string =>
  s
    .replace(/[“”"‘’']/g, "'")
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

/**
 * Entities, quote speakers and content type on shared/nlp/annotated-dev.jsonl. Input per article: the gold body
 * text (`articleBody` of the page's .truth.json, so figures do not move with the extractor), the page URL, and the
 * JSON-LD article type read from the page HTML (a signal the pipeline has too). With `extracted`, the body, title,
 * section and byline come from @copydesk/extraction on the page instead: the pipeline's real input.
 */
export function benchAnnotated(verbose = false, extracted = false): AnnotatedScore {
  const rows = readJsonLines<Annotated>(sharedPath('nlp', 'annotated-dev.jsonl'));
  const dev = sharedPath('benchmarks', 'extraction', 'dev');
  const counts = { people: [0, 0, 0], organisations: [0, 0, 0], places: [0, 0, 0] };
  const quotes = { gold: 0, found: 0, rightSpeaker: 0, predicted: 0 };
  const confusions: string[] = [];
  let correctType = 0;
  for (const row of rows) {
    const truth = JSON.parse(readFileSync(join(dev, `${row.id}.truth.json`), 'utf8')) as { articleBody: string };
    const html = readFileSync(join(dev, `${row.id}.html`), 'utf8');
    const page = extracted ? extractArticle(html, row.url) : undefined;
    const e = enrichArticle({
      title: page?.title ?? '',
      bodyText: page ? page.bodyText : truth.articleBody,
      bodyHtml: page?.bodyHtml,
      url: row.url,
      jsonLdType: jsonLdArticleTypes(html),
      section: page?.section ?? undefined,
      byline: page?.byline ?? undefined,
    });
    for (const kind of ['people', 'organisations', 'places'] as const) {
      const m = matchNames(
        e.entities[kind].map((x) => x.name),
        row[kind],
      );
      counts[kind][0] += m.tp;
      counts[kind][1] += m.fp.length;
      counts[kind][2] += m.fn.length;
      if (verbose && (m.fp.length || m.fn.length))
        console.log(`  ${row.id.slice(0, 8)} ${kind} FP ${JSON.stringify(m.fp)} FN ${JSON.stringify(m.fn)}`);
    }
    quotes.predicted += e.quotes.length;
    for (const gq of row.quotes) {
      quotes.gold++;
      const found = e.quotes.find((q) => sameQuote(q.text, gq.text));
      if (!found) {
        if (verbose) console.log(`  ${row.id.slice(0, 8)} quote missed: ${gq.text.slice(0, 50)}`);
        continue;
      }
      quotes.found++;
      if (found.speaker && namesMatch(found.speaker, gq.speaker)) quotes.rightSpeaker++;
      else if (verbose) console.log(`  ${row.id.slice(0, 8)} speaker ${JSON.stringify(found.speaker)} for ${JSON.stringify(gq.speaker)}`);
    }
    if (sameType(e.contentType.type, row.contentType)) correctType++;
    else confusions.push(`${row.id.slice(0, 8)} ${row.contentType} -> ${e.contentType.type} (${e.contentType.evidence.join('; ')})`);
  }
  const score = (k: keyof typeof counts): { precision: number; recall: number; f1: number } => f1(counts[k][0], counts[k][1], counts[k][2]);
  return {
    articles: rows.length,
    entities: { people: score('people'), organisations: score('organisations'), places: score('places') },
    quotes: { ...quotes, rate: quotes.rightSpeaker / Math.max(1, quotes.gold) },
    contentType: { correct: correctType, accuracy: correctType / rows.length, confusions },
  };
}
