import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHtml } from '@copydesk/extraction';

/** Where the shared corpora live: read-only, beside the repository root (npm scripts run from the root). */
export const SHARED = resolve(process.cwd(), '..', 'shared');
export const EXTRACTION_DEV = join(SHARED, 'benchmarks', 'extraction', 'dev');
export const TRAFILATURA_DEV = join(SHARED, 'corpora', 'trafilatura-eval', 'dev');
export const DATES_DEV = join(SHARED, 'corpora', 'dates', 'dev');

/** A benchmark page with its hand-made body. */
export interface BodyCase {
  readonly id: string;
  readonly url: string;
  readonly html: string;
  readonly truth: string;
}

/** A trafilatura-eval page: snippets that must (not) be in the body, gold metadata. */
export interface SnippetCase {
  readonly file: string;
  readonly url: string;
  readonly html: string;
  readonly with: readonly string[];
  readonly without: readonly string[];
  readonly title: string | null;
  readonly author: string | null;
}

/** An htmldate evaluation page with its expected publication date (null: none to find). */
export interface DateCase {
  readonly file: string;
  readonly url: string;
  readonly html: string;
  readonly expected: string | null;
}

function readHtml(path: string): string {
  return decodeHtml(readFileSync(path)).html;
}

/** The 91 pages of the extraction benchmark's dev half. */
export function loadBodyCases(dir = EXTRACTION_DEV): BodyCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.html'.length);
      const truth = JSON.parse(readFileSync(join(dir, `${id}.truth.json`), 'utf8')) as { url: string; articleBody: string };
      return { id, url: truth.url, html: readHtml(join(dir, name)), truth: truth.articleBody };
    });
}

interface ExpectationsFile<T> {
  readonly cases: ReadonlyArray<{ readonly file: string; readonly expectations: readonly T[] }>;
}

interface SnippetExpectation {
  readonly url: string;
  readonly with?: readonly string[];
  readonly without?: readonly string[];
  readonly metadata?: { readonly title?: string; readonly author?: string };
}

/** trafilatura's evaluation pages (dev half). */
export function loadSnippetCases(dir = TRAFILATURA_DEV): SnippetCase[] {
  const data = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as ExpectationsFile<SnippetExpectation>;
  const cases: SnippetCase[] = [];
  for (const entry of data.cases) {
    const html = readHtml(join(dir, entry.file));
    for (const expectation of entry.expectations) {
      cases.push({
        file: entry.file,
        url: expectation.url,
        html,
        with: expectation.with ?? [],
        without: expectation.without ?? [],
        title: expectation.metadata?.title?.trim() || null,
        author: expectation.metadata?.author?.trim() || null,
      });
    }
  }
  return cases;
}

interface DateExpectation {
  readonly url: string;
  readonly expected_date: string | null;
  readonly options?: { readonly original_date?: boolean; readonly extensive_search?: boolean };
}

/** htmldate's evaluation pages (dev half); one case per expectation. */
export function loadDateCases(dir = DATES_DEV): DateCase[] {
  const data = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as ExpectationsFile<DateExpectation>;
  const cases: DateCase[] = [];
  for (const entry of data.cases) {
    const html = readHtml(join(dir, entry.file));
    for (const expectation of entry.expectations) {
      cases.push({ file: entry.file, url: expectation.url, html, expected: expectation.expected_date });
    }
  }
  return cases;
}
