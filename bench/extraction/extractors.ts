import { Readability } from '@mozilla/readability';
import { extractArticle } from '@copydesk/extraction';
import { parseHTML } from 'linkedom';

/** What the benchmark compares between extractors. */
export interface ExtractorOutput {
  readonly text: string;
  readonly title: string | null;
  readonly authors: readonly string[];
  /** Publication day, YYYY-MM-DD. */
  readonly date: string | null;
}

/** An extractor under test: HTML and URL in, output out. */
export interface Extractor {
  readonly name: string;
  run(html: string, url: string): ExtractorOutput;
}

export const copydesk: Extractor = {
  name: 'Copydesk',
  run(html, url) {
    const article = extractArticle(html, url);
    return { text: article.bodyText, title: article.title, authors: article.authors, date: article.publishedDate };
  },
};

export const readability: Extractor = {
  name: 'Readability+linkedom',
  run(html) {
    const { document } = parseHTML(html);
    const result = new Readability(document).parse();
    const published = result?.publishedTime ?? null;
    const date = published === null ? null : (/^(\d{4}-\d{2}-\d{2})/.exec(published)?.[1] ?? null);
    return {
      text: result?.textContent ?? '',
      title: result?.title ?? null,
      authors: result?.byline ? [result.byline] : [],
      date,
    };
  },
};

/** Looks an extractor up by name (used by the memory probe child process). */
export function extractorNamed(name: string): Extractor {
  if (name === copydesk.name) return copydesk;
  if (name === readability.name) return readability;
  throw new Error(`unknown extractor ${name}`);
}
