/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Near-duplicate index, article relations and story clusters. */
export class Relations1764265000000 implements MigrationInterface {
  name = 'Relations1764265000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per article (its latest revision): the MinHash signature, and the number of distinct shingles it was
    // taken over (to estimate how much of one text lies inside another).
    await q.query(`
      CREATE TABLE article_fingerprints (
        article_id uuid PRIMARY KEY REFERENCES articles(id),
        source_id uuid NOT NULL REFERENCES sources(id),
        revision integer NOT NULL,
        minhash bytea NOT NULL,
        shingle_count integer NOT NULL,
        title text NOT NULL,
        published_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The LSH index: one row per band key. A b-tree lookup per key touches only articles sharing a band, however
    // many millions are stored. (A GIN index on an int[] of keys was measured: every key is unique, so the planner
    // has no statistics, estimates 15 % of the table per lookup and scans it all: 370 ms at 100k articles.)
    await q.query(`
      CREATE TABLE article_minhash_bands (
        band_key integer NOT NULL,
        article_id uuid NOT NULL REFERENCES article_fingerprints(article_id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_id)
      )`);
    await q.query(`CREATE INDEX article_minhash_bands_article_idx ON article_minhash_bands (article_id)`);

    // How an article relates to an earlier one. Stored from the later article's side; read in both directions.
    await q.query(`
      CREATE TABLE article_relations (
        article_id uuid NOT NULL REFERENCES articles(id),
        related_article_id uuid NOT NULL REFERENCES articles(id),
        relation text NOT NULL,
        similarity real NOT NULL,
        title_similarity real NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, related_article_id),
        CHECK (article_id <> related_article_id)
      )`);
    await q.query(`CREATE INDEX article_relations_related_idx ON article_relations (related_article_id)`);

    await q.query(`
      CREATE TABLE story_clusters (
        id uuid PRIMARY KEY,
        title text,
        article_count integer NOT NULL DEFAULT 0,
        first_published_at timestamptz,
        last_published_at timestamptz,
        -- When two clusters turn out to be one story, the younger points at the older, so its id still resolves.
        merged_into uuid REFERENCES story_clusters(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE articles ADD COLUMN cluster_id uuid REFERENCES story_clusters(id)`);
    await q.query(`CREATE INDEX articles_cluster_idx ON articles (cluster_id)`);
    // Salient entities per article, for "shares people, organisations or places within a time window" lookups.
    await q.query(`
      CREATE TABLE article_entity_keys (
        article_id uuid NOT NULL REFERENCES articles(id),
        entity_key text NOT NULL,
        published_at timestamptz NOT NULL,
        PRIMARY KEY (article_id, entity_key)
      )`);
    await q.query(`CREATE INDEX article_entity_keys_key_idx ON article_entity_keys (entity_key, published_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE article_entity_keys`);
    await q.query(`DROP INDEX articles_cluster_idx`);
    await q.query(`ALTER TABLE articles DROP COLUMN cluster_id`);
    await q.query(`DROP TABLE story_clusters`);
    await q.query(`DROP TABLE article_relations`);
    await q.query(`DROP TABLE article_minhash_bands`);
    await q.query(`DROP TABLE article_fingerprints`);
  }
}
