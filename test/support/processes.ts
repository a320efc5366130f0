import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { trackChildProcess } from '../setup/child-processes';

export const DIST = join(__dirname, '..', '..', 'dist', 'apps');

export type AppName = 'api' | 'ingest-worker' | 'enrichment-worker' | 'publish-worker' | 'launcher';

export interface RunningApp {
  name: AppName;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Starts one compiled app as its own process, the way `npm start` and production run it. */
export function startApp(name: AppName, env: NodeJS.ProcessEnv): RunningApp {
  const child = trackChildProcess(
    spawn(process.execPath, [join(DIST, name, 'src', 'main.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `probe` until it returns something truthy; fails with the last error and `describe()` after the timeout. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; intervalMs?: number; describe?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
  throw new Error(
    `timed out${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}${options.describe ? `\n${options.describe()}` : ''}`,
  );
}

export async function waitForHealthy(baseUrl: string, app: RunningApp, timeoutMs = 90_000): Promise<void> {
  await waitFor(
    async () => {
      if (app.child.exitCode !== null) throw new Error(`${app.name} exited with ${app.child.exitCode}`);
      const response = await fetch(`${baseUrl}/health`);
      return response.status === 200;
    },
    { timeoutMs, describe: () => app.output().slice(-4000) },
  );
}
