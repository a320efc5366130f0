import type { ChildProcess } from 'node:child_process';

/**
 * Every process a test file starts is listed on the file's global object, so the test environment can stop what a
 * file left running. A stack whose start fails half-way (a health wait timing out on a loaded machine) never
 * reaches the file's afterAll, and its processes would otherwise run, and burn CPU, until jest force-exits the
 * worker at the end of the whole run.
 */
const KEY = '__copydeskChildProcesses';

type Holder = Record<typeof KEY, Set<ChildProcess> | undefined>;

/** Lists `child` for the clean-up after its test file; it leaves the list when it exits. */
export function trackChildProcess(child: ChildProcess, holder: object = globalThis): ChildProcess {
  const children = ((holder as Holder)[KEY] ??= new Set());
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** SIGKILLs the listed processes still running and waits (up to `waitMs`) for them to exit; returns their commands. */
export async function killLeftoverChildProcesses(holder: object, waitMs = 10_000): Promise<string[]> {
  const leftover = [...((holder as Holder)[KEY] ?? [])].filter(isRunning);
  const exits = leftover.map(
    (child) => new Promise<void>((resolve) => (isRunning(child) ? child.once('exit', () => resolve()) : resolve())),
  );
  for (const child of leftover) child.kill('SIGKILL');
  await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
  return leftover.map((child) => child.spawnargs.slice(-1)[0] ?? String(child.pid));
}
