/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A text search within a source found its matches by ANDing two bitmaps: every article of the source (a btree range,
 * ten thousand entries at 100k articles) and every match of the words in the archive (the GIN index). One GIN index
 * on (source_id, search_vector), through btree_gin, gives the source's matches alone; with no source condition it
 * serves the words as the old index did, which therefore goes (one GIN index to maintain per article, not two).
 * Built CONCURRENTLY, so a busy installation keeps writing (hence outside a transaction). btree_gin is a trusted
 * extension of PostgreSQL's contrib (the embedded server and the official images have it): the database's owner may
 * create it.
 */
export class SearchSourceVectorIndex1765400000000 implements MigrationInterface {
  name = 'SearchSourceVectorIndex1765400000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS article_search_source_vector_idx ON article_search USING gin (source_id, search_vector)`,
    );
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS article_search_vector_idx`);
  }

  // Plain CREATE/DROP INDEX: TypeORM reverts inside a transaction whatever the migration says (a revert is an offline
  // step). The extension stays: something else may use it by then, and it costs nothing unused.
  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS article_search_vector_idx ON article_search USING gin (search_vector)`);
    await q.query(`DROP INDEX IF EXISTS article_search_source_vector_idx`);
  }
}
