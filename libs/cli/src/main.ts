import type { CliCommand, CliIo } from './command';
import { extractCommand } from './commands/extract.command';
import { enrichCommand } from './commands/enrich.command';
import { ingestCommand } from './commands/ingest.command';

const commands: CliCommand[] = [enrichCommand, extractCommand, ingestCommand];

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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`copydesk: unknown command "${name}"\n`);
    usage(io);
    return 2;
  }
  return command.run(rest, io);
}
