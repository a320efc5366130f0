/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three indexes of `articles` go. No update of an article is a HOT update (each changes an indexed column: status,
 * cluster, topics), so every write of an article (about five on its way through the pipeline) inserts into every
 * index of the table, and vacuum reads them all:
 * - `articles_status_idx` (status): `articles_status_created_idx` (status, created_at, id) serves every status
 *   condition as well (the dashboard's count by status becomes an index-only scan of it);
 * - `articles_canonical_url_idx`: no query looks an article up by its canonical URL;
 * - `articles_ts_config_idx`: the text-search configurations in use (a loose scan) are read from `article_search`
 *   instead, which holds each indexed article's configuration and is written once per text, not on every update.
 *   Its expression also ran `copydesk_ts_config` on every write of an article.
 * Built and dropped CONCURRENTLY, so a busy installation keeps writing (hence outside a transaction).
 */
export class ArticlesFewerIndexes1765420000000 implements MigrationInterface {
  name = 'ArticlesFewerIndexes1765420000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    // regconfig has no btree operator class of its own: the index is on its oid, as the one it replaces was.
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS article_search_config_idx ON article_search ((config::oid))`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS articles_ts_config_idx`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS articles_canonical_url_idx`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS articles_status_idx`);
  }

  // Plain CREATE/DROP INDEX: TypeORM reverts inside a transaction whatever the migration says (a revert is an offline
  // step).
  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS articles_status_idx ON articles (status)`);
    await q.query(`CREATE INDEX IF NOT EXISTS articles_canonical_url_idx ON articles (canonical_url)`);
    await q.query(`CREATE INDEX IF NOT EXISTS articles_ts_config_idx ON articles ((copydesk_ts_config(language)::oid))`);
    await q.query(`DROP INDEX IF EXISTS article_search_config_idx`);
  }
}
