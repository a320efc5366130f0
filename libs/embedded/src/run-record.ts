import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { runs, terminate } from './process-table';

export interface RecordedProcess {
  name: string;
  pid: number;
  /** A string of its command line, so a recycled pid is never mistaken for it. */
  commandLine: string;
}

interface RunRecordContent {
  launcher: { pid: number; commandLine: string };
  processes: RecordedProcess[];
}

export class AlreadyRunningError extends Error {
  constructor(pid: number, dataDir: string) {
    super(`Copydesk is already running on ${dataDir} (launcher pid ${pid}). Stop it first (Ctrl-C, or kill ${pid}).`);
    this.name = 'AlreadyRunningError';
  }
}

/**
 * `<dataDir>/run.json`: the launcher and the processes it started (apps, redis-server). A launcher killed with
 * SIGKILL cannot stop its children; the next `npm start` reads this record and stops what is still running before it
 * starts anything, so a crash never needs manual cleanup. PostgreSQL keeps its own record (postmaster.pid).
 */
export class RunRecord {
  private readonly path: string;
  private content: RunRecordContent;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'run.json');
    // The script as started may be relative (`node dist/...` from npm start): match on its tail only.
    const script = (process.argv[1] ?? 'node').split(sep).slice(-3).join(sep);
    this.content = { launcher: { pid: process.pid, commandLine: script }, processes: [] };
  }

  /** Refuses when another launcher runs on this folder; stops whatever a dead one left behind. */
  async claim(say: (line: string) => void): Promise<void> {
    const previous = this.read();
    if (previous) {
      const { pid, commandLine } = previous.launcher;
      if (pid !== process.pid && runs(pid, commandLine)) throw new AlreadyRunningError(pid, this.dataDir);
      for (const leftover of previous.processes) {
        if (!runs(leftover.pid, leftover.commandLine)) continue;
        say(`${leftover.name} (pid ${leftover.pid}) was left running by a launcher that did not stop: stopping it`);
        await terminate(leftover.pid);
      }
    }
    this.save();
  }

  add(process: RecordedProcess): void {
    this.content.processes.push(process);
    this.save();
  }

  /** After a clean stop nothing is left to clean up. */
  release(): void {
    rmSync(this.path, { force: true });
  }

  private read(): RunRecordContent | undefined {
    if (!existsSync(this.path)) return undefined;
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as RunRecordContent;
    } catch {
      return undefined; // torn write during a crash: nothing trustworthy to stop
    }
  }

  private save(): void {
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(this.path, `${JSON.stringify(this.content, null, 2)}\n`);
  }
}
