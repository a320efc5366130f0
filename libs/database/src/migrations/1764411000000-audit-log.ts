/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed what: one row per kill, correction, replay, re-enrichment, change to a source, subscription or key,
 * written in the transaction of the change it records. Details never hold secrets or article text.
 */
export class AuditLog1764411000000 implements MigrationInterface {
  name = 'AuditLog1764411000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_key_id uuid REFERENCES api_keys(id),
        actor text NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        correlation_id text
      )`);
    // Newest first, by id (the identity orders rows as they commit closely enough; \`at\` may tie): keyset pages.
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_key_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id DESC)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
