import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SiteResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export type SiteRoute = SiteResponse | ((req: IncomingMessage) => SiteResponse);

export interface SiteServer {
  origin: string;
  /** Sets (or replaces) what a path answers. */
  route(path: string, response: SiteRoute): void;
  /** Requests seen, by path, with their headers. */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/** A little web site on 127.0.0.1 for fetch tests: feeds, pages, robots.txt, redirects, errors. Unknown paths: 404. */
export async function startSite(): Promise<SiteServer> {
  const routes = new Map<string, SiteRoute>();
  const requests: SiteServer['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    const answer = typeof route === 'function' ? route(req) : (route ?? { status: 404, body: 'not found' });
    res.writeHead(answer.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...answer.headers });
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, response) => routes.set(path, response),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
