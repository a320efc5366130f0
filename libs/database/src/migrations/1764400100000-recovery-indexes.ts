/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reconciler and the retention sweep, built CONCURRENTLY so that adding them to a busy
 * installation never blocks the pipeline's writes (hence outside a transaction).
 */
export class RecoveryIndexes1764400100000 implements MigrationInterface {
  name = 'RecoveryIndexes1764400100000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    // Raw items still waiting to be processed (the reconciler's stuck-input scan); few at any time.
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS raw_items_pending_idx ON raw_items (received_at) WHERE status = 'received'`);
    // Recent kills whose announcement the reconciler checks.
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS articles_killed_at_idx ON articles (killed_at) WHERE status = 'killed'`);
    // Retention deletes raw items by age, oldest first.
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS raw_items_received_at_idx ON raw_items (received_at)`);
    // Deleting a raw item checks (and unlinks) the revisions made from it: without an index, a scan per row.
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS article_revisions_raw_item_idx ON article_revisions (raw_item_id) WHERE raw_item_id IS NOT NULL`,
    );
    // Retention deletes delivery attempts by age.
    await q.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS delivery_attempts_created_at_idx ON delivery_attempts (created_at)`);
  }

  // Plain DROP INDEX: TypeORM reverts inside a transaction whatever the migration says (a revert is an offline step).
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS delivery_attempts_created_at_idx`);
    await q.query(`DROP INDEX IF EXISTS article_revisions_raw_item_idx`);
    await q.query(`DROP INDEX IF EXISTS raw_items_received_at_idx`);
    await q.query(`DROP INDEX IF EXISTS articles_killed_at_idx`);
    await q.query(`DROP INDEX IF EXISTS raw_items_pending_idx`);
  }
}
