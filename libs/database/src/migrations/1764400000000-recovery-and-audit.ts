/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crash recovery and takedowns. The reconciler counts how often it had to drive a stuck article or raw item again
 * (so a job that kills its worker every time ends as `failed` instead of looping), and an audit trail records what
 * an administrator removed: who, when, why and how much, never the content.
 */
export class RecoveryAndAudit1764400000000 implements MigrationInterface {
  name = 'RecoveryAndAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Re-drives since the row last moved on its own (the count restarts when updated_at passes redriven_at).
    await q.query(`ALTER TABLE articles ADD COLUMN redrives integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE articles ADD COLUMN redriven_at timestamptz`);
    await q.query(`ALTER TABLE raw_items ADD COLUMN redrives integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE raw_items ADD COLUMN redriven_at timestamptz`);
    // Minimal and general on purpose (another change may add a wider audit log): what happened to what, by whom.
    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        -- The API key that acted; NULL for the installation's admin key (COPYDESK_ADMIN_KEY).
        api_key_id uuid REFERENCES api_keys(id) ON DELETE SET NULL,
        correlation_id text,
        reason text,
        -- Counts and ids only: an audit record of a takedown must not keep what was taken down.
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`ALTER TABLE raw_items DROP COLUMN redriven_at`);
    await q.query(`ALTER TABLE raw_items DROP COLUMN redrives`);
    await q.query(`ALTER TABLE articles DROP COLUMN redriven_at`);
    await q.query(`ALTER TABLE articles DROP COLUMN redrives`);
  }
}
