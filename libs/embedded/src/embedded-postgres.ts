import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for a laptop without one: PGlite (PostgreSQL compiled to WebAssembly) behind its wire-protocol socket
 * server, data kept in `<dataDir>/postgres`. It runs one query at a time, so it suits `npm start`, not load
 * (STACK.md trap 7): each process should use a pool of one connection.
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 16): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'postgres');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
