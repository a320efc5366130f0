import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { enrichArticle, jsonLdArticleTypes, type Enrichment, type EnrichmentInput } from '@copydesk/enrichment';
import { htmlToText, looksLikeHtml } from '@copydesk/normalize';
import { extractArticle } from '@copydesk/extraction';
import type { CliCommand, CliIo } from '../command';

/** An article given as JSON: body as plain text or HTML. */
interface ArticleJson {
  id?: string | number;
  title?: string;
  body?: string;
  bodyText?: string;
  bodyHtml?: string;
  url?: string;
  language?: string;
  section?: string;
  byline?: string;
}

/** What `copydesk enrich` prints for each input: its id, what was extracted, and the enrichment. */
interface EnrichRecord extends Enrichment {
  id: string;
  title: string;
  url: string | null;
  extraction?: {
    isArticle: boolean;
    noArticleReason: string | null;
    byline: string | null;
    section: string | null;
    publishedAt: string | null;
    language: string | null;
    jsonLdTypes: string[];
  };
}

interface Input {
  id: string;
  load: () => { article: EnrichmentInput; extraction?: EnrichRecord['extraction'] };
}

const USAGE = 'copydesk enrich <file.html|file.json|dir>... [--jsonl FILE|-] [--pretty]';

/**
 * `copydesk enrich`: prints extraction plus enrichment as JSON, one record per input (JSON Lines).
 * An .html file is a whole page and is extracted first; a .json file (or each line of --jsonl, `-` for stdin)
 * is an article `{id?, title, body, url?}` whose body is plain text or HTML.
 */
export const enrichCommand: CliCommand = {
  name: 'enrich',
  summary: 'enrich articles: language, topics, entities, keywords, type, quotes, summary',
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const inputs: Input[] = [];
    let pretty = false;
    try {
      for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h') {
          io.stdout.write(`usage: ${USAGE}\n`);
          return 0;
        } else if (arg === '--pretty') pretty = true;
        else if (arg === '--jsonl') {
          const file = argv[++i];
          if (!file) throw new UsageError('--jsonl needs a file name or -');
          inputs.push(...jsonLinesInputs(file === '-' ? await readStdin() : readFileSync(file, 'utf8'), file === '-' ? 'stdin' : file));
        } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        else inputs.push(...pathInputs(arg));
      }
    } catch (err) {
      io.stderr.write(`copydesk enrich: ${err instanceof Error ? err.message : String(err)}\nusage: ${USAGE}\n`);
      return 2;
    }
    if (inputs.length === 0) {
      io.stderr.write(`usage: ${USAGE}\n`);
      return 2;
    }
    let failures = 0;
    for (const input of inputs) {
      try {
        const { article, extraction } = input.load();
        const record: EnrichRecord = {
          id: input.id,
          title: article.title,
          url: article.url ?? null,
          ...(extraction ? { extraction } : {}),
          ...enrichArticle(article),
        };
        io.stdout.write(`${JSON.stringify(record, null, pretty ? 2 : undefined)}\n`);
      } catch (err) {
        failures++;
        io.stderr.write(`copydesk enrich: ${input.id}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    return failures ? 1 : 0;
  },
};

class UsageError extends Error {}

function pathInputs(path: string): Input[] {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    return readdirSync(path)
      .filter((f) => /\.(?:html?|json)$/i.test(f))
      .sort()
      .flatMap((f) => pathInputs(join(path, f)));
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return [{ id: basename(path, extname(path)), load: () => fromHtml(readFileSync(path, 'utf8')) }];
  if (ext === '.json') {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ArticleJson | ArticleJson[];
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.map((a, i) => ({
      id: String(a.id ?? (list.length > 1 ? `${basename(path, ext)}#${i + 1}` : basename(path, ext))),
      load: () => ({ article: fromJson(a) }),
    }));
  }
  throw new UsageError(`${path}: expected .html, .json or a folder`);
}

function jsonLinesInputs(text: string, source: string): Input[] {
  return text
    .split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim())
    .map(([line, i]) => {
      let article: ArticleJson;
      try {
        article = JSON.parse(line) as ArticleJson;
      } catch {
        return {
          id: `${source}:${i + 1}`,
          load: () => {
            throw new Error('not valid JSON');
          },
        };
      }
      return { id: String(article.id ?? `${source}:${i + 1}`), load: () => ({ article: fromJson(article) }) };
    });
}

function fromJson(a: ArticleJson): EnrichmentInput {
  const body = a.bodyText ?? a.body ?? '';
  const html = a.bodyHtml ?? (looksLikeHtml(body) ? body : undefined);
  if (!a.title && !body && !html) throw new Error('an article needs a title or a body');
  return {
    title: a.title ?? '',
    bodyText: html && !a.bodyText ? htmlToText(html) : body,
    bodyHtml: html,
    url: a.url,
    language: a.language,
    section: a.section,
    byline: a.byline,
  };
}

function fromHtml(html: string): { article: EnrichmentInput; extraction: EnrichRecord['extraction'] } {
  const page = extractArticle(html);
  const jsonLdTypes = jsonLdArticleTypes(html);
  return {
    article: {
      title: page.title ?? '',
      bodyText: page.bodyText,
      bodyHtml: page.bodyHtml,
      url: page.canonicalUrl ?? undefined,
      language: page.language ?? undefined,
      jsonLdType: jsonLdTypes,
      section: page.section ?? undefined,
      byline: page.byline ?? undefined,
    },
    extraction: {
      isArticle: page.isArticle,
      noArticleReason: page.noArticleReason,
      byline: page.byline,
      section: page.section,
      publishedAt: page.publishedAt,
      language: page.language,
      jsonLdTypes,
    },
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
