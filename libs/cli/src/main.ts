import type { CliCommand, CliIo } from './command';

type EnrichModule = typeof import('./commands/enrich.command');
type ExtractModule = typeof import('./commands/extract.command');
type IngestModule = typeof import('./commands/ingest.command');

/** A command as `usage` lists it; its module (and what that module imports) loads only when it runs. */
interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): CliCommand;
}

// Loaded on demand: `copydesk extract` must not pay for the topic model and NLP libraries `enrich` brings in.
const commands: readonly CommandEntry[] = [
  {
    name: 'enrich',
    summary: 'enrich articles: language, topics, entities, keywords, type, quotes, summary',
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS require is what defers the load
    load: () => (require('./commands/enrich.command') as EnrichModule).enrichCommand,
  },
  {
    name: 'extract',
    summary: 'extract articles from saved pages, directories of pages or URLs',
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS require is what defers the load
    load: () => (require('./commands/extract.command') as ExtractModule).extractCommand,
  },
  {
    name: 'ingest',
    summary: 'parse agency wire files (NewsML-G2, NITF, ninjs) or push them to Copydesk',
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS require is what defers the load
    load: () => (require('./commands/ingest.command') as IngestModule).ingestCommand,
  },
];

function usage(io: CliIo): void {
  io.stderr.write('usage: copydesk <command> [options]\n\ncommands:\n');
  for (const command of commands) io.stderr.write(`  ${command.name.padEnd(10)} ${command.summary}\n`);
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    usage(io);
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`copydesk: unknown command "${name}"\n`);
    usage(io);
    return 2;
  }
  return entry.load().run(rest, io);
}
