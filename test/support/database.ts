import { Client } from 'pg';

/** Direct SQL on a test database (this run's shared one by default), for assertions on what was stored. */
export async function withDatabase<T>(work: (client: Client) => Promise<T>, url = process.env.DATABASE_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function countRows(
  table: 'articles' | 'raw_items' | 'article_revisions' | 'deliveries' | 'subscriptions',
  url?: string,
): Promise<number> {
  return withDatabase(async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n), url);
}
