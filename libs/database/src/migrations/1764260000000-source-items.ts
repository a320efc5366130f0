/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each feed last said about each of its items, so a poll turns only new or changed items into work. */
export class SourceItems1764260000000 implements MigrationInterface {
  name = 'SourceItems1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE source_items (
        source_id uuid NOT NULL REFERENCES sources(id),
        item_key text NOT NULL,
        fingerprint text NOT NULL,
        article_id uuid REFERENCES articles(id),
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, item_key)
      )`);
    // Where pages scraped on request land when the call names no source.
    await q.query(`INSERT INTO sources (slug, name, type) VALUES ('web', 'Web pages', 'page') ON CONFLICT (slug) DO NOTHING`);
    // The feed document a poll fetched, when it changed: the raw input its items came from.
    await q.query(`CREATE INDEX raw_items_source_received_idx ON raw_items (source_id, received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX raw_items_source_received_idx`);
    await q.query(`DROP TABLE source_items`);
    await q.query(`DELETE FROM sources WHERE slug = 'web' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.source_id = sources.id)`);
  }
}
