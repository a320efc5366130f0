/** A CLI command: gets its own arguments (after the command name), writes records to stdout, returns an exit code. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** The streams a command writes to; injected so commands can be tested without a child process. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}
