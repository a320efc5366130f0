import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeHtml, extractArticle, type ExtractedArticle } from '@copydesk/extraction';
import type { CliCommand, CliIo } from '../command';

/** A fetched page: raw bytes plus what the server said about them. */
export interface FetchedPage {
  readonly body: Uint8Array;
  readonly contentType?: string;
  /** The URL after redirects. */
  readonly url?: string;
}

/** How the command fetches URLs given on the command line; injected so a safer fetcher can replace it. */
export type FetchPage = (url: string) => Promise<FetchedPage>;

/** One line of output. Field names are part of the CLI's contract (scripts and the benchmark read them). */
export interface ExtractRecord {
  readonly id: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly byline: string | null;
  readonly authors: readonly string[];
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly language: string | null;
  readonly articleBody: string;
  readonly bodyHtml: string;
  readonly image: string | null;
  readonly access: ExtractedArticle['access'];
  readonly provenance: ExtractedArticle['provenance'];
  readonly isArticle: boolean;
  readonly noArticleReason: ExtractedArticle['noArticleReason'];
}

const USAGE = 'copydesk extract <file.html|dir|url>... [--url URL] [--format jsonl|json]';
const HELP = `usage: ${USAGE}

Extracts the article of each page and prints one JSON record per page on stdout
(id, url, title, byline, authors, publishedAt, modifiedAt, language, articleBody,
bodyHtml, image, access, provenance, isArticle, noArticleReason).

  <file.html>     a saved page; its id is the file name without .html/.htm
  <dir>           every *.html and *.htm below it, in name order
  <url>           an http(s) page, fetched
  --url URL       the page's address, for a single file (resolves links, dates in the path)
  --format F      jsonl (default, one record per line) or json (one array)

Progress and errors go to stderr; an unreadable input is reported and the rest go on (exit code 1 at the end).
`;

// Pages larger than this are not articles; reading stops there.
const MAX_FETCH_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;
// Progress lines on stderr for runs longer than this many pages.
const PROGRESS_EVERY = 50;

/** Fetches with Node's global fetch: http(s) only, a timeout and a size cap. */
export const fetchWithNode: FetchPage = async (url) => {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_FETCH_BYTES) throw new Error(`page larger than ${MAX_FETCH_BYTES} bytes`);
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.length > MAX_FETCH_BYTES) throw new Error(`page larger than ${MAX_FETCH_BYTES} bytes`);
  return { body, contentType: response.headers.get('content-type') ?? undefined, url: response.url || url };
};

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The page id: the file name without `.html`/`.htm`. */
export function pageId(path: string): string {
  return basename(path).replace(/\.html?$/i, '');
}

/** Every `*.html`/`*.htm` file under `dir`, sorted, without recursion on the call stack. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && /\.html?$/i.test(entry.name)) files.push(path);
    }
  }
  return files.sort();
}

/** Builds the output record from an extraction. */
export function toRecord(id: string, url: string | null, article: ExtractedArticle): ExtractRecord {
  return {
    id,
    url: url ?? article.canonicalUrl,
    title: article.title,
    byline: article.byline,
    authors: article.authors,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    language: article.language,
    articleBody: article.bodyText,
    bodyHtml: article.bodyHtml,
    image: article.image,
    access: article.access,
    provenance: article.provenance,
    isArticle: article.isArticle,
    noArticleReason: article.noArticleReason,
  };
}

interface Job {
  readonly id: string;
  readonly url: string | null;
  readonly load: () => Promise<{ html: string; url: string | null }>;
}

