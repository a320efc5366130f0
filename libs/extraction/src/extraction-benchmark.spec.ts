import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeHtml } from './decode-html';
import { scoreBodies } from './evaluation/shingle-metric';
import { extractArticle } from './extract-article';

// The shared benchmark sits beside the repository (CI has it too); see ../shared/benchmarks/extraction/README.md.
const DEV = resolve(__dirname, '..', '..', '..', '..', 'shared', 'benchmarks', 'extraction', 'dev');

describe('extraction benchmark (dev half): regression guard', () => {
  it('keeps body F1 at or above 0.95, with no empty body', () => {
    expect(existsSync(DEV)).toBe(true);
    const pages = readdirSync(DEV).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(80);
    const pairs = pages.map((name) => {
      const truth = JSON.parse(readFileSync(join(DEV, name.replace(/\.html$/, '.truth.json')), 'utf8')) as {
        url: string;
        articleBody: string;
      };
      const article = extractArticle(decodeHtml(readFileSync(join(DEV, name))).html, truth.url);
      return { truth: truth.articleBody, prediction: article.bodyText };
    });
    const score = scoreBodies(pairs);
    expect(score.empty).toBe(0);
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
  });
});
