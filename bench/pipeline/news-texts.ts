import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One article to push: what a CMS sends to POST /v1/articles. */
export interface BenchArticle {
  title: string;
  /** HTML paragraphs. */
  body: string;
}

export type TextKind = 'bbc' | 'templated';

/** The BBC News set (business, entertainment, politics, sport, tech), read from the shared data beside the project. */
export const BBC_TRAIN = join(__dirname, '..', '..', '..', '..', 'shared', 'nlp', 'bbc-news', 'train.jsonl');

export class MissingBenchDataError extends Error {
  constructor(path: string) {
    super(
      `bench: ${path} is missing. The pipeline bench pushes real news texts from ../shared/nlp/bbc-news/train.jsonl ` +
        '(JSON lines with "title" and "body"); put the shared data beside the project, or run with --texts=templated.',
    );
    this.name = 'MissingBenchDataError';
  }
}

interface BbcLine {
  title: string;
  body: string;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

const escapeHtml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const toHtml = (paras: string[]): string => paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

/**
 * `count` real news texts. Beyond the set's size, new texts are put together from random paragraphs of the whole
 * set (seeded), so a long run keeps the shape of real copy without pushing the same text twice: two such texts share
 * a paragraph now and then, as agency copy does.
 */
export function bbcArticles(count: number, path = BBC_TRAIN): BenchArticle[] {
  if (!existsSync(path)) throw new MissingBenchDataError(path);
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as BbcLine);
  const articles = lines.map((line) => ({ title: line.title, body: toHtml(paragraphs(line.body)) }));
  if (count <= articles.length) return articles.slice(0, count);
  const pool = lines.flatMap((line) => paragraphs(line.body));
  const random = seeded(20251207);
  for (let i = articles.length; i < count; i++) {
    const source = lines[i % lines.length];
    const n = 4 + Math.floor(random() * 8);
    const picked = Array.from({ length: n }, () => pool[Math.floor(random() * pool.length)]);
    articles.push({ title: `${source.title} (${i})`, body: toHtml(picked) });
  }
  return articles;
}

/** mulberry32: a small seeded generator, so every run pushes the same texts. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Proseware'];
const MOVES = ['rose', 'fell', 'climbed', 'slipped'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const ANALYSTS = ['Maria Lopez', 'John Park', 'Aisha Khan'];

/**
 * Templated market reports from a small vocabulary, as wires send by the hundred: every text near-identical to
 * every other. The input that once grew a relation per pair and one cluster for everything.
 */
export function templatedArticles(count: number): BenchArticle[] {
  const random = seeded(7);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, () => {
    const company = pick(COMPANIES);
    const move = pick(MOVES);
    const day = pick(DAYS);
    const pct = (1 + random() * 9).toFixed(1);
    const analyst = pick(ANALYSTS);
    const paras = [
      `Shares in ${company} ${move} ${pct}% on ${day} after the company published its quarterly results, which analysts had expected to show steady growth in sales.`,
      `The stock ${move} in early trading in London and closed ${pct}% away from its opening price, with volumes above the average of the last month.`,
      `${analyst}, an analyst at the Market Desk, said investors were watching margins closely and that the outlook for the rest of the year remained uncertain.`,
      `${company} said it would give more details on its plans for the coming year at its annual meeting, and repeated its forecast for the full year.`,
    ];
    return { title: `${company} shares ${move} ${pct}% on ${day}`, body: toHtml(paras) };
  });
}

export function benchArticles(kind: TextKind, count: number): BenchArticle[] {
  return kind === 'templated' ? templatedArticles(count) : bbcArticles(count);
}
