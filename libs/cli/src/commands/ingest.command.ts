import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { WireParseResult } from '@copydesk/wire';
import type { CliCommand, CliIo } from '../command';
import { PushError, type PushTarget, pushWireFile } from './ingest-push.client';

type WireLibrary = typeof import('@copydesk/wire');

/** What the command needs from outside, injected so tests can give their own. */
export interface IngestDependencies {
  /** COPYDESK_URL and COPYDESK_API_KEY are read from here. */
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch;
  /** Loads the wire library: only this command needs it, so other commands start without it. */
  loadWire: () => Promise<WireLibrary>;
}

const USAGE = 'copydesk ingest <file|dir>... [--dry-run] [--url URL] [--key KEY] [--pretty]';
const HELP = `usage: ${USAGE}

Reads agency wire files (NewsML-G2 news items, messages and packages, NITF 3.x, ninjs 1.x-3.1; the format is
sniffed from the content) and pushes each to a running Copydesk, or parses them only.

  <file|dir>      a wire file, or every file below a directory (hidden files skipped), in name order
  --dry-run       parse only: print each text item as a JSON record on stdout (one line each)
  --url URL       the Copydesk API (default: COPYDESK_URL)
  --key KEY       an API key with the ingest role (default: COPYDESK_API_KEY)
  --pretty        indent the printed records

Pushing POSTs each file's bytes unchanged to /v1/articles with the media type of its format and prints
{file, httpStatus, id, status} per file. Progress and errors go to stderr; a file that cannot be read, parsed or
pushed is reported and the rest go on (exit code 1 at the end). Usage errors exit with 2.
`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  dryRun: boolean;
  pretty: boolean;
  target: PushTarget | null;
}

/** `copydesk ingest`: agency wire files parsed (`--dry-run`) or pushed to a Copydesk API. */
export function createIngestCommand(dependencies: Partial<IngestDependencies> = {}): CliCommand {
  const deps: IngestDependencies = {
    env: dependencies.env ?? processEnvironment(),
    fetch: dependencies.fetch ?? fetch,
    loadWire: dependencies.loadWire ?? (() => import('@copydesk/wire')),
  };
  return {
    name: 'ingest',
    summary: 'parse agency wire files (NewsML-G2, NITF, ninjs) or push them to Copydesk',
    usage: USAGE,
    async run(argv: string[], io: CliIo): Promise<number> {
      let options: Options | 'help';
      try {
        options = readOptions(argv, deps.env);
      } catch (err) {
        io.stderr.write(`copydesk ingest: ${err instanceof Error ? err.message : String(err)}\n${HELP}`);
        return 2;
      }
      if (options === 'help') {
        io.stdout.write(HELP);
        return 0;
      }
      return ingest(options, io, deps);
    },
  };
}

// The CLI is a process entry, like the launcher: its documented inputs come from the environment.
function processEnvironment(): Readonly<Record<string, string | undefined>> {
  // eslint-disable-next-line no-restricted-properties -- a CLI process reads its own environment; no AppConfig here
  return process.env;
}

export const ingestCommand = createIngestCommand();

function readOptions(argv: string[], env: IngestDependencies['env']): Options | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      url: { type: 'string' },
      key: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  if (positionals.length === 0) throw new UsageError('give at least one file or directory');
  const dryRun = values['dry-run'] === true;
  const pretty = values.pretty === true;
  if (dryRun) return { paths: positionals, dryRun, pretty, target: null };
  const url = values.url ?? env.COPYDESK_URL;
  const key = values.key ?? env.COPYDESK_API_KEY;
  if (!url) throw new UsageError('no Copydesk to push to: give --url or set COPYDESK_URL (or parse only with --dry-run)');
  if (!/^https?:\/\/[^/]/i.test(url)) throw new UsageError(`--url must be an http(s) URL, not "${url}"`);
  if (!key) throw new UsageError('no API key: give --key or set COPYDESK_API_KEY');
  return { paths: positionals, dryRun, pretty, target: { url, key } };
}

async function ingest(options: Options, io: CliIo, deps: IngestDependencies): Promise<number> {
  const wire = await deps.loadWire();
  const { files, failures: unreadable } = await listFiles(options.paths, io);
  let failures = unreadable;
  const started = performance.now();
  for (const [index, file] of files.entries()) {
    const progress = `[${index + 1}/${files.length}] ${file}`;
    try {
      const bytes = await readBounded(file, wire.DEFAULT_WIRE_LIMITS.maxBytes);
      const result = wire.parseWire(bytes);
      if (options.target) {
        const receipt = await pushWireFile(options.target, bytes, result.mediaType, deps.fetch);
        await write(io.stdout, record({ file, ...receipt }, options.pretty));
        io.stderr.write(`${progress}: ${result.mediaType} pushed, article ${receipt.id ?? '?'} ${receipt.status ?? ''}\n`);
      } else {
        for (const article of result.articles) await write(io.stdout, record({ file, ...article }, options.pretty));
        io.stderr.write(`${progress}: ${describe(result)}\n`);
      }
    } catch (err) {
      failures++;
      io.stderr.write(`${progress}: ${messageOf(err)}\n`);
      if (err instanceof PushError && err.unreachable) {
        io.stderr.write(`copydesk ingest: stopped after ${index + 1} of ${files.length} files\n`);
        return 1;
      }
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stderr.write(
    `copydesk ingest: ${files.length - (failures - unreadable)} of ${files.length} files ${options.target ? 'pushed' : 'read'} in ${seconds}s\n`,
  );
  return failures > 0 ? 1 : 0;
}

/** Every regular file named or below a named directory (hidden ones skipped), sorted; unreadable paths reported. */
async function listFiles(paths: string[], io: CliIo): Promise<{ files: string[]; failures: number }> {
  const files: string[] = [];
  let failures = 0;
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) files.push(...(await walk(path)));
      else files.push(path);
    } catch (err) {
      failures++;
      io.stderr.write(`copydesk ingest: cannot read ${path}: ${messageOf(err)}\n`);
    }
  }
  return { files, failures };
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) found.push(path);
    }
  }
  return found.sort();
}

/** The size is checked before reading: a wrong file in a drop folder must not be loaded whole. */
async function readBounded(file: string, maxBytes: number): Promise<Buffer> {
  const { size } = await stat(file);
  if (size > maxBytes) throw new Error(`the file is larger than ${maxBytes} bytes (${size})`);
  return readFile(file);
}

function describe(result: WireParseResult): string {
  const parts = [`${result.format}${result.formatVersion ? ` ${result.formatVersion}` : ''}`, plural(result.articles.length, 'article')];
  if (result.others.length > 0)
    parts.push(`${plural(result.others.length, 'other item')} (${result.others.map((o) => o.itemClass ?? '?').join(', ')})`);
  if (result.references.length > 0) parts.push(plural(result.references.length, 'reference'));
  return parts.join(', ') + result.issues.map((issue) => `; ${issue}`).join('');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function record(value: object, pretty: boolean): string {
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}

function messageOf(err: unknown): string {
  // Not `instanceof Error`: errors of node:fs come from another realm under jest.
  return typeof err === 'object' && err !== null && typeof (err as Error).message === 'string' ? (err as Error).message : String(err);
}

/** Waits for the stream to drain when its buffer is full, so large runs do not pile up in memory. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once('drain', () => resolve());
  });
}
