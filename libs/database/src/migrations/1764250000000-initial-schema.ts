/*
 * WIRE CONTRACT. A migration that has run somewhere is history: never edit it, add a new one.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764250000000 implements MigrationInterface {
  name = 'InitialSchema1764250000000';

  async up(q: QueryRunner): Promise<void> {
    // Full-text search follows each article's language where PostgreSQL has a stemmer for it. The function must be
    // IMMUTABLE to be used in a generated column; the mapping never changes for a given input.
    await q.query(`
      CREATE FUNCTION copydesk_ts_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE lower(split_part(coalesce(lang, ''), '-', 1))
          WHEN 'en' THEN 'english'::regconfig  WHEN 'fr' THEN 'french'::regconfig
          WHEN 'de' THEN 'german'::regconfig   WHEN 'es' THEN 'spanish'::regconfig
          WHEN 'it' THEN 'italian'::regconfig  WHEN 'pt' THEN 'portuguese'::regconfig
          WHEN 'nl' THEN 'dutch'::regconfig    WHEN 'sv' THEN 'swedish'::regconfig
          WHEN 'da' THEN 'danish'::regconfig   WHEN 'nb' THEN 'norwegian'::regconfig
          WHEN 'no' THEN 'norwegian'::regconfig WHEN 'fi' THEN 'finnish'::regconfig
          WHEN 'ru' THEN 'russian'::regconfig  WHEN 'tr' THEN 'turkish'::regconfig
          WHEN 'hu' THEN 'hungarian'::regconfig WHEN 'ro' THEN 'romanian'::regconfig
          ELSE 'simple'::regconfig END
      $$`);

    await q.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        type text NOT NULL,
        url text,
        active boolean NOT NULL DEFAULT true,
        config jsonb NOT NULL DEFAULT '{}',
        credentials_encrypted text,
        webhook_secrets_encrypted text,
        time_zone text,
        poll_interval_seconds integer,
        etag text,
        last_modified text,
        last_polled_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        next_poll_at timestamptz,
        items_seen integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The channel CMS pushes land in when neither the call nor the API key names a source.
    await q.query(`INSERT INTO sources (slug, name, type) VALUES ('cms', 'CMS push', 'push')`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        role text NOT NULL,
        default_source_id uuid REFERENCES sources(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES sources(id),
        external_id text,
        url text,
        canonical_url text,
        title text,
        byline text,
        authors jsonb NOT NULL DEFAULT '[]',
        description text,
        body_html text,
        body_text text,
        language text,
        published_at timestamptz,
        modified_at timestamptz,
        embargo_until timestamptz,
        status text NOT NULL,
        failure_reason text,
        kill_reason text,
        killed_at timestamptz,
        content_hash text,
        revision integer NOT NULL DEFAULT 0,
        enrichment jsonb,
        enricher_version text,
        enriched_revision integer,
        routed_revision integer,
        applied_received_at timestamptz,
        metadata jsonb NOT NULL DEFAULT '{}',
        correlation_id text,
        content_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(copydesk_ts_config(language), coalesce(title, '')), 'A') ||
          setweight(to_tsvector(copydesk_ts_config(language), coalesce(body_text, '')), 'B')
        ) STORED
      )`);
    // One article per source and external id: a second push with the same id is an update, never a duplicate.
    await q.query(`CREATE UNIQUE INDEX articles_source_external_id_key ON articles (source_id, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX articles_status_idx ON articles (status)`);
    await q.query(`CREATE INDEX articles_published_at_idx ON articles (published_at DESC)`);
    await q.query(`CREATE INDEX articles_content_hash_idx ON articles (content_hash)`);
    await q.query(`CREATE INDEX articles_canonical_url_idx ON articles (canonical_url)`);
    await q.query(`CREATE INDEX articles_search_vector_idx ON articles USING gin (search_vector)`);

    await q.query(`
      CREATE TABLE raw_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES sources(id),
        article_id uuid REFERENCES articles(id),
        origin text NOT NULL,
        content_type text NOT NULL,
        payload bytea NOT NULL,
        url text,
        external_id text,
        metadata jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        correlation_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz,
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX raw_items_article_idx ON raw_items (article_id)`);
    // The outbox sweeper looks for committed items that never reached the queue.
    await q.query(`CREATE INDEX raw_items_unqueued_idx ON raw_items (received_at) WHERE enqueued_at IS NULL`);

    await q.query(`
      CREATE TABLE article_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES articles(id),
        revision integer NOT NULL,
        raw_item_id uuid REFERENCES raw_items(id),
        origin text NOT NULL,
        title text,
        byline text,
        body_html text,
        body_text text,
        content_hash text,
        changed_fields text[] NOT NULL DEFAULT '{}',
        diff jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (article_id, revision)
      )`);

    await q.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text,
        url text NOT NULL,
        secrets jsonb NOT NULL DEFAULT '[]',
        events text[] NOT NULL,
        format text NOT NULL,
        filters jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL,
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX subscriptions_status_idx ON subscriptions (status)`);

    await q.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES subscriptions(id),
        article_id uuid NOT NULL REFERENCES articles(id),
        event text NOT NULL,
        revision integer NOT NULL,
        event_id text NOT NULL UNIQUE,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        payload text NOT NULL,
        next_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, article_id, event, revision)
      )`);
    await q.query(`CREATE INDEX deliveries_article_idx ON deliveries (article_id)`);
    await q.query(`CREATE INDEX deliveries_subscription_status_idx ON deliveries (subscription_id, status)`);

    await q.query(`
      CREATE TABLE delivery_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES deliveries(id),
        attempt integer NOT NULL,
        outcome text NOT NULL,
        response_code integer,
        latency_ms integer,
        error text,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (delivery_id, attempt)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery_attempts`);
    await q.query(`DROP TABLE deliveries`);
    await q.query(`DROP TABLE subscriptions`);
    await q.query(`DROP TABLE article_revisions`);
    await q.query(`DROP TABLE raw_items`);
    await q.query(`DROP TABLE articles`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE sources`);
    await q.query(`DROP FUNCTION copydesk_ts_config(text)`);
  }
}
