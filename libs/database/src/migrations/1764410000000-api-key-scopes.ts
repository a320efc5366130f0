/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys get scopes (ingest, read, manage, admin) in place of one role, an optional list of sources they are
 * limited to, and an expiry. Existing keys keep what their role meant for pushing and reading, and nothing more:
 * an `ingest` key becomes ingest + read (it could kill and correct before only because nothing checked), a `read`
 * key read, an `admin` key admin.
 */
export class ApiKeyScopes1764410000000 implements MigrationInterface {
  name = 'ApiKeyScopes1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_keys
        ADD COLUMN scopes text[] NOT NULL DEFAULT '{}' CHECK (scopes <@ ARRAY['ingest', 'read', 'manage', 'admin']::text[]),
        ADD COLUMN source_ids uuid[],
        ADD COLUMN expires_at timestamptz,
        ADD COLUMN created_by_key_id uuid REFERENCES api_keys(id)`);
    await q.query(`
      UPDATE api_keys SET scopes = CASE role
        WHEN 'admin' THEN ARRAY['admin']
        WHEN 'ingest' THEN ARRAY['ingest', 'read']
        ELSE ARRAY['read'] END`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN role`);
    await q.query(`ALTER TABLE api_keys ALTER COLUMN scopes DROP DEFAULT`);
    await q.query(`ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_not_empty CHECK (cardinality(scopes) > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys ADD COLUMN role text`);
    await q.query(`
      UPDATE api_keys SET role = CASE
        WHEN 'admin' = ANY(scopes) THEN 'admin'
        WHEN 'ingest' = ANY(scopes) THEN 'ingest'
        ELSE 'read' END`);
    await q.query(`ALTER TABLE api_keys ALTER COLUMN role SET NOT NULL`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN created_by_key_id, DROP COLUMN expires_at, DROP COLUMN source_ids, DROP COLUMN scopes`);
  }
}
