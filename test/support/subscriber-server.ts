import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

export interface SubscriberServer {
  url: string;
  received: ReceivedDelivery[];
  /** Requests whose body has arrived, answered or not yet. */
  started: () => number;
  /** What the next requests get: a status, and optionally a delay before answering. */
  respondWith(status: number, delayMs?: number): void;
  close(): Promise<void>;
}

/** A webhook subscriber on 127.0.0.1 that records every request. */
export async function startSubscriber(): Promise<SubscriberServer> {
  const received: ReceivedDelivery[] = [];
  let status = 204;
  let delayMs = 0;
  let started = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      started++;
      const answer = (): void => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
        res.writeHead(status).end();
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/copydesk`,
    received,
    started: () => started,
    respondWith(next, delay = 0) {
      status = next;
      delayMs = delay;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
