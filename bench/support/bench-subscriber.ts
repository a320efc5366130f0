import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook subscriber on 127.0.0.1 that answers 204 at once and remembers, per article, when its first
 * `article.created` arrived; duplicates (an article, or a `webhook-id`, seen twice) are counted.
 */
export interface BenchSubscriber {
  url: string;
  /** First arrival (ms, performance.now()) of each article's `article.created`. */
  arrivals: Map<string, number>;
  duplicateArticles: () => number;
  duplicateMessages: () => number;
  requests: () => number;
  /** Called after each new article arrives. */
  onArrival: (listener: () => void) => void;
  close(): Promise<void>;
}

export async function startBenchSubscriber(): Promise<BenchSubscriber> {
  const arrivals = new Map<string, number>();
  const messages = new Set<string>();
  let duplicateArticles = 0;
  let duplicateMessages = 0;
  let requests = 0;
  const listeners: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests++;
      res.writeHead(204).end();
      const messageId = String(req.headers['webhook-id']);
      if (messages.has(messageId)) duplicateMessages++;
      messages.add(messageId);
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: { id?: string } };
      if (event.type !== 'article.created' || !event.data.id) return;
      if (arrivals.has(event.data.id)) {
        duplicateArticles++;
        return;
      }
      arrivals.set(event.data.id, performance.now());
      for (const listener of listeners) listener();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/bench`,
    arrivals,
    duplicateArticles: () => duplicateArticles,
    duplicateMessages: () => duplicateMessages,
    requests: () => requests,
    onArrival: (listener) => listeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
