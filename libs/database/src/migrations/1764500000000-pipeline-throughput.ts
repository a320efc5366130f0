/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

const VECTOR_OF_NEW = `setweight(to_tsvector(copydesk_ts_config(NEW.language), coalesce(NEW.title, '')), 'A') ||
  setweight(to_tsvector(copydesk_ts_config(NEW.language), coalesce(NEW.body_text, '')), 'B')`;

/**
 * Throughput: an article's text is indexed for search once per revision, and nothing else rewrites that index.
 *
 * - The search vector moves out of `articles` into `article_search`. As a generated column of `articles` with a GIN
 *   index, every UPDATE that moved an article on (status, cluster, routing: each changes an indexed column, so none
 *   is a HOT update) re-inserted all of its text's lexemes into the GIN index, three or four times per article.
 * - A trigger keeps `article_search`: it indexes a revision when its text or language changes. A revision whose
 *   language is unknown waits for its enrichment, which detects the language: indexing it first in the neutral
 *   configuration would only be redone a moment later. Until then a new article is not found by text search (and a
 *   new revision is found by its previous text), for the time enrichment takes.
 * - `enriched_at`: when the current enrichment was stored, set by the enrichment's own UPDATE (no extra statement).
 */
export class PipelineThroughput1764500000000 implements MigrationInterface {
  name = 'PipelineThroughput1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles ADD COLUMN enriched_at timestamptz`);
    await q.query(`
      CREATE TABLE article_search (
        article_id uuid PRIMARY KEY REFERENCES articles(id),
        search_vector tsvector NOT NULL
      )`);
    await q.query(
      `INSERT INTO article_search (article_id, search_vector) SELECT id, search_vector FROM articles WHERE title IS NOT NULL OR body_text IS NOT NULL`,
    );
    await q.query(`CREATE INDEX article_search_vector_idx ON article_search USING gin (search_vector)`);
    await q.query(`DROP INDEX articles_search_vector_idx`);
    await q.query(`ALTER TABLE articles DROP COLUMN search_vector`);
    await q.query(`
      CREATE FUNCTION copydesk_index_article_text() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Nothing to index yet (an article allocated before its first input is read).
        IF NEW.title IS NULL AND NEW.body_text IS NULL THEN RETURN NULL; END IF;
        -- Language unknown until this revision's enrichment: it indexes the text then.
        IF NEW.language IS NULL AND NEW.revision > 0 AND NEW.enriched_revision IS DISTINCT FROM NEW.revision THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.body_text IS DISTINCT FROM OLD.body_text
           OR NEW.language IS DISTINCT FROM OLD.language
           -- The enrichment of a revision that waited for its language, which stayed unknown.
           OR (OLD.language IS NULL AND NEW.enriched_revision IS DISTINCT FROM OLD.enriched_revision) THEN
          INSERT INTO article_search (article_id, search_vector) VALUES (NEW.id, ${VECTOR_OF_NEW})
          ON CONFLICT (article_id) DO UPDATE SET search_vector = EXCLUDED.search_vector;
        END IF;
        RETURN NULL;
      END $$`);
    // Only statements that name these columns run it: status changes, clustering and routing never do.
    await q.query(`
      CREATE TRIGGER articles_index_text AFTER INSERT OR UPDATE OF title, body_text, language, enriched_revision ON articles
      FOR EACH ROW EXECUTE FUNCTION copydesk_index_article_text()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER articles_index_text ON articles`);
    await q.query(`DROP FUNCTION copydesk_index_article_text()`);
    await q.query(`
      ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(copydesk_ts_config(language), coalesce(title, '')), 'A') ||
        setweight(to_tsvector(copydesk_ts_config(language), coalesce(body_text, '')), 'B')
      ) STORED`);
    await q.query(`CREATE INDEX articles_search_vector_idx ON articles USING gin (search_vector)`);
    await q.query(`DROP TABLE article_search`);
    await q.query(`ALTER TABLE articles DROP COLUMN enriched_at`);
  }
}
