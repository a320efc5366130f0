import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './postgres-binaries';

const run = promisify(execFile);

/** The unprivileged user PostgreSQL runs as when Copydesk is started by root. */
export interface ServerAccount {
  name: string;
  uid: number;
  gid: number;
}

const ACCOUNT = 'postgres';

async function lookup(name: string): Promise<ServerAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL refuses to run as root. Under root (containers, CI) its processes run as the `postgres` user, which is
 * created when missing; under any other user they run as that user and no account is needed.
 */
export async function serverAccount(): Promise<ServerAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookup(ACCOUNT);
  if (existing) return existing;
  try {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', ACCOUNT]);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `PostgreSQL cannot run as root and there is no '${ACCOUNT}' user to run it as; creating one failed ` +
        `(${err instanceof Error ? err.message : String(err)}). Create it (useradd --system --user-group ${ACCOUNT}), ` +
        'run npm start as an ordinary user, or set DATABASE_URL.',
    );
  }
  const created = await lookup(ACCOUNT);
  if (!created) throw new EmbeddedPostgresError(`created the '${ACCOUNT}' user but cannot look it up`);
  return created;
}

/**
 * The first folder on the way to `path` that `account` may not enter, if any. A checkout under /root (mode 700) is
 * the usual case: the postgres user can reach neither the binaries in node_modules nor the data folder there.
 */
export function unreachableFolder(path: string, account: ServerAccount): string | undefined {
  let dir = resolve(path);
  const chain: string[] = [];
  for (;;) {
    chain.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const folder of chain) {
    let stat;
    try {
      stat = statSync(folder);
    } catch {
      return undefined; // not created yet: it will be created for the account
    }
    const bits = stat.uid === account.uid ? 0o100 : stat.gid === account.gid ? 0o010 : 0o001;
    if ((stat.mode & bits) === 0) return folder;
  }
  return undefined;
}
