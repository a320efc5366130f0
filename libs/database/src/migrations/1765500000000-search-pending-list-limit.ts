/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index's pending list (GIN fastupdate: new texts are appended there and merged into the index in bulk)
 * may hold 1 MB instead of the server's default 4 MB. Every text search reads the whole pending list, and with steady
 * ingestion it is rarely empty: at 100k articles, with 2,000 articles inserted one by one, a search read 247 index
 * buffers on average against 28 with the list empty; with 1 MB, 87 (two runs alike). The insert latency did not
 * change measurably on a loaded machine (20.3 against 20.4 ms, 25.8 against 21.7 ms per article in two runs), and
 * the longest single insert (the one that merges the list) fell from about 1 s to 0.4-0.7 s; the WAL written per
 * article rose (31-42 to 60-79 kB: the merges touch the index's pages more often). fastupdate off left no pending
 * list at all (28 buffers) but wrote 194 kB of WAL per article; 256 kB wrote 280 kB. Only this index: others keep the
 * server's setting.
 */
export class SearchPendingListLimit1765500000000 implements MigrationInterface {
  name = 'SearchPendingListLimit1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // In kB. A storage parameter: no rebuild, the next insert sees it.
    await q.query(`ALTER INDEX article_search_source_vector_idx SET (gin_pending_list_limit = 1024)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX article_search_source_vector_idx RESET (gin_pending_list_limit)`);
  }
}
