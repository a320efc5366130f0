import { randomBytes } from 'node:crypto';
import { createDataSource, runMigrations } from '@copydesk/database';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The admin connection: DATABASE_URL when set, else the local server. */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

let interruptedBy: NodeJS.Signals | undefined;

/** The signal that stopped the bench, if one did: the errors that follow from dropping the database are noise then. */
export const interruption = (): NodeJS.Signals | undefined => interruptedBy;

/**
 * Runs `work` against a fresh, migrated database of its own (`copydesk_bench_dedup_<random>`) and drops it
 * afterwards, also when `work` throws or the process is interrupted.
 */
export async function withScratchDatabase<T>(work: (dataSource: DataSource, name: string) => Promise<T>): Promise<T> {
  const name = `copydesk_bench_dedup_${randomBytes(5).toString('hex')}`;
  const url = databaseUrl(name);
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`bench:dedup needs PostgreSQL at ${ADMIN_DATABASE_URL} (set DATABASE_URL to an admin connection)`, { cause: err });
  }
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    // FORCE: a pool connection still open (after a failure) must not keep the database alive.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    interruptedBy = signal;
    process.stderr.write(`\n${signal}: dropping ${name}\n`);
    drop()
      .catch((err: unknown) => process.stderr.write(`could not drop ${name}: ${String(err)}\n`))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let dataSource: DataSource | undefined;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const settings = { url, poolSize: 4 };
    dataSource = createDataSource(settings);
    await dataSource.initialize();
    await runMigrations(dataSource, settings);
    return await work(dataSource, name);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
    await drop();
  }
}

/** Creates the bench's sources; returns their ids by slug. */
export async function createSources(
  dataSource: DataSource,
  sources: ReadonlyArray<{ slug: string; name: string }>,
): Promise<Map<string, string>> {
  const rows: Array<{ id: string; slug: string }> = await dataSource.query(
    `INSERT INTO sources (slug, name, type) SELECT slug, name, 'page' FROM unnest($1::text[], $2::text[]) AS s(slug, name) RETURNING id, slug`,
    [sources.map((s) => s.slug), sources.map((s) => s.name)],
  );
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export interface ArticleRow {
  readonly id: string;
  readonly sourceId: string;
  readonly title: string;
  readonly bodyText: string | null;
  readonly contentHash: string;
  readonly publishedAt: Date;
}

/** The minimal `articles` row a revision has when the detector runs: extracted, revision 1, with its content hash. */
export async function insertArticle(manager: EntityManager, row: ArticleRow): Promise<void> {
  await manager.query(
    `INSERT INTO articles (id, source_id, title, body_text, status, content_hash, revision, published_at) VALUES ($1, $2, $3, $4, 'extracted', $5, 1, $6)`,
    [row.id, row.sourceId, row.title, row.bodyText, row.contentHash, row.publishedAt],
  );
}