/** Writes and waits for the stream to drain when its buffer is full, so large runs do not pile up in memory. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}

/** `copydesk extract`: the article extractor on files, directories and URLs. */
export function createExtractCommand(fetchPage: FetchPage = fetchWithNode): CliCommand {
  return {
    name: 'extract',
    summary: 'extract articles from saved pages, directories of pages or URLs',
    usage: USAGE,
    async run(argv: string[], io: CliIo): Promise<number> {
      const options = parseExtractArgs(argv, io);
      if (typeof options === 'number') return options;
      const { jobs, failures: unreadable } = await collectJobs(options, fetchPage, io);
      const started = performance.now();
      const { written, failures } = await runJobs(jobs, options.format, io);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      io.stderr.write(`copydesk extract: ${written} page(s) extracted, ${failures + unreadable} failed, in ${seconds} s\n`);
      return failures + unreadable > 0 ? 1 : 0;
    },
  };
}

interface ExtractArgs {
  readonly inputs: readonly string[];
  readonly url: string | null;
  readonly format: 'jsonl' | 'json';
}

/** The command line read and checked, or the exit code when it says to stop (help, or a usage error). */
function parseExtractArgs(argv: string[], io: CliIo): ExtractArgs | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { url: { type: 'string' }, format: { type: 'string', default: 'jsonl' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    io.stderr.write(`copydesk extract: ${err instanceof Error ? err.message : String(err)}\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stderr.write(HELP);
    return 0;
  }
  const format = values.format;
  if (format !== 'jsonl' && format !== 'json') {
    io.stderr.write(`copydesk extract: --format must be jsonl or json, not "${format}"\n`);
    return 2;
  }
  if (positionals.length === 0) {
    io.stderr.write(HELP);
    return 2;
  }
  if (values.url !== undefined && (positionals.length !== 1 || !isHttpUrl(values.url))) {
    io.stderr.write('copydesk extract: --url takes an http(s) URL and applies to a single file\n');
    return 2;
  }
  return { inputs: positionals, url: values.url ?? null, format };
}

/** One job per URL, file, or HTML file of a directory; inputs that cannot be read are reported and counted. */
async function collectJobs(args: ExtractArgs, fetchPage: FetchPage, io: CliIo): Promise<{ jobs: Job[]; failures: number }> {
  let failures = 0;
  const jobs: Job[] = [];
  for (const input of args.inputs) {
    if (isHttpUrl(input)) {
      jobs.push({
        id: input,
        url: input,
        load: async () => {
          const page = await fetchPage(input);
          return { html: decodeHtml(page.body, page.contentType).html, url: page.url ?? input };
        },
      });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(input)).isDirectory();
    } catch (err) {
      failures++;
      io.stderr.write(`copydesk extract: cannot read ${input}: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    const files = isDirectory ? await listHtmlFiles(input) : [input];
    for (const file of files) {
      const url = args.url;
      jobs.push({ id: pageId(file), url, load: async () => ({ html: decodeHtml(await readFile(file)).html, url }) });
    }
  }
  return { jobs, failures };
}

/** Extracts each page in turn and writes its record, with progress on stderr for long runs. */
async function runJobs(jobs: readonly Job[], format: 'jsonl' | 'json', io: CliIo): Promise<{ written: number; failures: number }> {
  let written = 0;
  let failures = 0;
  if (format === 'json') await write(io.stdout, '[');
  for (const [index, job] of jobs.entries()) {
    try {
      const page = await job.load();
      const record = toRecord(job.id, page.url, extractArticle(page.html, page.url ?? undefined));
      const json = JSON.stringify(record);
      await write(io.stdout, format === 'jsonl' ? `${json}\n` : `${written === 0 ? '\n' : ',\n'}${json}`);
      written++;
    } catch (err) {
      failures++;
      io.stderr.write(`copydesk extract: ${job.id}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    if (jobs.length > PROGRESS_EVERY && (index + 1) % PROGRESS_EVERY === 0) {
      io.stderr.write(`copydesk extract: ${index + 1}/${jobs.length} pages\n`);
    }
  }
  if (format === 'json') await write(io.stdout, written === 0 ? ']\n' : '\n]\n');
  return { written, failures };
}

/** The command as registered in the CLI, fetching with Node's global fetch. */
export const extractCommand: CliCommand = createExtractCommand();
