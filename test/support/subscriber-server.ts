import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
  /** When the answer was sent (after any delay). */
  receivedAt: number;
  /** When the request body had arrived. */
  arrivedAt: number;
  /** The status this subscriber answered with. */
  status: number;
}

/** How to answer one request. */
export interface SubscriberAnswer {
  status: number;
  delayMs?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** Decides the answer per request: by event type, by article, by count... */
export type SubscriberScript = (request: { headers: IncomingHttpHeaders; body: string; index: number }) => SubscriberAnswer;

export interface SubscriberServer {
  url: string;
  port: number;
  /** Every request answered, whatever the answer. */
  received: ReceivedDelivery[];
  /** Requests whose body has arrived, answered or not yet. */
  started: () => number;
  /** The requests answered with a 2xx: what the subscriber actually took. */
  accepted: () => ReceivedDelivery[];
  /** What the next requests get: a status, and optionally a delay before answering. */
  respondWith(status: number, delayMs?: number): void;
  /** Per-request answers; replaces respondWith until cleared with null. */
  script(script: SubscriberScript | null): void;
  /** Stops listening (connections are refused) until `up()`: a subscriber that is down. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A webhook subscriber on 127.0.0.1 that records every request. */
export async function startSubscriber(): Promise<SubscriberServer> {
  const received: ReceivedDelivery[] = [];
  let fixed: SubscriberAnswer = { status: 204 };
  let scripted: SubscriberScript | null = null;
  let started = 0;
  let port = 0;
  let server: Server;

  const listen = async (): Promise<void> => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const index = started++;
        const arrivedAt = Date.now();
        const body = Buffer.concat(chunks).toString('utf8');
        const answer = scripted ? scripted({ headers: req.headers, body, index }) : fixed;
        const reply = (): void => {
          received.push({ headers: req.headers, body, receivedAt: Date.now(), arrivedAt, status: answer.status });
          res.writeHead(answer.status, answer.headers).end(answer.body);
        };
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  await listen();
  return {
    url: `http://127.0.0.1:${port}/hooks/copydesk`,
    port,
    received,
    started: () => started,
    accepted: () => received.filter((delivery) => delivery.status >= 200 && delivery.status < 300),
    respondWith(status, delayMs = 0) {
      fixed = { status, delayMs };
    },
    script(next) {
      scripted = next;
    },
    down: stop,
    up: listen,
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
