import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time and memory of processes, read from Linux's /proc: a run's cost in CPU-seconds whatever else the machine
 * is doing, where wall-clock rates depend on the neighbours.
 */

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface Stat {
  ppid: number;
  /** utime + stime, seconds. */
  own: number;
  /** cutime + cstime: children that exited and were waited for, seconds. */
  children: number;
}

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const tick = clockTicks();
    return {
      ppid: Number(fields[1]),
      own: (Number(fields[11]) + Number(fields[12])) / tick,
      children: (Number(fields[13]) + Number(fields[14])) / tick,
    };
  } catch {
    return null;
  }
}

/** Resident memory now and at its peak (VmHWM), in MB; null once the process is gone. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid === parent) found.push(Number(entry));
  }
  return found;
}

/** A process to account for: one pid, or a server and its children (PostgreSQL's postmaster and backends). */
export interface Tracked {
  name: string;
  pid: number;
  withChildren?: boolean;
}

/**
 * CPU seconds so far: the process's own time, plus for a server with children both its live children's time and
 * what its exited children left in its cutime/cstime (PostgreSQL backends that ended).
 */
export function cpuSeconds(tracked: Tracked): number {
  const stat = readStat(tracked.pid);
  if (!stat) return 0;
  if (!tracked.withChildren) return stat.own;
  return stat.own + stat.children + childrenOf(tracked.pid).reduce((sum, pid) => sum + (readStat(pid)?.own ?? 0), 0);
}

/** CPU seconds of this very process (the load generator), threads included. */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Machine-wide busy share of all cores between two readings of /proc/stat. */
export function machineBusy(): () => number {
  const read = (): { busy: number; total: number } => {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const values = cpu.trim().split(/\s+/).slice(1).map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  };
  const start = read();
  return () => {
    const end = read();
    return (end.busy - start.busy) / Math.max(1, end.total - start.total);
  };
}

/** 1-minute load average and the number of cores, to say how busy the machine was. */
export function loadAverage(): { load1: number; cores: number } {
  const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  const cores = readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('processor')).length;
  return { load1: Number(load1), cores };
}

/** CPU of each tracked process between start() and stop(), and the peak RSS sampled meanwhile. */
export class UsageMeter {
  private readonly before = new Map<string, number>();
  private readonly peakRss = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly tracked: Tracked[]) {}

  start(sampleMs = 500): void {
    for (const t of this.tracked) this.before.set(t.name, cpuSeconds(t));
    this.sample();
    this.timer = setInterval(() => this.sample(), sampleMs);
  }

  private sample(): void {
    for (const t of this.tracked) {
      const rss = t.withChildren ? null : memoryOf(t.pid);
      if (rss) this.peakRss.set(t.name, Math.max(this.peakRss.get(t.name) ?? 0, rss.rssMb));
    }
  }

  /** CPU seconds per process since start(), and the peak RSS seen (MB; not sampled for servers with children). */
  stop(): Array<{ name: string; cpuSeconds: number; peakRssMb: number | null }> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.tracked.map((t) => ({
      name: t.name,
      cpuSeconds: cpuSeconds(t) - (this.before.get(t.name) ?? 0),
      peakRssMb: this.peakRss.get(t.name) ?? null,
    }));
  }
}
