/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The foreign keys this migration drops: table, constraint, column, parent. */
const DROPPED = [
  ['article_entity_keys', 'article_entity_keys_article_id_fkey', 'article_id', 'articles'],
  ['article_fingerprints', 'article_fingerprints_article_id_fkey', 'article_id', 'articles'],
  ['article_fingerprints', 'article_fingerprints_source_id_fkey', 'source_id', 'sources'],
  ['article_relations', 'article_relations_article_id_fkey', 'article_id', 'articles'],
  ['article_relations', 'article_relations_related_article_id_fkey', 'related_article_id', 'articles'],
  ['article_search', 'article_search_article_id_fkey', 'article_id', 'articles'],
] as const;

/**
 * The lookup tables derived from an article lose their foreign keys: the salient-entity index (`article_entity_keys`),
 * the duplicate index (`article_fingerprints`), the near-duplicate graph (`article_relations`) and the search index
 * (`article_search`, written by the trigger on `articles` itself). Each check is a `SELECT ... FOR KEY SHARE` on the
 * parent per child row, and it locks the parent row (a locked row is a page written and WAL). bench:pipeline counted
 * 19.5 checks per article (pg_stat_statements files every foreign-key check under the text of the first one it saw,
 * which was the one on `sources`); these tables made 11.6 of them, 7.4 the entity keys alone. Inserting 7,000 entity
 * keys took 100-138 ms with the key and 46-53 ms without (PostgreSQL 15).
 *
 * Nothing deletes a parent these keys could protect: articles are never deleted (a takedown keeps a tombstone and
 * deletes these rows itself, TakedownRepository) and neither are sources. Every row here is written for an article
 * that exists: in the transaction that writes the article (fingerprints, relations, the search trigger) or by the
 * cluster job, which reads the article first. The records keep their keys: raw items, revisions, deliveries and their
 * attempts, and `articles.source_id`, where a wrong id would be stored truth.
 */
export class DerivedTablesWithoutForeignKeys1765510000000 implements MigrationInterface {
  name = 'DerivedTablesWithoutForeignKeys1765510000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of DROPPED) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint, column, parent] of DROPPED) {
      await q.query(`DELETE FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = t.${column})`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${constraint} FOREIGN KEY (${column}) REFERENCES ${parent}(id)`);
    }
  }
}
