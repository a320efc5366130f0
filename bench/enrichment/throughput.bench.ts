import { enrichArticle } from '@copydesk/enrichment';
import { readJsonLines, sharedPath } from './shared-data.util';

/** Throughput of enrichArticle with every enricher on. */
export interface ThroughputScore {
  articles: number;
  wordsPerArticle: number;
  articlesPerSecond: number;
  /** Articles per second of CPU time used by this process: what one core sustains when other work shares it. */
  articlesPerCpuSecond: number;
}

/**
 * Enriches 800-word articles (BBC bodies joined and cut to that length) in one thread, after a warm-up, and
 * reports articles per second of wall time and of CPU time.
 */
export function benchThroughput(count = 400, words = 800): ThroughputScore {
  const rows = readJsonLines<{ id: string; title: string; body: string }>(sharedPath('nlp', 'bbc-news', 'train.jsonl'));
  const articles: { title: string; bodyText: string }[] = [];
  let i = 0;
  while (articles.length < count) {
    const parts: string[] = [];
    let n = 0;
    const title = rows[i % rows.length].title;
    while (n < words) {
      const body = rows[i++ % rows.length].body;
      parts.push(body);
      n += body.split(/\s+/).length;
    }
    articles.push({ title, bodyText: truncateWords(parts.join('\n\n'), words) });
  }
  for (const a of articles.slice(0, 50)) enrichArticle(a);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (const a of articles) enrichArticle(a);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    articles: articles.length,
    wordsPerArticle: words,
    articlesPerSecond: articles.length / seconds,
    articlesPerCpuSecond: articles.length / ((used.user + used.system) / 1e6),
  };
}

function truncateWords(text: string, words: number): string {
  let count = 0;
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (++count === words) return text.slice(0, m.index + m[0].length);
  return text;
}
