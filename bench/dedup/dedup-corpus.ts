import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHTML } from 'entities';

/** The read-only shared folder beside the repository root (npm scripts and jest run from the root). */
export const SHARED = resolve(process.cwd(), '..', 'shared');
const BBC_NEWS = join(SHARED, 'nlp', 'bbc-news', 'train.jsonl');
const EXTRACTION_DEV = join(SHARED, 'benchmarks', 'extraction', 'dev');

/** One real article text the test set is built from. Texts stay in ../shared; nothing is copied into the repo. */
export interface CorpusText {
  readonly id: string;
  readonly corpus: 'bbc' | 'web';
  readonly title: string;
  readonly body: string;
  /** The BBC category (business, sport...), or `web` for the extraction pages, whose topics are not labelled. */
  readonly section: string;
  /** `bbc`, or the page's host name: who published it. */
  readonly outlet: string;
}

/** The shared texts: BBC News articles with their categories, and the extraction benchmark's hand-made bodies. */
export interface Corpus {
  readonly bbc: readonly CorpusText[];
  readonly web: readonly CorpusText[];
}

export function loadCorpus(): Corpus {
  for (const path of [BBC_NEWS, EXTRACTION_DEV]) {
    if (!existsSync(path)) throw new Error(`bench:dedup needs ${path} (the shared data sits beside the project)`);
  }
  return { bbc: loadBbc(), web: loadWebPages() };
}

function loadBbc(): CorpusText[] {
  return readFileSync(BBC_NEWS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; label: string; title: string; body: string })
    .map((row) => ({
      id: row.id,
      corpus: 'bbc' as const,
      title: row.title.trim(),
      body: row.body.trim(),
      section: row.label,
      outlet: 'bbc',
    }));
}

/** `articleBody` of each `*.truth.json`, titled from its page's og:title / <title> (the truth files have none). */
function loadWebPages(): CorpusText[] {
  return readdirSync(EXTRACTION_DEV)
    .filter((name) => name.endsWith('.truth.json'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.truth.json'.length);
      const truth = JSON.parse(readFileSync(join(EXTRACTION_DEV, name), 'utf8')) as { url: string; articleBody: string };
      const htmlPath = join(EXTRACTION_DEV, `${id}.html`);
      const title = existsSync(htmlPath) ? pageTitle(readFileSync(htmlPath, 'utf8')) : '';
      return {
        id: `web/${id}`,
        corpus: 'web' as const,
        title,
        body: truth.articleBody.trim(),
        section: 'web',
        outlet: new URL(truth.url).hostname.replace(/^www\./, ''),
      };
    });
}

/**
 * The page's headline: og:title, else twitter:title, else <title>, else the first <h1>, without a trailing
 * " | Site name" segment. A regex scan is enough here and keeps the bench independent of the extractor under work.
 */
export function pageTitle(html: string): string {
  const head = html.slice(0, 400_000);
  let raw: string | undefined;
  for (const key of ['og:title', 'twitter:title']) {
    for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
      const name = /\b(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
      if (name?.toLowerCase() === key && content) {
        raw = content[1] ?? content[2];
        break;
      }
    }
    if (raw?.trim()) break;
  }
  raw ??= /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(head)?.[1] ?? '';
  const title = decodeHTML(raw.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const withoutSite = title.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/u, '').trim();
  return withoutSite.split(' ').length >= 3 ? withoutSite : title;
}
