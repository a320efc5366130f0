/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editors' topic and entity corrections, kept apart from the machine's enrichment: every correction is a row (who,
 * when, on which revision), the latest of each kind is in force and is merged into every later enrichment of the
 * article, and confirmed topics are training data.
 */
export class EditorialCorrections1764330000000 implements MigrationInterface {
  name = 'EditorialCorrections1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE editorial_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Which correction is the latest: a sequence, not created_at, which two transactions can take out of order.
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        article_id uuid NOT NULL REFERENCES articles(id),
        kind text NOT NULL CHECK (kind IN ('topics', 'entities')),
        -- topics: IPTC Media Topic qcodes in the editor's order, checked against scheme_version.
        topics text[],
        -- entities: {"people"?: [names], "organisations"?: [...], "places"?: [...]}; a kind left out stays the machine's.
        entities jsonb,
        scheme_version text,
        -- The article's revision the editor saw.
        article_revision integer NOT NULL,
        -- The API key that made it; NULL for the installation's admin key (COPYDESK_ADMIN_KEY).
        api_key_id uuid REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'topics') = (topics IS NOT NULL)),
        CHECK ((kind = 'entities') = (entities IS NOT NULL))
      )`);
    // The corrections in force for an article (latest per kind), and the training-data export by article id.
    await q.query(`CREATE INDEX editorial_corrections_article_kind_seq_idx ON editorial_corrections (article_id, kind, seq DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE editorial_corrections`);
  }
}
