/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MinHash band index loses its foreign key to `article_fingerprints`. An article's bands (about 32) are written in
 * the same statement as its fingerprint (RelationRepository.saveFingerprints), and every band lookup joins the
 * fingerprints, so the key guarded nothing a reader could see; it cost a check per band row, 32 of the ~55 statements
 * PostgreSQL ran inside each article's writes (bench:pipeline, pg_stat_statements). Deleting a fingerprint (a
 * takedown) now deletes its bands explicitly, as the cascade did.
 */
export class MinhashBandsWithoutForeignKey1765410000000 implements MigrationInterface {
  name = 'MinhashBandsWithoutForeignKey1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE article_minhash_bands DROP CONSTRAINT IF EXISTS article_minhash_bands_article_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM article_minhash_bands b WHERE NOT EXISTS (SELECT 1 FROM article_fingerprints f WHERE f.article_id = b.article_id)`,
    );
    await q.query(
      `ALTER TABLE article_minhash_bands ADD CONSTRAINT article_minhash_bands_article_id_fkey
         FOREIGN KEY (article_id) REFERENCES article_fingerprints(article_id) ON DELETE CASCADE`,
    );
  }
}
