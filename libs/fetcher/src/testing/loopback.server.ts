import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test server saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** An HTTP server on 127.0.0.1 for fetch tests: its origin, what it saw, and how many requests were in flight at most. */
export interface LoopbackServer {
  origin: string;
  port: number;
  seen: SeenRequest[];
  /** The most requests this server was handling at the same moment. */
  maxInFlight(): number;
  close(): Promise<void>;
}

// The handler's return value is ignored (response.end() returns the response, which is fine to return).
export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

/** Starts a server on a free loopback port. Network tests only ever talk to these. */
export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const seen: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = (): void => {
      if (counted) inFlight--;
      counted = false;
    };
    response.on('finish', done);
    response.on('close', done);
    Promise.resolve(handler(request, response)).catch((err: unknown) => {
      response.destroy(err instanceof Error ? err : new Error(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    seen,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Requests the server saw for one path (robots.txt fetches are counted apart from page fetches). */
export function seenPath(server: LoopbackServer, path: string): SeenRequest[] {
  return server.seen.filter((request) => request.url === path);
}
