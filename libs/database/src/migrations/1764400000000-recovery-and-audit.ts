/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crash recovery. The reconciler counts how often it had to drive a stuck article or raw item again (so a job that
 * kills its worker every time ends as `failed` instead of looping). (Takedowns are recorded in the audit log.)
 */
export class RecoveryAndAudit1764400000000 implements MigrationInterface {
  name = 'RecoveryAndAudit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Re-drives since the row last moved on its own (the count restarts when updated_at passes redriven_at).
    await q.query(`ALTER TABLE articles ADD COLUMN redrives integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE articles ADD COLUMN redriven_at timestamptz`);
    await q.query(`ALTER TABLE raw_items ADD COLUMN redrives integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE raw_items ADD COLUMN redriven_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE raw_items DROP COLUMN redriven_at`);
    await q.query(`ALTER TABLE raw_items DROP COLUMN redrives`);
    await q.query(`ALTER TABLE articles DROP COLUMN redriven_at`);
    await q.query(`ALTER TABLE articles DROP COLUMN redrives`);
  }
}
