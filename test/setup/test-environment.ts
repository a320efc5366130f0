/**
 * Where tests find PostgreSQL and Redis. Global setup decides once per run (the URLs from the environment, else the
 * local servers on their standard ports, else servers it starts itself) and hands the answer to every test worker
 * through TEST_DATABASE_ADMIN_URL and REDIS_URL. Each jest run gets its own databases and queue prefix, so runs
 * never collide, even side by side on one machine.
 */
export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:6379';

/** A connection to a database that may create and drop the run's databases. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL ?? LOCAL_DATABASE_URL;
}

export function databaseUrlFor(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
