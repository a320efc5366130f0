/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the admin dashboard, built CONCURRENTLY so that adding them to a busy installation never blocks the
 * pipeline's writes (hence outside a transaction).
 */
export class DashboardIndexes1765200000000 implements MigrationInterface {
  name = 'DashboardIndexes1765200000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    // The overview's time to publication reads the articles published in the last hour: without this, a scan of
    // every article ever (bench:dashboard showed it at 100k articles; it grows with the archive).
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS articles_published_updated_idx ON articles (updated_at) WHERE status = 'published'`,
    );
    // The Audit page's filter by target ("what happened to this key, article, source?"), newest first.
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS audit_log_target_idx ON audit_log (target_id, id DESC)`);
  }

  // Plain DROP INDEX: TypeORM reverts inside a transaction whatever the migration says (a revert is an offline step).
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_log_target_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_published_updated_idx`);
  }
}
