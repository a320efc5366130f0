/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency wire copy keeps every version it was sent. An older version of an item that arrives after a newer one is
 * stored as history: a revision row marked `superseded`, at the article's revision of the time, that never became
 * the article's content. `agency_version` is the agency's own version number of the input a row came from.
 * One current row per revision still holds (a partial unique index in place of the plain unique constraint).
 */
export class WireRevisions1765170000000 implements MigrationInterface {
  name = 'WireRevisions1765170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE article_revisions ADD COLUMN superseded boolean NOT NULL DEFAULT false, ADD COLUMN agency_version integer`);
    await q.query(`CREATE UNIQUE INDEX article_revisions_current_key ON article_revisions (article_id, revision) WHERE NOT superseded`);
    await q.query(`ALTER TABLE article_revisions DROP CONSTRAINT article_revisions_article_id_revision_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM article_revisions WHERE superseded`);
    await q.query(`ALTER TABLE article_revisions ADD CONSTRAINT article_revisions_article_id_revision_key UNIQUE (article_id, revision)`);
    await q.query(`DROP INDEX article_revisions_current_key`);
    await q.query(`ALTER TABLE article_revisions DROP COLUMN superseded, DROP COLUMN agency_version`);
  }
}
