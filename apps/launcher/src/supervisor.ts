import type { RecordedProcess } from '@copydesk/embedded';
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessSpec {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
}

const COLORS = [36, 33, 35, 32, 34];

/**
 * Runs the Copydesk processes as children, prefixes their output with their name, and stops them together:
 * SIGTERM first (workers finish their in-flight job), SIGKILL after a grace period. Each child holds an IPC channel
 * to the launcher; if the launcher dies without stopping them (SIGKILL), the channel closes and they stop themselves.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly onUnexpectedExit: (name: string, code: number | null, signal: NodeJS.Signals | null) => void,
    private readonly color = process.stdout.isTTY === true,
  ) {}

  /** Starts every process; returns what to record so a later launcher can stop them if this one is killed. */
  start(specs: ProcessSpec[]): RecordedProcess[] {
    const width = Math.max(...specs.map((s) => s.name.length));
    return specs.map((spec, i) => {
      const child = spawn(process.execPath, [spec.script], { env: spec.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      const label = spec.name.padEnd(width);
      const prefix = this.color ? `\x1b[${COLORS[i % COLORS.length]}m${label}\x1b[0m | ` : `${label} | `;
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        if (stream) createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
      }
      child.on('exit', (code, signal) => {
        this.children.delete(spec.name);
        if (!this.stopping) this.onUnexpectedExit(spec.name, code, signal);
      });
      this.children.set(spec.name, child);
      return { name: spec.name, pid: child.pid ?? 0, commandLine: spec.script };
    });
  }

  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}
