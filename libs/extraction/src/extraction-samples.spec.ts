import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from './decode-html';
import { scoreBodies } from './evaluation/shingle-metric';
import { extractArticle } from './extract-article';

// Pages written for the tests, one family of page furniture each (README there). The corpus-wide figures
// come from `npm run bench:extract`.
const SAMPLES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'extraction');

interface Truth {
  readonly url: string;
  readonly articleBody: string;
  readonly authors?: readonly string[];
  readonly publishedDate?: string;
  readonly without?: readonly string[];
}

const samples = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.html'))
  .map((name) => {
    const truth = JSON.parse(readFileSync(join(SAMPLES, name.replace(/\.html$/, '.truth.json')), 'utf8')) as Truth;
    const article = extractArticle(decodeHtml(readFileSync(join(SAMPLES, name))).html, truth.url);
    return { name, truth, article };
  });

describe('extraction samples', () => {
  it('has samples to check', () => expect(samples.length).toBeGreaterThanOrEqual(2));

  it.each(samples.map((s) => [s.name, s] as const))('%s: keeps the body and leaves the furniture out', (_name, s) => {
    const score = scoreBodies([{ truth: s.truth.articleBody, prediction: s.article.bodyText }]);
    expect(score.f1).toBeGreaterThanOrEqual(0.97);
    for (const snippet of s.truth.without ?? []) expect(s.article.bodyText).not.toContain(snippet);
  });

  it.each(samples.filter((s) => s.truth.authors).map((s) => [s.name, s] as const))('%s: names the author', (_name, s) => {
    expect(s.article.authors).toEqual(s.truth.authors);
  });

  it.each(samples.filter((s) => s.truth.publishedDate).map((s) => [s.name, s] as const))('%s: dates the article', (_name, s) => {
    expect(s.article.publishedDate).toBe(s.truth.publishedDate);
  });
});
