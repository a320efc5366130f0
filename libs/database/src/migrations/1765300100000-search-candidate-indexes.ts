/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The newest matches of a text search, within a source or across all: the GIN bitmap of the text is ANDed with the
 * source's, and the candidates are ordered by arrival. Built CONCURRENTLY so that a busy installation keeps writing
 * (hence outside a transaction).
 */
export class SearchCandidateIndexes1765300100000 implements MigrationInterface {
  name = 'SearchCandidateIndexes1765300100000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS article_search_source_created_idx ON article_search (source_id, created_at DESC, article_id DESC)`,
    );
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS article_search_created_idx ON article_search (created_at DESC, article_id DESC)`,
    );
  }

  // Plain DROP INDEX: TypeORM reverts inside a transaction whatever the migration says (a revert is an offline step).
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS article_search_created_idx`);
    await q.query(`DROP INDEX IF EXISTS article_search_source_created_idx`);
  }
}
