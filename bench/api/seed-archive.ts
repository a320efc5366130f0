import { mediaTopic, mediaTopicAncestors, mediaTopicChildren } from '@copydesk/enrichment';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';

/** The texts the archive is made of: ../shared/nlp (BBC News, labelled with IPTC top-level topics, and German articles). */
export const NLP_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'nlp');

interface Text {
  title: string;
  body: string;
  language: string;
  medtop: string;
}

export const SOURCE_COUNT = 10;

/** Reads the texts; says what is missing when ../shared is not there. */
export function loadTexts(): Text[] {
  const bbc = join(NLP_DIR, 'bbc-news', 'train.jsonl');
  const german = join(NLP_DIR, 'annotated-de-dev.jsonl');
  if (!existsSync(bbc))
    throw new Error(`bench:api needs ${bbc} (../shared/nlp/bbc-news/train.jsonl) for realistic texts; it is not there.`);
  const lines = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const texts: Text[] = lines(bbc).map((row) => ({
    title: String(row.title),
    body: String(row.body),
    language: 'en',
    medtop: String(row.medtop),
  }));
  if (existsSync(german)) {
    for (const row of lines(german)) {
      const topics = (row.topics as string[] | undefined) ?? [];
      texts.push({ title: String(row.title), body: String(row.body), language: 'de', medtop: topics[0] ?? 'medtop:11000000' });
    }
  }
  return texts;
}

/**
 * An enrichment like the worker's: the text's top-level topic, and for half the articles a narrower topic of it
 * instead (a search by the top level must find those through their ancestors).
 */
function enrichmentFor(medtop: string, narrower: boolean): Record<string, unknown> {
  const top = mediaTopic(medtop);
  const children = mediaTopicChildren(medtop);
  const qcode = narrower && children.length ? children[0].qcode : medtop;
  const concept = mediaTopic(qcode) ?? top;
  return {
    enricherVersion: 'bench',
    topics: [{ qcode, label: concept?.label ?? qcode, confidence: 0.8, source: 'model', ancestors: mediaTopicAncestors(qcode) }],
  };
}

/**
 * `count` articles over SOURCE_COUNT sources and a year, built in PostgreSQL from the texts (each text's body
 * followed by part of another's, so no two bodies are equal), most published, some at every other stage.
 */
export async function seedArchive(db: Client, count: number): Promise<{ sourceSlugs: string[] }> {
  const texts = loadTexts();
  await db.query(
    `CREATE TEMP TABLE bench_texts (n int PRIMARY KEY, title text, body text, language text, enrichment jsonb, narrower jsonb)`,
  );
  for (let start = 0; start < texts.length; start += 200) {
    const batch = texts.slice(start, start + 200);
    const values = batch
      .map((_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`)
      .join(', ');
    await db.query(
      `INSERT INTO bench_texts VALUES ${values}`,
      batch.flatMap((t, i) => [start + i, t.title, t.body, t.language, enrichmentFor(t.medtop, false), enrichmentFor(t.medtop, true)]),
    );
  }
  const slugs = Array.from({ length: SOURCE_COUNT }, (_, i) => `bench-${i}`);
  await db.query(`INSERT INTO sources (slug, name, type) SELECT s, initcap(s), 'push' FROM unnest($1::text[]) s ON CONFLICT DO NOTHING`, [
    slugs,
  ]);
  const total = texts.length;
  // Stages: 85 % published; received, extracted, enriched, failed 3 % each; killed 3 %.
  await db.query(
    `INSERT INTO articles (id, source_id, external_id, status, revision, title, body_text, body_html, language, enrichment,
                           published_at, created_at, updated_at, correlation_id)
     SELECT gen_random_uuid(), s.id, 'bench-' || g, 
            CASE WHEN g % 100 < 85 THEN 'published' WHEN g % 100 < 88 THEN 'received' WHEN g % 100 < 91 THEN 'extracted'
                 WHEN g % 100 < 94 THEN 'enriched' WHEN g % 100 < 97 THEN 'failed' ELSE 'killed' END,
            1, t.title, t.body || E'\\n\\n' || left(o.body, 600), '<p>' || t.body || '</p>', t.language,
            CASE WHEN g % 2 = 0 THEN t.narrower ELSE t.enrichment END,
            at, at + interval '3 minutes', at + interval '5 minutes', 'bench'
     FROM generate_series(1, $1::int) g
     JOIN bench_texts t ON t.n = g % $2::int
     JOIN bench_texts o ON o.n = (g * 7 + 3) % $2::int
     JOIN sources s ON s.slug = 'bench-' || (g % ${SOURCE_COUNT})
     CROSS JOIN LATERAL (SELECT now() - interval '365 days' + (g::float / $1::int) * interval '365 days' AS at) times`,
    [count, total],
  );
  // As autovacuum leaves a running installation: statistics for the planner on both tables (article_search had none,
  // so every estimate was a default), and the text index's pending list merged into it.
  await db.query(`VACUUM ANALYZE articles, article_search`);
  return { sourceSlugs: slugs };
}
